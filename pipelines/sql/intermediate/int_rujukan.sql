-- One row per referral, as the situation stood at the cut-off (metrics.md section 2). `rujukan_sensitif` marks a
-- referral of a sensitive case or to a sensitive destination: it goes to mart_rujukan_sensitif (kabupaten level
-- only), never to mart_rujukan nor to the referral counts of the monthly marts (metrics.md section 7).
with batas as (
    select tanggal_per() as per
),

-- the first send date at which a report showed the referral past 'dikirim' (bounds the response date)
respon_terlihat as (
    select kode_desa, no_registrasi, tujuan_rujukan, min(tanggal_kirim_efektif) as tanggal_terlihat
    from stg_laporan_kasus, batas
    where tujuan_rujukan is not null and status_rujukan <> 'dikirim' and tanggal_kirim_efektif <= batas.per
    group by all
),

rujukan as (
    select
        k.kode_desa,
        k.no_registrasi,
        k.kategori,
        k.sensitif,
        k.tujuan_rujukan,
        k.tanggal_mulai,
        case when k.tanggal_respon <= b.per then k.tanggal_respon end as tanggal_respon,
        case when k.tanggal_selesai <= b.per then k.tanggal_selesai end as tanggal_selesai,
        k.status_rujukan,
        k.tanggal_selesai as tanggal_selesai_tercatat,
        least(k.tanggal_respon, k.tanggal_selesai, r.tanggal_terlihat) as tanggal_respon_paling_lambat,
        b.per
    from int_kasus_terkini k
    cross join batas b
    left join respon_terlihat r using (kode_desa, no_registrasi, tujuan_rujukan)
    where k.tujuan_rujukan is not null
),

status as (
    select
        *,
        case
            when status_rujukan = 'ditolak_tujuan' then 'ditolak_tujuan'
            when tanggal_selesai is not null then 'selesai'
            when status_rujukan = 'selesai' and tanggal_selesai_tercatat is null then 'selesai'
            when status_rujukan = 'selesai' then 'diproses'
            when status_rujukan in ('diterima_tujuan', 'diproses') then status_rujukan
            when tanggal_respon is not null then 'diterima_tujuan'
            else 'dikirim'
        end as status_per,
        per - tanggal_mulai as umur_hari
    from rujukan
),

final as (
    select
        s.kode_desa,
        s.no_registrasi,
        pseudonim_kasus(s.kode_desa, s.no_registrasi) as pseudonim_kasus,  -- keyed HMAC (build.MAKRO)
        s.kategori,
        s.sensitif,
        rujukan_sensitif(s.sensitif, s.tujuan_rujukan) as rujukan_sensitif,  -- counted apart (build.MAKRO)
        s.tujuan_rujukan,
        s.tanggal_mulai,
        cast(date_trunc('month', s.tanggal_mulai) as date) as bulan_mulai,
        s.tanggal_respon,
        s.tanggal_selesai,
        s.status_per,
        s.umur_hari,
        sla.hari as sla_hari,
        s.status_per in ('dikirim', 'diterima_tujuan', 'diproses') as terbuka,
        s.status_per = 'dikirim' and s.tanggal_respon is null and s.umur_hari > 14 as tanpa_respon,
        s.status_per in ('dikirim', 'diterima_tujuan', 'diproses') and s.umur_hari > sla.hari as terlambat,
        case
            when s.status_per not in ('dikirim', 'diterima_tujuan', 'diproses') then null
            when s.umur_hari > sla.hari then 'terlambat'
            when s.umur_hari >= 0.75 * sla.hari then 'berisiko'
            else 'tepat waktu'
        end as status_sla,
        coalesce(s.tanggal_respon_paling_lambat <= s.tanggal_mulai + 14, false)
            and s.tanggal_respon_paling_lambat <= s.per as respon_14,
        s.status_per = 'selesai' and s.tanggal_selesai - s.tanggal_mulai <= 30 as selesai_30,
        s.status_per = 'selesai' and s.tanggal_selesai - s.tanggal_mulai <= 60 as selesai_60,
        s.status_per = 'selesai' and s.tanggal_selesai - s.tanggal_mulai <= 90 as selesai_90,
        s.tanggal_selesai - s.tanggal_mulai as hari_selesai
    from status s
    join ref_sla sla using (tujuan_rujukan)
)

select * from final
