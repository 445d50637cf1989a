-- mart_program_desa with its roll-ups to kecamatan and kabupaten, and the rates: a rate is shown only where
-- its denominator is at least 10 (metrics.md section 4); counts always.
with desa as (
    select
        'desa' as tingkat, d.kode_desa as kode_wilayah, w.nama_desa as nama_wilayah, d.kode_kec, d.kode_kab,
        d.program, d.periode_dtks, d.periode_roll, d.keluarga_layak, d.tercakup, d.salah_eksklusi, d.penerima,
        d.salah_inklusi, d.inklusi_luar_desil, d.inklusi_tidak_dtks_aktif
    from mart_program_desa d
    join ref_wilayah w using (kode_desa)
),

-- kecamatan and kabupaten in one pass: in the kabupaten grouping set kode_kec is null
naik as (
    select
        case when grouping(d.kode_kec) = 0 then 'kecamatan' else 'kabupaten' end as tingkat,
        coalesce(d.kode_kec, d.kode_kab) as kode_wilayah,
        case when grouping(d.kode_kec) = 0 then any_value(w.nama_kec) else any_value(w.nama_kab) end as nama_wilayah,
        d.kode_kec, d.kode_kab, d.program, any_value(d.periode_dtks) as periode_dtks,
        any_value(d.periode_roll) as periode_roll, sum(d.keluarga_layak)::bigint as keluarga_layak,
        sum(d.tercakup)::bigint as tercakup, sum(d.salah_eksklusi)::bigint as salah_eksklusi,
        sum(d.penerima)::bigint as penerima, sum(d.salah_inklusi)::bigint as salah_inklusi,
        sum(d.inklusi_luar_desil)::bigint as inklusi_luar_desil,
        sum(d.inklusi_tidak_dtks_aktif)::bigint as inklusi_tidak_dtks_aktif
    from mart_program_desa d
    join ref_wilayah w using (kode_desa)
    group by grouping sets ((d.kode_kab, d.kode_kec, d.program), (d.kode_kab, d.program))
),

semua as (
    select * from desa
    union all by name
    select * from naik
),

final as (
    select
        *,
        case when keluarga_layak >= 10 then tercakup / keluarga_layak end as cakupan,
        case when keluarga_layak >= 10 then salah_eksklusi / keluarga_layak end as tingkat_eksklusi,
        case when penerima >= 10 then salah_inklusi / penerima end as tingkat_inklusi
    from semua
)

select * from final
