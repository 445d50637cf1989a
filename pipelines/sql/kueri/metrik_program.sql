-- Coverage and targeting per wilayah and program at one level. Parameter: $tingkat.
select
    kode_wilayah,
    nama_wilayah,
    program,
    periode_dtks,
    periode_roll,
    keluarga_layak,
    tercakup,
    round(cakupan, 4) as cakupan,
    penerima,
    salah_inklusi,
    salah_eksklusi,
    inklusi_luar_desil,
    inklusi_tidak_dtks_aktif,
    round(tingkat_inklusi, 4) as tingkat_inklusi,
    round(tingkat_eksklusi, 4) as tingkat_eksklusi
from mart_program_wilayah
where tingkat = $tingkat
order by kode_wilayah, program
