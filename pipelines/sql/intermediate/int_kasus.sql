-- One row per case (kode_desa, no_registrasi) as of the cut-off, from its current rows (int_kasus_terkini, one per
-- referral): the month of its first report (metrics.md section 1), and its latest category, target group, channel
-- and program (the latest typed program), and whether any of its rows is sensitive (metrics.md section 7). The case
-- marts (mart_desa_bulan, mart_sasaran_kanal_bulan, mart_program_diminta) count these rows.
select
    kode_desa,
    no_registrasi,
    cast(date_trunc('month', min(tanggal_lapor)) as date) as bulan,
    arg_max(kategori, tanggal_kirim_efektif) as kategori,
    arg_max(kelompok_sasaran, tanggal_kirim_efektif) as kelompok_sasaran,
    arg_max(kanal, tanggal_kirim_efektif) as kanal,
    arg_max(program, tanggal_kirim_efektif) filter (where program is not null) as program,
    bool_or(sensitif) as sensitif
from int_kasus_terkini
group by kode_desa, no_registrasi
