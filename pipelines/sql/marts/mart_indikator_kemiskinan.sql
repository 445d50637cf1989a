-- The BPS poverty series per regency and year as the app and the reports show it (metrics.md section 5): one row
-- per (regency, year) from `stg_indikator_kemiskinan` (a loaded file's row over the shipped reference), with where
-- it comes from (`asal`: 'berkas' with the file name in `berkas`, or 'referensi'). Read by the Target page;
-- `mart_target`, `mart_target_jalur` and `mart_proyeksi_kemiskinan` derive from the same staging rows.
with final as (
    select kode_kab, tahun, persen_miskin, jumlah_miskin_jiwa, garis_kemiskinan_rp, sumber, asal, berkas
    from stg_indikator_kemiskinan
)

select * from final
