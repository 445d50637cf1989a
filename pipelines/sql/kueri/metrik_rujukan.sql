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

semua as (
    select
        w.kode_wilayah,
        'semua' as tujuan_rujukan,
        coalesce(sum(p.dikirim), 0)::bigint as dikirim,
        coalesce(sum(p.respon_14), 0)::bigint as respon_14,
        coalesce(sum(p.selesai_90), 0)::bigint as selesai_90,
        coalesce(sum(p.ditolak), 0)::bigint as ditolak,
        coalesce(sum(p.terbuka), 0)::bigint as terbuka,
        coalesce(sum(p.terlambat), 0)::bigint as terlambat,
        coalesce(sum(p.tanpa_respon), 0)::bigint as tanpa_respon
    from wilayah w
    left join per_tujuan p using (kode_wilayah)
    group by w.kode_wilayah
),

sensitif as (
    select
        w.kode_wilayah,
        'kasus_sensitif' as tujuan_rujukan,
        coalesce(sum(s.rujukan_dikirim), 0)::bigint as dikirim,
        coalesce(sum(s.rujukan_respon_14), 0)::bigint as respon_14,
        coalesce(sum(s.rujukan_selesai_90), 0)::bigint as selesai_90,
        coalesce(sum(s.rujukan_ditolak), 0)::bigint as ditolak,
        coalesce(sum(s.rujukan_terbuka), 0)::bigint as terbuka,
        coalesce(sum(s.rujukan_terlambat), 0)::bigint as terlambat,
        coalesce(sum(s.rujukan_tanpa_respon), 0)::bigint as tanpa_respon
    from wilayah w
    left join mart_rujukan_sensitif s
        on s.kode_kab = w.kode_wilayah
        and s.bulan between coalesce(cast($dari as date), date '0001-01-01')
        and coalesce(cast($sampai as date), date '9999-12-01')
    where $tingkat = 'kabupaten'
    group by w.kode_wilayah
),

final as (
    select *, 1 as urutan from per_tujuan
    union all
    select *, 2 as urutan from semua
    union all
    select *, 3 as urutan from sensitif
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
