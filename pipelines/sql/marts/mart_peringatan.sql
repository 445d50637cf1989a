-- One row per warning (table `peringatan`) with its file's short name and the desa of the loaded row it is about
-- (metrics.md section 6; the Kualitas data page). Warnings are kept for loaded rows only, so the desa comes from
-- the loaded row (raw_laporan_kasus, or raw_puskesos for the register) joined on (id_berkas, baris); rows of
-- other kinds have no desa. For `nama_desa_mirip`, `nama_desa_tertulis` is the name as typed
-- (the row's desa is the one it was matched to). `bulan_berkas` is the month the row reports on (tanggal_lapor),
-- else the load month.
with laporan as (
    -- a warning on a row of a sensitive case gets no desa: per desa it would tell that such a case exists
    select
        id_berkas,
        baris,
        case when not rujukan_sensitif(sensitif, tujuan_rujukan) then kode_desa end as kode_desa,
        cast(date_trunc('month', tanggal_lapor) as date) as bulan
    from raw_laporan_kasus
),

register as (
    select id_berkas, baris, kode_desa, cast(null as date) as bulan
    from raw_puskesos
),

baris_dimuat as (
    select * from laporan
    union all
    select * from register
),

final as (
    select
        p.id_berkas,
        b.berkas,
        regexp_extract(b.berkas, '[^/\\]+$') as nama_berkas,
        b.lembar,
        b.jenis,
        p.baris,
        p.jenis_peringatan,
        p.kolom,
        p.pesan,
        case
            when p.jenis_peringatan = 'nama_desa_mirip' then regexp_extract(p.pesan, '^Desa "(.*)" dicocokkan', 1)
        end as nama_desa_tertulis,
        r.kode_desa,
        w.kode_kec,
        w.kode_kab,
        coalesce(r.bulan, cast(date_trunc('month', b.dimuat_pada) as date)) as bulan_berkas
    from peringatan p
    join meta_berkas b using (id_berkas)
    left join baris_dimuat r on r.id_berkas = p.id_berkas and r.baris = p.baris
    left join ref_wilayah w on w.kode_desa = r.kode_desa
)

select * from final
