-- The 12-month strip: exactly the rows of mart_desa_bulan, a known state for each, and states that agree with the
-- reporting flags (a received report is never "diam" nor "belum jatuh tempo"; nihil only when reported nihil).
with pasangan as (
    select p.kode_desa, p.bulan, p.status_lapor, d.desa_melapor, d.desa_nihil
    from mart_pelaporan_desa_bulan p
    full outer join mart_desa_bulan d using (kode_desa, bulan)
)

select kode_desa, bulan, status_lapor
from pasangan
where status_lapor is null
    or desa_melapor is null
    or status_lapor not in ('tepat_waktu', 'terlambat', 'nihil', 'diam', 'belum_jatuh_tempo', 'belum_diharapkan')
    or (desa_melapor = 1) <> (status_lapor in ('tepat_waktu', 'terlambat', 'nihil'))
    or (status_lapor = 'nihil') <> (desa_nihil = 1)
