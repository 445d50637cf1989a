-- Deactivations per desa, program and month (metrics.md section 4): recipients whose status became
-- `dinonaktifkan` in a roll period (active, or absent, in their previous period), by reason, and how many
-- of them appear again as active in a later period (reactivation), e.g. the PBI-JK wave of January 2026.
with riwayat as (
    select
        program, id_penerima, kode_desa, periode, status, alasan,
        lag(status) over (partition by program, id_penerima order by periode) as status_sebelumnya
    from stg_penerima_program
),

dinonaktifkan as (
    select program, id_penerima, kode_desa, periode as bulan, coalesce(alasan, 'lainnya') as alasan
    from riwayat
    where status = 'dinonaktifkan' and coalesce(status_sebelumnya, 'aktif') <> 'dinonaktifkan'
),

aktif_lagi as (
    select d.program, d.id_penerima, d.bulan, min(r.periode) as bulan_reaktivasi
    from dinonaktifkan d
    join stg_penerima_program r
        on r.program = d.program and r.id_penerima = d.id_penerima and r.periode > d.bulan and r.status = 'aktif'
    group by all
),

final as (
    select
        d.kode_desa,
        w.kode_kec,
        w.kode_kab,
        d.program,
        d.bulan,
        d.alasan,
        count(*) as dinonaktifkan,
        count(a.bulan_reaktivasi) as diaktifkan_kembali
    from dinonaktifkan d
    join ref_wilayah w using (kode_desa)
    left join aktif_lagi a using (program, id_penerima, bulan)
    group by all
)

select * from final
