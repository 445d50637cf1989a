-- One row per regency and planning document: its final target against the latest BPS figure, the decline
-- still needed per year, the recent average declines and the year the trend crosses the target
-- (metrics.md section 5). Documents are never merged.
with dokumen as (
    select
        kode_kab,
        dokumen,
        max(tahun) as tahun_target,
        arg_max(target_persen, tahun) as target_persen,
        arg_max(target_persen_atas, tahun) as target_persen_atas,
        arg_max(sumber, tahun) as sumber
    from stg_target_kemiskinan
    group by kode_kab, dokumen
),

aktual as (
    select
        d.kode_kab,
        d.dokumen,
        max(i.tahun) as tahun_aktual
    from dokumen d
    join stg_indikator_kemiskinan i on i.kode_kab = d.kode_kab and i.tahun <= d.tahun_target
    group by d.kode_kab, d.dokumen
),

dengan_aktual as (
    select
        d.*,
        a.tahun_aktual,
        i.persen_miskin as aktual,
        i.jumlah_miskin_jiwa,
        i3.persen_miskin as aktual_3_tahun_lalu,
        i5.persen_miskin as aktual_5_tahun_lalu
    from dokumen d
    left join aktual a using (kode_kab, dokumen)
    left join stg_indikator_kemiskinan i on i.kode_kab = d.kode_kab and i.tahun = a.tahun_aktual
    left join stg_indikator_kemiskinan i3 on i3.kode_kab = d.kode_kab and i3.tahun = a.tahun_aktual - 3
    left join stg_indikator_kemiskinan i5 on i5.kode_kab = d.kode_kab and i5.tahun = a.tahun_aktual - 5
),

-- the first year, from the document's latest BPS year on, in which the trend line is at or below the target;
-- null when the trend does not reach it by 2035 ("tidak tercapai dengan tren saat ini")
tercapai as (
    select d.kode_kab, d.dokumen, min(p.tahun) as tahun_tercapai_proyeksi
    from dengan_aktual d
    join mart_proyeksi_kemiskinan p
        on p.kode_kab = d.kode_kab and p.proyeksi <= d.target_persen and p.tahun >= d.tahun_aktual
    group by d.kode_kab, d.dokumen
),

final as (
    select
        d.kode_kab,
        d.dokumen,
        d.tahun_target,
        d.target_persen,
        d.target_persen_atas,
        d.tahun_aktual,
        d.aktual,
        round(d.aktual - d.target_persen, 4) as selisih_pp,
        case
            when d.tahun_target > d.tahun_aktual
                then round((d.aktual - d.target_persen) / (d.tahun_target - d.tahun_aktual), 4)
        end as penurunan_diperlukan,
        case
            when d.tahun_target > d.tahun_aktual and d.jumlah_miskin_jiwa is not null
                then round((d.aktual - d.target_persen) / (d.tahun_target - d.tahun_aktual)
                    * d.jumlah_miskin_jiwa / d.aktual)
        end as penurunan_diperlukan_jiwa,
        round((d.aktual_3_tahun_lalu - d.aktual) / 3, 4) as penurunan_rata_3,
        round((d.aktual_5_tahun_lalu - d.aktual) / 5, 4) as penurunan_rata_5,
        t.tahun_tercapai_proyeksi,
        d.sumber
    from dengan_aktual d
    left join tercapai t using (kode_kab, dokumen)
)

select * from final
