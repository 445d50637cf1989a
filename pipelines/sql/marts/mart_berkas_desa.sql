-- Which files touched which desa: one row per loaded file and sheet (`id_berkas`) and desa, with the rows of the
-- desa it loaded (every version: `raw_laporan_kasus` and `raw_puskesos`, as loaded, not the latest only).
-- The Profil desa's data-quality line reads this with `mart_karantina` (quarantined rows attributed to the desa)
-- and `mart_peringatan` (warnings on the desa's loaded rows), so "the files of a desa" has one definition.
with dimuat as (
    -- rows of sensitive cases are not counted: a desa's row count minus its other cases would tell how many
    -- violence cases it reported (metrics.md section 7); a row of another case is counted whatever its destination
    select id_berkas, kode_desa from raw_laporan_kasus where not coalesce(sensitif, false)
    union all
    select id_berkas, kode_desa from raw_puskesos
),

final as (
    select
        d.id_berkas,
        d.kode_desa,
        w.kode_kec,
        w.kode_kab,
        count(*) as baris_dimuat
    from dimuat d
    join ref_wilayah w using (kode_desa)
    group by d.id_berkas, d.kode_desa, w.kode_kec, w.kode_kab
)

select * from final
