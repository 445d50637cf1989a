-- One row per desa as of the cut-off: what makes it "perlu perhatian" (screens.md, Ringkasan and Rapat
-- kecamatan) and its place in the ranking of its kecamatan and kabupaten. The rule (sql/README.md):
--   skor = rujukan_terlambat + rujukan_tanpa_respon + 10 * bulan_tidak_lapor_3
-- an open referral past its SLA is one follow-up; one with no answer at all after 14 days is one more; an
-- expected month without any report (of the last 3 full months) weighs ten, about a month of a desa's work,
-- because a silent Puskesos hides its referrals from every other count. Ties: the oldest overdue referral,
-- then the longer silence, then the code. Desa with skor 0 are not behind.
with batas as (
    -- the month after the last due month: the windows below end with the last due month (metrics.md section 3)
    select cast(bulan_jatuh_tempo_terakhir() + interval 1 month as date) as bulan_per
),

-- reporting over the last 3 full months before the cut-off month, and the 3 before those
lapor as (
    select
        d.kode_desa,
        count(*) filter (
            where d.desa_diharapkan = 1 and d.bulan >= b.bulan_per - interval 3 month and d.bulan < b.bulan_per
        ) as diharapkan_3,
        count(*) filter (
            where d.desa_diharapkan = 1 and d.desa_melapor = 1
                and d.bulan >= b.bulan_per - interval 3 month and d.bulan < b.bulan_per
        ) as diterima_3,
        count(*) filter (
            where d.desa_diharapkan = 1
                and d.bulan >= b.bulan_per - interval 6 month and d.bulan < b.bulan_per - interval 3 month
        ) as diharapkan_3_sebelumnya,
        count(*) filter (
            where d.desa_diharapkan = 1 and d.desa_melapor = 1
                and d.bulan >= b.bulan_per - interval 6 month and d.bulan < b.bulan_per - interval 3 month
        ) as diterima_3_sebelumnya,
        max(d.bulan) filter (where d.desa_melapor = 1 and d.bulan < b.bulan_per) as bulan_lapor_terakhir
    from mart_desa_bulan d, batas b
    group by d.kode_desa
),

-- expected months without a report since the last report (the current silence), up to the cut-off month
diam as (
    select
        d.kode_desa,
        count(*)::bigint as bulan_diam_beruntun,
        min(d.bulan) as diam_sejak
    from mart_desa_bulan d
    cross join batas b
    join lapor l using (kode_desa)
    where d.desa_diharapkan = 1 and d.bulan < b.bulan_per
        and (l.bulan_lapor_terakhir is null or d.bulan > l.bulan_lapor_terakhir)
    group by d.kode_desa
),

rujukan as (
    select
        kode_desa,
        count_if(terbuka)::bigint as rujukan_terbuka,
        count_if(terlambat)::bigint as rujukan_terlambat,
        count_if(tanpa_respon)::bigint as rujukan_tanpa_respon,
        max(umur_hari) filter (where terlambat) as umur_terlambat_tertua
    from mart_rujukan
    group by kode_desa
),

dasar as (
    select
        w.kode_desa,
        w.nama_desa,
        w.kode_kec,
        w.nama_kec,
        w.kode_kab,
        s.status_puskesos,
        l.bulan_lapor_terakhir,
        coalesce(l.diharapkan_3, 0) as diharapkan_3,
        coalesce(l.diterima_3, 0) as diterima_3,
        coalesce(l.diharapkan_3, 0) - coalesce(l.diterima_3, 0) as bulan_tidak_lapor_3,
        coalesce(l.diharapkan_3_sebelumnya, 0) as diharapkan_3_sebelumnya,
        coalesce(l.diterima_3_sebelumnya, 0) as diterima_3_sebelumnya,
        coalesce(m.bulan_diam_beruntun, 0) as bulan_diam_beruntun,
        m.diam_sejak,
        coalesce(r.rujukan_terbuka, 0) as rujukan_terbuka,
        coalesce(r.rujukan_terlambat, 0) as rujukan_terlambat,
        coalesce(r.rujukan_tanpa_respon, 0) as rujukan_tanpa_respon,
        r.umur_terlambat_tertua
    from ref_wilayah w
    join mart_puskesos_status s using (kode_desa)
    left join lapor l using (kode_desa)
    left join diam m using (kode_desa)
    left join rujukan r using (kode_desa)
),

skor as (
    select
        *,
        diterima_3 / nullif(diharapkan_3, 0) as kelengkapan_3,
        diterima_3_sebelumnya / nullif(diharapkan_3_sebelumnya, 0) as kelengkapan_3_sebelumnya,
        -- completeness fell: both windows expected something and the later share is lower (cross-multiplied)
        diharapkan_3 > 0 and diharapkan_3_sebelumnya > 0
            and diterima_3 * diharapkan_3_sebelumnya < diterima_3_sebelumnya * diharapkan_3 as pelaporan_turun,
        rujukan_terlambat + rujukan_tanpa_respon + 10 * bulan_tidak_lapor_3 as skor
    from dasar
),

final as (
    select
        *,
        row_number() over (
            partition by kode_kec
            order by skor desc, umur_terlambat_tertua desc nulls last, bulan_diam_beruntun desc, kode_desa
        ) as peringkat_kec,
        row_number() over (
            partition by kode_kab
            order by skor desc, umur_terlambat_tertua desc nulls last, bulan_diam_beruntun desc, kode_desa
        ) as peringkat_kab
    from skor
)

select * from final
