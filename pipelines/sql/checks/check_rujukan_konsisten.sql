-- Referral counts nest: completed within 30 <= 60 <= 90 <= all completed, parts never exceed the sent total.
select tingkat, kode_wilayah, bulan
from mart_wilayah_bulan
where rujukan_selesai_30 > rujukan_selesai_60
    or rujukan_selesai_60 > rujukan_selesai_90
    or rujukan_selesai_90 > rujukan_selesai
    or rujukan_selesai + rujukan_ditolak + rujukan_terbuka <> rujukan_dikirim
    or rujukan_tanpa_respon > rujukan_terbuka
    or rujukan_terlambat > rujukan_terbuka
    or desa_melapor > jumlah_desa
    or desa_nihil > desa_melapor
