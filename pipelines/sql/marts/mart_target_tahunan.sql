-- The planning documents' targets year by year as written (metrics.md section 5): one row per regency,
-- document and year from `stg_target_kemiskinan` (a loaded file's row over the shipped reference), with `asal`
-- and `berkas` as in `mart_indikator_kemiskinan`; documents are never merged.
-- Read by the Target page (the document's own points beside `mart_target_jalur`, its straight-line path).
with final as (
    select kode_kab, dokumen, tahun, target_persen, target_persen_atas, sumber, catatan, asal, berkas
    from stg_target_kemiskinan
)

select * from final
