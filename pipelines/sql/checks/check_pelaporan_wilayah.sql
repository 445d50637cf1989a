-- One number, two marts: a desa's 12-month completeness and timeliness in mart_pelaporan_wilayah must equal those
-- of mart_kualitas_desa (both over the last 12 due months). Any row returned is a disagreement.
select p.kode_wilayah, p.kelengkapan_12, q.kelengkapan, p.ketepatan_12, q.ketepatan
from mart_pelaporan_wilayah p
join mart_kualitas_desa q on q.kode_desa = p.kode_wilayah
where p.tingkat = 'desa'
    and (p.diharapkan_12 <> q.bulan_dinilai or p.diterima_12 <> q.bulan_diterima
         or p.tepat_waktu_12 <> q.bulan_tepat_waktu)
