-- Every quarantined row and every warning appears once in its mart (no fan-out from the desa attribution), an
-- attributed desa is a configured one and its kecamatan and regency agree, and every row has a reason group.
select 'mart_karantina' as tabel, null as id_berkas, null as baris
where (select count(*) from mart_karantina) <> (select count(*) from karantina)
union all
select 'mart_peringatan', null, null
where (select count(*) from mart_peringatan) <> (select count(*) from peringatan)
union all
select 'mart_karantina', k.id_berkas, k.baris
from mart_karantina k
left join ref_wilayah w using (kode_desa)
where (k.kode_desa is not null and (w.kode_desa is null or w.kode_kec <> k.kode_kec or w.kode_kab <> k.kode_kab))
    or len(k.kelompok_alasan) = 0
