-- The poverty rate against each planning document's final target, per regency.
select
    kode_kab,
    dokumen,
    tahun_target,
    target_persen,
    tahun_aktual,
    aktual,
    selisih_pp,
    penurunan_diperlukan,
    penurunan_rata_3,
    penurunan_rata_5,
    tahun_tercapai_proyeksi,
    target_persen_atas,
    penurunan_diperlukan_jiwa,
    sumber
from mart_target
order by kode_kab, tahun_target, dokumen
