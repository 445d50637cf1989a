-- Population per desa and month of the mart grid, for `kasus_per_1000` (metrics.md section 1): the population
-- of the latest year <= the month's year (the latest loaded row per desa and year, `stg_penduduk`); null where
-- no population is known for that year or an earlier one, so the rate is shown only where population is known.
with grid as (
    select kode_desa, kode_kec, kode_kab, bulan
    from mart_desa_bulan
),

penduduk as (
    select kode_desa, tahun, jumlah_penduduk
    from stg_penduduk
    where jumlah_penduduk > 0
),

final as (
    select
        g.kode_desa,
        g.kode_kec,
        g.kode_kab,
        g.bulan,
        max(p.tahun) as tahun_penduduk,
        arg_max(p.jumlah_penduduk, p.tahun) as jumlah_penduduk
    from grid g
    left join penduduk p on p.kode_desa = g.kode_desa and p.tahun <= year(g.bulan)
    group by g.kode_desa, g.kode_kec, g.kode_kab, g.bulan
)

select * from final
