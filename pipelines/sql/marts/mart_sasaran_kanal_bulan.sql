-- New cases by target group (`kelompok_sasaran`) and by channel (`kanal`) per wilayah (desa, kecamatan, kabupaten)
-- and month of report (metrics.md section 1), one row per (wilayah, month, dimensi, kode); a value not typed is
-- `tidak_diisi`. A case is counted as in mart_desa_bulan (its first report month, its latest category and values).
-- Privacy in the mart itself (metrics.md section 7), so that every reader and export gets it: desa and kecamatan
-- rows count only the cases that are not sensitive (neither a violence category nor a victim of violence as target
-- group), exactly the cases of the total the app shows there (akses.SQL_KASUS_TAMPIL): each breakdown adds up to
-- that total, no row below kabupaten level names a victim group, and nothing below kabupaten level depends on a
-- sensitive case. Kabupaten rows are exact (every case, every group).
with kasus as (
    select kode_desa, no_registrasi, bulan, kelompok_sasaran, kanal, sensitif
    from int_kasus
),

dasar as (
    select
        k.kode_desa,
        w.kode_kec,
        w.kode_kab,
        k.bulan,
        k.sensitif,
        coalesce(k.kelompok_sasaran, 'tidak_diisi') as kelompok_sasaran,
        coalesce(k.kanal, 'tidak_diisi') as kanal
    from kasus k
    join ref_wilayah w using (kode_desa)
),

panjang as (
    select kode_desa, kode_kec, kode_kab, bulan, sensitif, 'kelompok_sasaran' as dimensi, kelompok_sasaran as kode
    from dasar
    union all
    select kode_desa, kode_kec, kode_kab, bulan, sensitif, 'kanal' as dimensi, kanal as kode
    from dasar
),

-- below kabupaten level: the cases that are not sensitive
bawah as (
    select kode_desa, kode_kec, kode_kab, bulan, dimensi, kode
    from panjang
    where not sensitif
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
