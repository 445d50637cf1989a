-- Referrals per wilayah and destination (`pantau metrik --set rujukan`), as the Rujukan page's table by destination
-- counts them: the referrals STARTED in the months $dari..$sampai (NULL: no bound), as they stood at the cut-off.
-- One row per wilayah of level $tingkat and destination with referrals, then one row `semua` per wilayah (every
-- wilayah, zeros included). Sensitive referrals are in none of them (mart_rujukan leaves them out, metrics.md 7);
-- at kabupaten level only, one more row `kasus_sensitif` counts them (mart_rujukan_sensitif), as the page's note does.
with wilayah as (
    select distinct
        case $tingkat when 'desa' then kode_desa when 'kecamatan' then kode_kec else kode_kab end as kode_wilayah,
        case $tingkat when 'desa' then nama_desa when 'kecamatan' then nama_kec else nama_kab end as nama_wilayah
    from ref_wilayah
),

rujukan as (
    select
        case $tingkat when 'desa' then kode_desa when 'kecamatan' then kode_kec else kode_kab end as kode_wilayah,
        tujuan_rujukan,
        respon_14,
        selesai_90,
        status_per,
        terbuka,
        terlambat,
        tanpa_respon
    from mart_rujukan
    where bulan_mulai between coalesce(cast($dari as date), date '0001-01-01')
        and coalesce(cast($sampai as date), date '9999-12-01')
),

per_tujuan as (
    select
        kode_wilayah,
        tujuan_rujukan,
        count(*)::bigint as dikirim,
        count_if(respon_14)::bigint as respon_14,
        count_if(selesai_90)::bigint as selesai_90,
        count_if(status_per = 'ditolak_tujuan')::bigint as ditolak,
        count_if(terbuka)::bigint as terbuka,
        count_if(terlambat)::bigint as terlambat,
        count_if(tanpa_respon)::bigint as tanpa_respon
    from rujukan
    group by all
),

-- the rows a wilayah's summary rows add up: its destinations (`semua`) and, at kabupaten level, the sensitive
-- referrals of mart_rujukan_sensitif (`kasus_sensitif`)
bagian as (
    select
        kode_wilayah, 'semua' as ringkasan, dikirim, respon_14, selesai_90, ditolak, terbuka, terlambat, tanpa_respon
    from per_tujuan
    union all
    select
        kode_kab, 'kasus_sensitif', rujukan_dikirim, rujukan_respon_14, rujukan_selesai_90, rujukan_ditolak,
        rujukan_terbuka, rujukan_terlambat, rujukan_tanpa_respon
    from mart_rujukan_sensitif
    where $tingkat = 'kabupaten'
        and bulan between coalesce(cast($dari as date), date '0001-01-01')
        and coalesce(cast($sampai as date), date '9999-12-01')
),

-- every wilayah gets `semua` (zeros included); a kabupaten also `kasus_sensitif`
ringkasan as (
    select
        w.kode_wilayah,
        r.ringkasan as tujuan_rujukan,
        coalesce(sum(b.dikirim), 0)::bigint as dikirim,
        coalesce(sum(b.respon_14), 0)::bigint as respon_14,
        coalesce(sum(b.selesai_90), 0)::bigint as selesai_90,
        coalesce(sum(b.ditolak), 0)::bigint as ditolak,
        coalesce(sum(b.terbuka), 0)::bigint as terbuka,
        coalesce(sum(b.terlambat), 0)::bigint as terlambat,
        coalesce(sum(b.tanpa_respon), 0)::bigint as tanpa_respon
    from wilayah w
    cross join (values ('semua'), ('kasus_sensitif')) as r(ringkasan)
    left join bagian b on b.kode_wilayah = w.kode_wilayah and b.ringkasan = r.ringkasan
    where r.ringkasan = 'semua' or $tingkat = 'kabupaten'
    group by w.kode_wilayah, r.ringkasan
),

final as (
    select *, 1 as urutan from per_tujuan
    union all
    select *, case tujuan_rujukan when 'semua' then 2 else 3 end as urutan from ringkasan
)

select
    f.kode_wilayah,
    w.nama_wilayah,
    f.tujuan_rujukan,
    f.dikirim,
    f.respon_14,
    f.selesai_90,
    f.ditolak,
    f.terbuka,
    f.terlambat,
    f.tanpa_respon
from final f
join wilayah w using (kode_wilayah)
order by f.kode_wilayah, f.urutan, f.terlambat desc, f.dikirim desc, f.tujuan_rujukan
