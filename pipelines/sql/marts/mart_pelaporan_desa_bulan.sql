-- One row per desa and month: the state of that month's report as of the cut-off, for the 12-month strip of the
-- Kualitas data page and the desa profile (metrics.md section 3, DHIS2 style). `status_lapor`:
--   tepat_waktu       reported (a case row) by day N of the next month (N = hari_tepat_waktu, default 10)
--   terlambat         reported (a case row), first report after day N
--   nihil             reported nihil and no case ("nothing happened": never drawn like diam)
--   diam              expected, nothing received, and the deadline has passed
--   belum_jatuh_tempo nothing received yet, but the deadline (day N of the next month) is after the cut-off
--   belum_diharapkan  before the Puskesos is expected to report (month after its SK, or its first report),
--                     or a desa without a Puskesos
-- A report is "received for month M" when any row dated in M (tanggal_lapor) was sent by the cut-off.
with batas as (
    select
        tanggal_per() as per,
        coalesce(getvariable('hari_tepat_waktu'), 10) as hari_tepat_waktu
),

desa_bulan as (
    select
        d.kode_desa,
        d.kode_kec,
        d.kode_kab,
        d.bulan,
        d.desa_diharapkan,
        d.desa_melapor,
        d.desa_nihil,
        d.desa_tepat_waktu,
        -- the first month the desa is expected (or did report): before it, the strip says "belum diharapkan"
        min(d.bulan) filter (where d.desa_diharapkan = 1 or d.desa_melapor = 1)
            over (partition by d.kode_desa) as bulan_awal,
        cast(d.bulan + interval 1 month + to_days(cast(b.hari_tepat_waktu - 1 as integer)) as date)
            as batas_tepat_waktu,
        b.per
    from mart_desa_bulan d
    cross join batas b
),

final as (
    select
        kode_desa,
        kode_kec,
        kode_kab,
        bulan,
        case
            when desa_melapor = 1 and desa_nihil = 1 then 'nihil'
            when desa_melapor = 1 and desa_tepat_waktu = 1 then 'tepat_waktu'
            when desa_melapor = 1 then 'terlambat'
            when bulan_awal is null or bulan < bulan_awal then 'belum_diharapkan'
            when batas_tepat_waktu >= per then 'belum_jatuh_tempo'
            when desa_diharapkan = 1 then 'diam'
            else 'belum_diharapkan'
        end as status_lapor,
        desa_diharapkan,
        desa_melapor,
        desa_nihil,
        desa_tepat_waktu,
        batas_tepat_waktu
    from desa_bulan
)

select * from final
