-- No row below kabupaten level names a victim group (metrics.md section 7): those cases are sensitive and not
-- counted there (mart_sasaran_kanal_bulan).
select tingkat, kode_wilayah, bulan, kode, kasus
from mart_sasaran_kanal_bulan
where tingkat <> 'kabupaten' and dimensi = 'kelompok_sasaran'
    and kode in ('perempuan_korban_kekerasan', 'anak_korban_kekerasan')
