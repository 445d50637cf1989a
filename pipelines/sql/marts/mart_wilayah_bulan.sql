-- mart_desa_bulan with its roll-ups: one row per wilayah (desa, kecamatan, kabupaten) and month.
-- Higher levels are recomputed from the desa rows by summing counts (never by averaging rates).
with desa as (
    select
        'desa' as tingkat,
        d.kode_desa as kode_wilayah,
        w.nama_desa as nama_wilayah,
        d.kode_kec,
        d.kode_kab,
        d.bulan,
        1 as jumlah_desa,
        d.kasus_baru,
        d.kasus_jaminan_kesehatan,
        d.kasus_data_dtks,
        d.kasus_pkh,
        d.kasus_sembako,
        d.kasus_pendidikan,
        d.kasus_rtlh,
        d.kasus_adminduk,
        d.kasus_disabilitas,
        d.kasus_lansia,
        d.kasus_anak,
        d.kasus_kekerasan_perempuan,
        d.kasus_kekerasan_anak,
        d.kasus_ekonomi,
        d.kasus_bencana,
        d.kasus_kematian,
        d.kasus_lainnya,
        d.kasus_nihil,
        d.kasus_sensitif,
        d.rujukan_dikirim,
        d.rujukan_respon_14,
        d.rujukan_selesai_30,
        d.rujukan_selesai_60,
        d.rujukan_selesai_90,
        d.rujukan_selesai,
        d.rujukan_ditolak,
        d.rujukan_terbuka,
        d.rujukan_tanpa_respon,
        d.rujukan_terlambat,
        d.desa_diharapkan,
        d.desa_melapor,
        d.desa_nihil,
        d.desa_tepat_waktu,
        d.kohort_matang_30,
        d.kohort_matang_60,
        d.kohort_matang_90,
        d.sudah_jatuh_tempo
    from mart_desa_bulan d
    join ref_wilayah w using (kode_desa)
),

-- kecamatan and kabupaten in one pass: in the kabupaten grouping set kode_kec is null
naik as (
    select
        case when grouping(d.kode_kec) = 0 then 'kecamatan' else 'kabupaten' end as tingkat,
        coalesce(d.kode_kec, d.kode_kab) as kode_wilayah,
        case when grouping(d.kode_kec) = 0 then any_value(w.nama_kec) else any_value(w.nama_kab) end as nama_wilayah,
        d.kode_kec,
        d.kode_kab,
        d.bulan,
        count(*) as jumlah_desa,
        sum(d.kasus_baru)::bigint as kasus_baru,
        sum(d.kasus_jaminan_kesehatan)::bigint as kasus_jaminan_kesehatan,
        sum(d.kasus_data_dtks)::bigint as kasus_data_dtks,
        sum(d.kasus_pkh)::bigint as kasus_pkh,
        sum(d.kasus_sembako)::bigint as kasus_sembako,
        sum(d.kasus_pendidikan)::bigint as kasus_pendidikan,
        sum(d.kasus_rtlh)::bigint as kasus_rtlh,
        sum(d.kasus_adminduk)::bigint as kasus_adminduk,
        sum(d.kasus_disabilitas)::bigint as kasus_disabilitas,
        sum(d.kasus_lansia)::bigint as kasus_lansia,
        sum(d.kasus_anak)::bigint as kasus_anak,
        sum(d.kasus_kekerasan_perempuan)::bigint as kasus_kekerasan_perempuan,
        sum(d.kasus_kekerasan_anak)::bigint as kasus_kekerasan_anak,
        sum(d.kasus_ekonomi)::bigint as kasus_ekonomi,
        sum(d.kasus_bencana)::bigint as kasus_bencana,
        sum(d.kasus_kematian)::bigint as kasus_kematian,
        sum(d.kasus_lainnya)::bigint as kasus_lainnya,
        sum(d.kasus_nihil)::bigint as kasus_nihil,
        sum(d.kasus_sensitif)::bigint as kasus_sensitif,
        sum(d.rujukan_dikirim)::bigint as rujukan_dikirim,
        sum(d.rujukan_respon_14)::bigint as rujukan_respon_14,
        sum(d.rujukan_selesai_30)::bigint as rujukan_selesai_30,
        sum(d.rujukan_selesai_60)::bigint as rujukan_selesai_60,
        sum(d.rujukan_selesai_90)::bigint as rujukan_selesai_90,
        sum(d.rujukan_selesai)::bigint as rujukan_selesai,
        sum(d.rujukan_ditolak)::bigint as rujukan_ditolak,
        sum(d.rujukan_terbuka)::bigint as rujukan_terbuka,
        sum(d.rujukan_tanpa_respon)::bigint as rujukan_tanpa_respon,
        sum(d.rujukan_terlambat)::bigint as rujukan_terlambat,
        sum(d.desa_diharapkan)::bigint as desa_diharapkan,
        sum(d.desa_melapor)::bigint as desa_melapor,
        sum(d.desa_nihil)::bigint as desa_nihil,
        sum(d.desa_tepat_waktu)::bigint as desa_tepat_waktu,
        bool_and(d.kohort_matang_30) as kohort_matang_30,
        bool_and(d.kohort_matang_60) as kohort_matang_60,
        bool_and(d.kohort_matang_90) as kohort_matang_90,
        bool_and(d.sudah_jatuh_tempo) as sudah_jatuh_tempo
    from mart_desa_bulan d
    join ref_wilayah w using (kode_desa)
    group by grouping sets ((d.kode_kab, d.kode_kec, d.bulan), (d.kode_kab, d.bulan))
),

final as (
    select * from desa
    union all by name
    select * from naik
)

select * from final
