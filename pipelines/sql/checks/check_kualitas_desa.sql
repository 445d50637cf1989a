-- Data quality per desa: one row per desa, parts never exceed their whole, shares within 0-1, score within 0-100
-- and absent exactly when no month was expected (mart_kualitas_desa).
with ganda as (
    select kode_desa from mart_kualitas_desa group by kode_desa having count(*) > 1
),

salah as (
    select kode_desa
    from mart_kualitas_desa
    where bulan_diterima > bulan_dinilai
        or bulan_tepat_waktu > bulan_diterima
        or bulan_nihil + bulan_diam > bulan_dinilai
        or baris_kasus > baris_dimuat
        or baris_tanpa_nik > baris_kasus
        or baris_peringatan > baris_dimuat
        or baris_duplikat > baris_peringatan
        or not coalesce(porsi_karantina between 0 and 1, true)
        or not coalesce(porsi_peringatan between 0 and 1, true)
        or not coalesce(porsi_nik_ada between 0 and 1, true)
        or not coalesce(skor_kualitas between 0 and 100, true)
        or (skor_kualitas is null) <> (bulan_dinilai = 0)
),

jumlah as (
    select kode_desa
    from ref_wilayah
    where (select count(*) from mart_kualitas_desa) <> (select count(*) from ref_wilayah)
    limit 1
)

select * from ganda
union all
select * from salah
union all
select * from jumlah
