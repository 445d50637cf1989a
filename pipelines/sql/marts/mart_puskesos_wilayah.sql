-- The Puskesos register summed per kecamatan and kabupaten (metrics.md section 3), from each desa's register row
-- as loaded (mart_puskesos_status): desa, Puskesos formed (a register row whose status is not `belum_dibentuk`),
-- of those with a decree (SK number), with a trained chair, with a village budget (> 0) and the budget's total;
-- desa without a register row; and the Puskesos status as of the cut-off (aktif, tersendat, diam, belum_dibentuk).
with desa as (
    select
        s.*,
        s.status_register is not null and s.status_register <> 'belum_dibentuk' as dibentuk
    from mart_puskesos_status s
),

final as (
    select
        case when grouping(d.kode_kec) = 0 then 'kecamatan' else 'kabupaten' end as tingkat,
        coalesce(d.kode_kec, d.kode_kab) as kode_wilayah,
        d.kode_kec,
        d.kode_kab,
        count(*) as jumlah_desa,
        count(*) filter (where d.status_register is null) as tanpa_register,
        count(*) filter (where d.dibentuk) as dibentuk,
        count(*) filter (where d.status_register = 'aktif') as register_aktif,
        count(*) filter (where d.dibentuk and d.nomor_sk is not null) as dengan_sk,
        count(*) filter (where d.dibentuk and d.ketua_terlatih) as ketua_terlatih,
        count(*) filter (where d.dibentuk and d.anggaran_rp > 0) as dengan_anggaran,
        coalesce(sum(d.anggaran_rp) filter (where d.dibentuk), 0)::bigint as anggaran_rp,
        count(*) filter (where d.status_puskesos = 'aktif') as aktif,
        count(*) filter (where d.status_puskesos = 'tersendat') as tersendat,
        count(*) filter (where d.status_puskesos = 'diam') as diam,
        count(*) filter (where d.status_puskesos = 'belum_dibentuk') as belum_dibentuk
    from desa d
    group by grouping sets ((d.kode_kab, d.kode_kec), (d.kode_kab))
)

select * from final
