-- The DTKS/DTSEN household extract: the latest loaded row per (period, household); periods side by side.
with versi as (
    select
        *,
        row_number() over (partition by periode, id_keluarga order by id_berkas desc, baris desc) as urut
    from raw_dtks
    where id_keluarga is not null
),

final as (
    select periode, id_keluarga, nik_krt, kode_desa, desil, jumlah_art, status, id_berkas
    from versi
    where urut = 1
)

select * from final
