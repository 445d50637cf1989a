-- BPS poverty series: the latest loaded row per (regency, year).
with versi as (
    select
        *,
        row_number() over (partition by kode_kab, tahun order by id_berkas desc, baris desc) as urut
    from raw_indikator_kemiskinan
),

final as (
    select kode_kab, tahun, persen_miskin, jumlah_miskin_jiwa, garis_kemiskinan_rp, sumber
    from versi
    where urut = 1
)

select * from final
