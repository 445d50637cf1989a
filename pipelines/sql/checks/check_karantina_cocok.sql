-- The quarantine table holds exactly the rows each load says it quarantined, and the raw tables the loaded ones.
with karantina_per_berkas as (
    select id_berkas, count(*) as n from karantina group by id_berkas
),

dimuat_per_berkas as (
    select id_berkas, count(*) as n from raw_laporan_kasus group by id_berkas
    union all select id_berkas, count(*) from raw_puskesos group by id_berkas
    union all select id_berkas, count(*) from raw_penduduk group by id_berkas
    union all select id_berkas, count(*) from raw_indikator_kemiskinan group by id_berkas
    union all select id_berkas, count(*) from raw_target_kemiskinan group by id_berkas
    union all select id_berkas, count(*) from raw_dtks group by id_berkas
    union all select id_berkas, count(*) from raw_penerima_program group by id_berkas
)

select b.id_berkas, b.berkas, b.baris_dikarantina, k.n as di_karantina, b.baris_dimuat, d.n as di_tabel
from meta_berkas b
left join karantina_per_berkas k using (id_berkas)
left join dimuat_per_berkas d using (id_berkas)
where b.baris_dikarantina <> coalesce(k.n, 0) or b.baris_dimuat <> coalesce(d.n, 0)
