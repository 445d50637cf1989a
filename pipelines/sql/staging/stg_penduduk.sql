-- Population per desa and year: the latest loaded row per (desa, year).
with versi as (
    select
        *,
        row_number() over (partition by kode_desa, tahun order by id_berkas desc, baris desc) as urut
    from raw_penduduk
),

final as (
    select kode_desa, tahun, jumlah_penduduk, jumlah_kk
    from versi
    where urut = 1
)

select * from final
