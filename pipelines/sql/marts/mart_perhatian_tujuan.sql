-- One row per kecamatan or kabupaten and referral destination, as of the cut-off: the destinations most
-- behind (screens.md, Ringkasan "Perlu perhatian" and the Rapat kecamatan agenda). The rule (sql/README.md):
--   skor = rujukan_terlambat + rujukan_tanpa_respon
-- each open referral past its SLA is one follow-up, one never answered after 14 days one more; ties: the oldest
-- overdue referral, then the destination code. Counts are recomputed from the referral rows at each level.
with rujukan as (
    select * from mart_rujukan
),

kecamatan as (
    select
        'kecamatan' as tingkat,
        kode_kec as kode_wilayah,
        kode_kab,
        tujuan_rujukan,
        count(*) as rujukan,
        count_if(terbuka)::bigint as rujukan_terbuka,
        count_if(terlambat)::bigint as rujukan_terlambat,
        count_if(tanpa_respon)::bigint as rujukan_tanpa_respon,
        count_if(status_per = 'ditolak_tujuan')::bigint as rujukan_ditolak,
        max(umur_hari) filter (where terlambat) as umur_terlambat_tertua,
        count(distinct kode_desa) filter (where terlambat) as desa_terlambat
    from rujukan
    group by kode_kec, kode_kab, tujuan_rujukan
),

kabupaten as (
    select
        'kabupaten' as tingkat,
        kode_kab as kode_wilayah,
        kode_kab,
        tujuan_rujukan,
        count(*) as rujukan,
        count_if(terbuka)::bigint as rujukan_terbuka,
        count_if(terlambat)::bigint as rujukan_terlambat,
        count_if(tanpa_respon)::bigint as rujukan_tanpa_respon,
        count_if(status_per = 'ditolak_tujuan')::bigint as rujukan_ditolak,
        max(umur_hari) filter (where terlambat) as umur_terlambat_tertua,
        count(distinct kode_desa) filter (where terlambat) as desa_terlambat
    from rujukan
    group by kode_kab, tujuan_rujukan
),

gabung as (
    select * from kecamatan
    union all by name
    select * from kabupaten
),

final as (
    select
        *,
        rujukan_terlambat + rujukan_tanpa_respon as skor,
        row_number() over (
            partition by tingkat, kode_wilayah
            order by rujukan_terlambat + rujukan_tanpa_respon desc, umur_terlambat_tertua desc nulls last,
                tujuan_rujukan
        ) as peringkat
    from gabung
)

select * from final
