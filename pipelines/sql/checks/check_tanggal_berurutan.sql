-- Current case rows keep their dates in order (validation drops an out-of-order date).
select kode_desa, no_registrasi, tujuan_rujukan
from int_kasus_terkini
where tanggal_rujuk < tanggal_lapor
    or tanggal_respon < coalesce(tanggal_rujuk, tanggal_lapor)
    or tanggal_selesai < coalesce(tanggal_respon, tanggal_rujuk, tanggal_lapor)
