-- The current version of every case row as of the cut-off: per (kode_desa, no_registrasi, tujuan_rujukan),
-- the version with the latest send date not after the cut-off, then the later load, then the later row.
-- The window orders only the key and the row's identity (id_berkas, baris); the chosen rows are joined back, so the
-- wide rows (two 64-character pseudonyms each) are never sorted.
with batas as (
    select tanggal_per() as per
),

versi as (
    select
        s.id_berkas,
        s.baris,
        count(*) over kunci as jumlah_versi,
        row_number() over (kunci order by s.tanggal_kirim_efektif desc, s.id_berkas desc, s.baris desc) as urut
    from stg_laporan_kasus s, batas
    where not s.nihil and s.tanggal_kirim_efektif <= batas.per
    window kunci as (partition by s.kode_desa, s.no_registrasi, coalesce(s.tujuan_rujukan, ''))
),

final as (
    select s.*, v.jumlah_versi
    from stg_laporan_kasus s
    join versi v on v.id_berkas = s.id_berkas and v.baris = s.baris
    where v.urut = 1
)

select * from final
