-- Reporting per wilayah at one level as of the cut-off (`pantau metrik --set pelaporan`), from
-- mart_pelaporan_wilayah: the last due month, Puskesos status (desa rows) and counts, completeness and timeliness
-- over the last 3 and 12 due months. Parameter: $tingkat.
select
    kode_wilayah,
    nama_wilayah,
    strftime(bulan_jatuh_tempo_terakhir, '%Y-%m') as bulan_jatuh_tempo_terakhir,
    status_puskesos,
    puskesos_aktif,
    puskesos_tersendat,
    puskesos_diam,
    puskesos_belum_dibentuk,
    diharapkan_3,
    diterima_3,
    tepat_waktu_3,
    round(kelengkapan_3, 4) as kelengkapan_3,
    round(ketepatan_3, 4) as ketepatan_3,
    diharapkan_12,
    diterima_12,
    tepat_waktu_12,
    round(kelengkapan_12, 4) as kelengkapan_12,
    round(ketepatan_12, 4) as ketepatan_12
from mart_pelaporan_wilayah
where tingkat = $tingkat
order by kode_wilayah
