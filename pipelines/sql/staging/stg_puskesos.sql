-- The Puskesos register: the latest loaded row per desa (earlier versions stay in raw_puskesos).
with versi as (
    select
        *,
        row_number() over (partition by kode_desa order by id_berkas desc, baris desc) as urut
    from raw_puskesos
),

final as (
    select kode_desa, status, nomor_sk, tanggal_sk, ketua_terlatih, tahun, anggaran_rp, id_berkas
    from versi
    where urut = 1
)

select * from final
