-- Each breakdown of mart_sasaran_kanal_bulan (target group, channel) adds up, per wilayah and month, to the case
-- total the app shows there: every case at kabupaten level, the cases that are not sensitive below it
-- (akses.SQL_KASUS_TAMPIL). This is what keeps a subtraction from revealing a hidden count (metrics.md section 7).
-- Both breakdowns are summed in one pass, one row per wilayah and month (national scale: 13.6 M mart rows).
with rincian as (
    select
        tingkat,
        kode_wilayah,
        bulan,
        sum(kasus) filter (where dimensi = 'kelompok_sasaran') as kelompok_sasaran,
        sum(kasus) filter (where dimensi = 'kanal') as kanal
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

banding as (
    select
        t.tingkat,
        t.kode_wilayah,
        t.bulan,
        t.kasus,
        coalesce(r.kelompok_sasaran, 0) as kelompok_sasaran,
        coalesce(r.kanal, 0) as kanal
    from total t
    left join rincian r using (tingkat, kode_wilayah, bulan)
)

select tingkat, kode_wilayah, bulan, 'kelompok_sasaran' as dimensi, kasus as di_kubus, kelompok_sasaran as di_rincian
from banding
where kasus <> kelompok_sasaran
union all
select tingkat, kode_wilayah, bulan, 'kanal' as dimensi, kasus as di_kubus, kanal as di_rincian
from banding
where kasus <> kanal
