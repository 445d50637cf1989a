-- New cases by target group (`kelompok_sasaran`) and by channel (`kanal`) per wilayah (desa, kecamatan, kabupaten)
-- and month of report (metrics.md section 1), one row per (wilayah, month, dimensi, kode); a value not typed is
-- `tidak_diisi`. A case is counted as in mart_desa_bulan (its first report month, its latest category and values).
-- Privacy in the mart itself (metrics.md section 7), so that every reader and export gets it: desa and kecamatan
-- rows count only the cases that are not sensitive (neither a violence category nor a victim of violence as target
-- group), exactly the cases of the total the app shows there (akses.SQL_KASUS_TAMPIL): each breakdown adds up to
-- that total, no row below kabupaten level names a victim group, and nothing below kabupaten level depends on a
-- sensitive case. Kabupaten rows are exact (every case, every group).
-- Counted once per (desa, month, sensitive or not, dimension, value); the kecamatan and kabupaten rows add those
-- counts up (national scale: 10 M cases, 13.6 M rows out; one count over the cases instead of three).
with dasar as (
    select
        kode_desa,
        bulan,
        sensitif,
        coalesce(kelompok_sasaran, 'tidak_diisi') as kelompok_sasaran,
        coalesce(kanal, 'tidak_diisi') as kanal
    from int_kasus
),

-- cases per desa, month, sensitive or not, dimension and value
panjang as (
    select kode_desa, bulan, sensitif, 'kelompok_sasaran' as dimensi, kelompok_sasaran as kode, count(*) as kasus
    from dasar
    group by all
    union all
    select kode_desa, bulan, sensitif, 'kanal' as dimensi, kanal as kode, count(*) as kasus
    from dasar
    group by all
),

berwilayah as (
    select p.*, w.kode_kec, w.kode_kab
    from panjang p
    join ref_wilayah w using (kode_desa)
),

-- one row per desa, month, dimension and value already (panjang's key with sensitif = false)
desa as (
    select 'desa' as tingkat, kode_desa as kode_wilayah, kode_kec, kode_kab, bulan, dimensi, kode, kasus
    from berwilayah
    where not sensitif
),

-- below kabupaten level: only the cases that are not sensitive
kecamatan as (
    select 'kecamatan' as tingkat, kode_kec as kode_wilayah, kode_kec, kode_kab, bulan, dimensi, kode,
        sum(kasus)::bigint as kasus
    from berwilayah
    where not sensitif
    group by all
),

kabupaten as (
    select 'kabupaten' as tingkat, kode_kab as kode_wilayah, null::varchar as kode_kec, kode_kab, bulan, dimensi, kode,
        sum(kasus)::bigint as kasus
    from berwilayah
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
