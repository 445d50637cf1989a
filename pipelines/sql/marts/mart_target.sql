-- One row per regency and planning document: its final target against the latest BPS figure, the decline
-- still needed per year, the recent average declines and the year the trend crosses the target
-- (metrics.md section 5). Documents are never merged. The gap `selisih_pp` = aktual - target of ONE year,
-- `tahun_selisih`: the latest year for which both the BPS figure and a target of this document exist (null when
-- there is none yet, e.g. a document whose only target year BPS has not published), never the latest BPS figure
-- against a target of another year. `tahun_bps_terakhir`, `bps_terakhir`: the regency's latest BPS figure (the
-- Ringkasan tile's headline). `asal`, `berkas`: where the final target row comes from ('berkas' + file name, or
-- 'referensi' = shipped); `asal_aktual`, `berkas_aktual`, `sumber_aktual`: the same for the BPS figure `aktual`.
with dokumen as (
    select
        kode_kab,
        dokumen,
        max(tahun) as tahun_target,
        arg_max(target_persen, tahun) as target_persen,
        arg_max(target_persen_atas, tahun) as target_persen_atas,
        arg_max(sumber, tahun) as sumber,
        arg_max(asal, tahun) as asal,
        arg_max(berkas, tahun) as berkas
    from stg_target_kemiskinan
    group by kode_kab, dokumen
),

-- the latest year with both a BPS figure and a target of the document: the year of the gap
selisih as (
    select
        t.kode_kab,
        t.dokumen,
        max(t.tahun) as tahun_selisih,
        arg_max(i.persen_miskin, t.tahun) as aktual_selisih,
        arg_max(t.target_persen, t.tahun) as target_selisih
    from stg_target_kemiskinan t
    join stg_indikator_kemiskinan i on i.kode_kab = t.kode_kab and i.tahun = t.tahun
    group by t.kode_kab, t.dokumen
),

terakhir as (
    select kode_kab, max(tahun) as tahun_bps_terakhir, arg_max(persen_miskin, tahun) as bps_terakhir
    from stg_indikator_kemiskinan
    group by kode_kab
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
        i.asal as asal_aktual,
        i.berkas as berkas_aktual,
        i.sumber as sumber_aktual,
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
        round(s.aktual_selisih - s.target_selisih, 4) as selisih_pp,
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
        d.sumber,
        s.tahun_selisih,
        s.aktual_selisih,
        s.target_selisih,
        b.tahun_bps_terakhir,
        b.bps_terakhir,
        d.asal,
        d.berkas,
        d.asal_aktual,
        d.berkas_aktual,
        d.sumber_aktual
    from dengan_aktual d
    left join tercapai t using (kode_kab, dokumen)
    left join selisih s using (kode_kab, dokumen)
    left join terakhir b using (kode_kab)
)

select * from final
