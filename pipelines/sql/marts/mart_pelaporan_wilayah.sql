-- Reporting per wilayah (desa, kecamatan, kabupaten) as of the cut-off (metrics.md section 3), over the last DUE
-- months: M = bulan_jatuh_tempo_terakhir() (the report for month M is due on day hari_tepat_waktu of M+1; a later
-- month is "belum jatuh tempo" and counts neither for nor against a desa).
--   status_puskesos (desa rows)        mart_puskesos_status: aktif, tersendat, diam, belum_dibentuk
--   puskesos_<status>                  how many desa of the wilayah have that status
--   diharapkan_N, diterima_N,          over the last N due months (N = 3, 12): months a desa was expected to
--   tepat_waktu_N                      report, of them received (a case or nihil row), of them on time
--   kelengkapan_N = diterima_N / diharapkan_N, ketepatan_N = tepat_waktu_N / diharapkan_N (NULL without an
--   expected month). Higher levels are recomputed from the desa counts, never by averaging rates.
-- The one source of these numbers for the app's status counts, the map, the agenda and `pantau metrik --set
-- pelaporan`; mart_kualitas_desa's 12-month kelengkapan is the same number (checks/check_pelaporan_wilayah.sql).
with batas as (
    select
        bulan_jatuh_tempo_terakhir() as akhir,
        cast(bulan_jatuh_tempo_terakhir() - interval 2 month as date) as awal_3,
        cast(bulan_jatuh_tempo_terakhir() - interval 11 month as date) as awal_12
),

desa as (
    select
        d.kode_desa,
        count(*) filter (where d.desa_diharapkan = 1 and d.bulan >= b.awal_3) as diharapkan_3,
        count(*) filter (where d.desa_diharapkan = 1 and d.desa_melapor = 1 and d.bulan >= b.awal_3) as diterima_3,
        count(*) filter (where d.desa_diharapkan = 1 and d.desa_tepat_waktu = 1 and d.bulan >= b.awal_3)
            as tepat_waktu_3,
        count(*) filter (where d.desa_diharapkan = 1 and d.bulan >= b.awal_12) as diharapkan_12,
        count(*) filter (where d.desa_diharapkan = 1 and d.desa_melapor = 1 and d.bulan >= b.awal_12) as diterima_12,
        count(*) filter (where d.desa_diharapkan = 1 and d.desa_tepat_waktu = 1 and d.bulan >= b.awal_12)
            as tepat_waktu_12
    from mart_desa_bulan d, batas b
    where d.bulan <= b.akhir
    group by d.kode_desa
),

per_desa as (
    select
        w.kode_desa,
        w.kode_kec,
        w.kode_kab,
        s.status_puskesos,
        coalesce(d.diharapkan_3, 0) as diharapkan_3,
        coalesce(d.diterima_3, 0) as diterima_3,
        coalesce(d.tepat_waktu_3, 0) as tepat_waktu_3,
        coalesce(d.diharapkan_12, 0) as diharapkan_12,
        coalesce(d.diterima_12, 0) as diterima_12,
        coalesce(d.tepat_waktu_12, 0) as tepat_waktu_12
    from ref_wilayah w
    left join mart_puskesos_status s using (kode_desa)
    left join desa d using (kode_desa)
),

naik as (
    select
        case
            when grouping(p.kode_desa) = 0 then 'desa'
            when grouping(p.kode_kec) = 0 then 'kecamatan'
            else 'kabupaten'
        end as tingkat,
        coalesce(p.kode_desa, p.kode_kec, p.kode_kab) as kode_wilayah,
        case
            when grouping(p.kode_desa) = 0 then any_value(w.nama_desa)
            when grouping(p.kode_kec) = 0 then any_value(w.nama_kec)
            else any_value(w.nama_kab)
        end as nama_wilayah,
        p.kode_kec,
        p.kode_kab,
        case when grouping(p.kode_desa) = 0 then any_value(p.status_puskesos) end as status_puskesos,
        count(*) filter (where p.status_puskesos = 'aktif') as puskesos_aktif,
        count(*) filter (where p.status_puskesos = 'tersendat') as puskesos_tersendat,
        count(*) filter (where p.status_puskesos = 'diam') as puskesos_diam,
        count(*) filter (where p.status_puskesos = 'belum_dibentuk') as puskesos_belum_dibentuk,
        sum(p.diharapkan_3)::bigint as diharapkan_3,
        sum(p.diterima_3)::bigint as diterima_3,
        sum(p.tepat_waktu_3)::bigint as tepat_waktu_3,
        sum(p.diharapkan_12)::bigint as diharapkan_12,
        sum(p.diterima_12)::bigint as diterima_12,
        sum(p.tepat_waktu_12)::bigint as tepat_waktu_12
    from per_desa p
    join ref_wilayah w using (kode_desa)
    group by grouping sets ((p.kode_kab, p.kode_kec, p.kode_desa), (p.kode_kab, p.kode_kec), (p.kode_kab))
),

final as (
    select
        n.tingkat,
        n.kode_wilayah,
        n.nama_wilayah,
        n.kode_kec,
        n.kode_kab,
        b.akhir as bulan_jatuh_tempo_terakhir,
        n.status_puskesos,
        n.puskesos_aktif,
        n.puskesos_tersendat,
        n.puskesos_diam,
        n.puskesos_belum_dibentuk,
        n.diharapkan_3,
        n.diterima_3,
        n.tepat_waktu_3,
        n.diterima_3 / nullif(n.diharapkan_3, 0) as kelengkapan_3,
        n.tepat_waktu_3 / nullif(n.diharapkan_3, 0) as ketepatan_3,
        n.diharapkan_12,
        n.diterima_12,
        n.tepat_waktu_12,
        n.diterima_12 / nullif(n.diharapkan_12, 0) as kelengkapan_12,
        n.tepat_waktu_12 / nullif(n.diharapkan_12, 0) as ketepatan_12
    from naik n
    cross join batas b
)

select * from final
