-- Planning-document targets: the latest loaded row per (regency, document, year); documents are never merged.
with versi as (
    select
        *,
        row_number() over (partition by kode_kab, dokumen, tahun order by id_berkas desc, baris desc) as urut
    from raw_target_kemiskinan
),

final as (
    select kode_kab, dokumen, tahun, target_persen, target_persen_atas, sumber, catatan
    from versi
    where urut = 1
)

select * from final
