-- The poverty rate against each planning document's final target, per regency. The gap `selisih_pp` is of one
-- year, `tahun_selisih` (BPS `aktual_selisih` minus the document's `target_selisih` of that year); `asal` /
-- `berkas` name where the target comes from ('referensi' = shipped, or the loaded file), `asal_aktual` /
-- `berkas_aktual` the same for the BPS figure `aktual`.
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
    sumber,
    tahun_selisih,
    aktual_selisih,
    target_selisih,
    tahun_bps_terakhir,
    bps_terakhir,
    asal,
    berkas,
    asal_aktual,
    berkas_aktual
from mart_target
order by kode_kab, tahun_target, dokumen
