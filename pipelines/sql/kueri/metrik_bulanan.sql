-- The monthly mart for one level and a month range, with every wilayah of the configured regencies per month
-- (zeros where the mart has no row). Parameters: $tingkat, $dari, $sampai (first days of months).
with wilayah as (
    select distinct
        case $tingkat when 'desa' then kode_desa when 'kecamatan' then kode_kec else kode_kab end as kode_wilayah,
        case $tingkat when 'desa' then nama_desa when 'kecamatan' then nama_kec else nama_kab end as nama_wilayah
    from ref_wilayah
),

bulan as (
    select cast(b as date) as bulan
    from generate_series(cast($dari as date), cast($sampai as date), interval 1 month) as g(b)
),

final as (
    select
        w.kode_wilayah,
        w.nama_wilayah,
        strftime(b.bulan, '%Y-%m') as bulan,
        columns(m.* exclude (tingkat, kode_wilayah, nama_wilayah, kode_kec, kode_kab, bulan, jumlah_desa,
                             sudah_jatuh_tempo)),
        -- true when the month's reports were due at the cut-off (a month after it is partial: belum lengkap)
        b.bulan <= bulan_jatuh_tempo_terakhir() as sudah_jatuh_tempo
    from wilayah w
    cross join bulan b
    left join mart_wilayah_bulan m
        on m.tingkat = $tingkat and m.kode_wilayah = w.kode_wilayah and m.bulan = b.bulan
)

select * from final
order by kode_wilayah, bulan
