-- Program rolls: the latest loaded row per (program, period, recipient); periods side by side.
-- A recipient is identified by its household pseudonym, else by its NIK pseudonym.
with versi as (
    select
        *,
        coalesce(id_keluarga, 'nik:' || nik_penerima) as id_penerima,
        row_number() over (
            partition by program, periode, coalesce(id_keluarga, 'nik:' || nik_penerima)
            order by id_berkas desc, baris desc
        ) as urut
    from raw_penerima_program
),

final as (
    select program, periode, id_penerima, id_keluarga, nik_penerima, kode_desa, status, alasan, id_berkas
    from versi
    where urut = 1
)

select * from final
