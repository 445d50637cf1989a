-- Status of each desa's Puskesos as of the cut-off (metrics.md section 3), from reporting over its last
-- 3 DUE months M-2, M-1, M (M = bulan_jatuh_tempo_terakhir(): a month whose report is not yet due never lowers a
-- status): aktif (each of the last 2), tersendat (some of the last 3),
-- diam (none of the last 3), belum_dibentuk (the register says so, or no register row and never a report).
-- With the desa's register row as loaded (`stg_puskesos`, latest version): status, SK, trained chair, budget,
-- so that the app reads the register from this mart (Profil desa) and never from staging.
with batas as (
    -- the month after the last due month: the windows below end with the last due month (metrics.md section 3)
    select cast(bulan_jatuh_tempo_terakhir() + interval 1 month as date) as bulan_per
),

lapor as (
    select
        d.kode_desa,
        max(d.bulan) filter (where d.desa_melapor = 1) as bulan_lapor_terakhir,
        count(*) filter (
            where d.desa_melapor = 1 and d.bulan >= b.bulan_per - interval 3 month and d.bulan < b.bulan_per
        ) as bulan_lapor_3,
        count(*) filter (
            where d.desa_melapor = 1 and d.bulan >= b.bulan_per - interval 2 month and d.bulan < b.bulan_per
        ) as bulan_lapor_2
    from mart_desa_bulan d, batas b
    group by d.kode_desa
),

final as (
    select
        w.kode_desa,
        w.kode_kec,
        w.kode_kab,
        case
            when coalesce(l.bulan_lapor_2, 0) = 2 then 'aktif'
            when coalesce(l.bulan_lapor_3, 0) >= 1 then 'tersendat'
            when p.status = 'belum_dibentuk' then 'belum_dibentuk'
            when p.kode_desa is null and l.bulan_lapor_terakhir is null then 'belum_dibentuk'
            else 'diam'
        end as status_puskesos,
        p.status as status_register,
        l.bulan_lapor_terakhir,
        coalesce(l.bulan_lapor_3, 0) as bulan_lapor_3,
        p.nomor_sk,
        p.tanggal_sk,
        p.ketua_terlatih,
        p.tahun as tahun_anggaran,
        p.anggaran_rp
    from ref_wilayah w
    left join lapor l using (kode_desa)
    left join stg_puskesos p using (kode_desa)
)

select * from final
