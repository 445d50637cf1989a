-- Every file and sheet: rows read = rows loaded + rows quarantined.
select id_berkas, berkas, lembar, baris_dibaca, baris_dimuat, baris_dikarantina
from meta_berkas
where baris_dibaca <> baris_dimuat + baris_dikarantina
