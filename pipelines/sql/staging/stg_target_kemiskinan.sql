-- Planning-document targets: one row per (regency, document, year); documents are never merged. The rows the
-- user loaded win over the shipped reference (`ref_target_kemiskinan`, from data/reference/target_kemiskinan.csv);
-- among loaded rows the latest wins. `asal`: 'berkas' (a loaded file, named in `berkas`) or 'referensi'.
with dimuat as (
    select
        r.kode_kab, r.dokumen, r.tahun, r.target_persen, r.target_persen_atas, r.sumber, r.catatan,
        'berkas' as asal,
        parse_filename(replace(b.berkas, '\', '/')) as berkas,
        1 as prioritas,
        r.id_berkas,
        r.baris
    from raw_target_kemiskinan r
    left join meta_berkas b using (id_berkas)
),

bawaan as (
    select
        kode_kab, dokumen, tahun, target_persen, target_persen_atas, sumber, catatan,
        'referensi' as asal,
        cast(null as varchar) as berkas,
        0 as prioritas,
        cast(0 as bigint) as id_berkas,
        baris
    from ref_target_kemiskinan
),

versi as (
    select
        *,
        row_number() over (
            partition by kode_kab, dokumen, tahun order by prioritas desc, id_berkas desc, baris desc
        ) as urut
    from (select * from dimuat union all select * from bawaan)
),

final as (
    select kode_kab, dokumen, tahun, target_persen, target_persen_atas, sumber, catatan, asal, berkas
    from versi
    where urut = 1
)

select * from final
