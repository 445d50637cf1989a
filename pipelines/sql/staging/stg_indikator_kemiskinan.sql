-- BPS poverty series: one row per (regency, year). The rows the user loaded win over the shipped reference
-- (`ref_indikator_kemiskinan`, from data/reference/indikator_kemiskinan.csv); among loaded rows the latest wins.
-- `asal` says where the row comes from ('berkas' = a loaded file, named in `berkas`; 'referensi' = shipped).
with dimuat as (
    select
        r.kode_kab, r.tahun, r.persen_miskin, r.jumlah_miskin_jiwa, r.garis_kemiskinan_rp, r.sumber,
        'berkas' as asal,
        parse_filename(replace(b.berkas, '\', '/')) as berkas,
        1 as prioritas,
        r.id_berkas,
        r.baris
    from raw_indikator_kemiskinan r
    left join meta_berkas b using (id_berkas)
),

bawaan as (
    select
        kode_kab, tahun, persen_miskin, jumlah_miskin_jiwa, garis_kemiskinan_rp, sumber,
        'referensi' as asal,
        cast(null as varchar) as berkas,
        0 as prioritas,
        cast(0 as bigint) as id_berkas,
        baris
    from ref_indikator_kemiskinan
),

versi as (
    select
        *,
        row_number() over (partition by kode_kab, tahun order by prioritas desc, id_berkas desc, baris desc) as urut
    from (select * from dimuat union all select * from bawaan)
),

final as (
    select kode_kab, tahun, persen_miskin, jumlah_miskin_jiwa, garis_kemiskinan_rp, sumber, asal, berkas
    from versi
    where urut = 1
)

select * from final
