-- New cases by target group (`kelompok_sasaran`) and by channel (`kanal`) per wilayah (desa, kecamatan, kabupaten)
-- and month of report (metrics.md section 1), one row per (wilayah, month, dimensi, kode); a value not typed is
-- `tidak_diisi`. A case is counted as in mart_desa_bulan (its first report month, its latest category and values).
-- Privacy in the mart itself (metrics.md section 7), so that every reader and export gets it:
--   desa and kecamatan rows count exactly the cases the app shows as the total there (every case outside the two
--   violence categories, akses.SQL_KASUS_TAMPIL): the rows of one breakdown add up to that shown total, so no
--   subtraction against it, or against the protected cube, reveals a hidden count; and a case among them whose
--   target group is one of the two `*_korban_kekerasan` groups is counted under `lainnya`, so that no row below
--   kabupaten level names a victim group. Kabupaten rows are exact (every case, every group).
with kasus as (
    select
        kode_desa,
        no_registrasi,
        cast(date_trunc('month', min(tanggal_lapor)) as date) as bulan,
        arg_max(kategori, tanggal_kirim_efektif) as kategori,
        arg_max(kelompok_sasaran, tanggal_kirim_efektif) as kelompok_sasaran,
        arg_max(kanal, tanggal_kirim_efektif) as kanal
    from int_kasus_terkini
    group by kode_desa, no_registrasi
),

dasar as (
    select
        k.kode_desa,
        w.kode_kec,
        w.kode_kab,
        k.bulan,
        k.kategori in ('kekerasan_perempuan', 'kekerasan_anak') as kekerasan,
        coalesce(k.kelompok_sasaran, 'tidak_diisi') as kelompok_sasaran,
        coalesce(k.kanal, 'tidak_diisi') as kanal
    from kasus k
    join ref_wilayah w using (kode_desa)
),

panjang as (
    select kode_desa, kode_kec, kode_kab, bulan, kekerasan, 'kelompok_sasaran' as dimensi, kelompok_sasaran as kode
    from dasar
    union all
    select kode_desa, kode_kec, kode_kab, bulan, kekerasan, 'kanal' as dimensi, kanal as kode
    from dasar
),

-- below kabupaten level: without the violence categories; victim groups counted under `lainnya`
bawah as (
    select
        kode_desa, kode_kec, kode_kab, bulan, dimensi,
        case
            when dimensi = 'kelompok_sasaran' and kode in ('perempuan_korban_kekerasan', 'anak_korban_kekerasan')
                then 'lainnya'
            else kode
        end as kode
    from panjang
    where not kekerasan
),

desa as (
    select 'desa' as tingkat, kode_desa as kode_wilayah, kode_kec, kode_kab, bulan, dimensi, kode, count(*) as kasus
    from bawah
    group by all
),

kecamatan as (
    select 'kecamatan' as tingkat, kode_kec as kode_wilayah, kode_kec, kode_kab, bulan, dimensi, kode,
        count(*) as kasus
    from bawah
    group by all
),

kabupaten as (
    select 'kabupaten' as tingkat, kode_kab as kode_wilayah, null::varchar as kode_kec, kode_kab, bulan, dimensi, kode,
        count(*) as kasus
    from panjang
    group by all
),

final as (
    select * from desa
    union all by name
    select * from kecamatan
    union all by name
    select * from kabupaten
)

select * from final
