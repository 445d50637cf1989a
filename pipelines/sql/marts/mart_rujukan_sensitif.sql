-- Referrals of sensitive cases or to a sensitive destination (int_rujukan.rujukan_sensitif), counted for the
-- KABUPATEN only, per start month and destination (metrics.md section 7): the one place they are counted. Every
-- other referral number (mart_rujukan, the monthly marts, lists, funnels, tables by destination, tunggakan) leaves
-- them out, at every level, so no number of a desa or kecamatan can be set against this one. Counts as in
-- mart_desa_bulan; stocks (terbuka, terlambat, tanpa_respon) as they stood at the cut-off.
with final as (
    select
        w.kode_kab,
        r.bulan_mulai as bulan,
        r.tujuan_rujukan,
        count(*)::bigint as rujukan_dikirim,
        count_if(r.respon_14)::bigint as rujukan_respon_14,
        count_if(r.selesai_90)::bigint as rujukan_selesai_90,
        count_if(r.status_per = 'selesai')::bigint as rujukan_selesai,
        count_if(r.status_per = 'ditolak_tujuan')::bigint as rujukan_ditolak,
        count_if(r.terbuka)::bigint as rujukan_terbuka,
        count_if(r.terlambat)::bigint as rujukan_terlambat,
        count_if(r.tanpa_respon)::bigint as rujukan_tanpa_respon
    from int_rujukan r
    join ref_wilayah w using (kode_desa)
    where r.rujukan_sensitif
    group by all
)

select * from final
order by kode_kab, bulan, tujuan_rujukan
