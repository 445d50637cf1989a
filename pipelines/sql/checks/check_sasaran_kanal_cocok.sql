-- Each breakdown of mart_sasaran_kanal_bulan (target group, channel) adds up, per wilayah and month, to the case
-- total the app shows there: every case at kabupaten level, the cases that are not sensitive below it
-- (akses.SQL_KASUS_TAMPIL). This is what keeps a subtraction from revealing a hidden count (metrics.md section 7).
with rincian as (
    select tingkat, kode_wilayah, bulan, dimensi, sum(kasus) as kasus
    from mart_sasaran_kanal_bulan
    group by all
),

total as (
    select
        tingkat,
        kode_wilayah,
        bulan,
        kasus_baru - case when tingkat = 'kabupaten' then 0 else kasus_sensitif end as kasus
    from mart_wilayah_bulan
),

dimensi as (
    select unnest(['kelompok_sasaran', 'kanal']) as dimensi
)

select t.tingkat, t.kode_wilayah, t.bulan, d.dimensi, t.kasus as di_kubus, coalesce(r.kasus, 0) as di_rincian
from total t
cross join dimensi d
left join rincian r using (tingkat, kode_wilayah, bulan, dimensi)
where t.kasus <> coalesce(r.kasus, 0)
