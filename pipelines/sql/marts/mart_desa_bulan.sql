-- One row per desa of the configured regencies and month: cases, referrals, reporting (metrics.md 1-3).
-- The month grid runs from the first month with data to the month of the cut-off (or of a later-dated case).
with batas as (
    select
        tanggal_per() as per,
        coalesce(getvariable('hari_tepat_waktu'), 10) as hari_tepat_waktu
),

kasus as (
    select kode_desa, no_registrasi, bulan, kategori, sensitif
    from int_kasus
),

-- A sensitive case (a violence category, or a victim of violence as target group: `sensitif`) is counted in
-- `kasus_baru`, `kasus_sensitif` and, for the two violence categories, in its category; the other category columns
-- count only cases that are not sensitive, so that every case count below kabupaten level can leave all sensitive
-- cases out and still add up (akses.SQL_KASUS_TAMPIL, metrics.md section 7). At every level:
-- kasus_baru = sum of the other categories + kasus_sensitif, and kasus_sensitif >= the two violence categories.
kasus_bulan as (
    select
        kode_desa,
        bulan,
        count(*) as kasus_baru,
        count(*) filter (where sensitif) as kasus_sensitif,
        count(*) filter (where kategori = 'jaminan_kesehatan' and not sensitif) as kasus_jaminan_kesehatan,
        count(*) filter (where kategori = 'data_dtks' and not sensitif) as kasus_data_dtks,
        count(*) filter (where kategori = 'pkh' and not sensitif) as kasus_pkh,
        count(*) filter (where kategori = 'sembako' and not sensitif) as kasus_sembako,
        count(*) filter (where kategori = 'pendidikan' and not sensitif) as kasus_pendidikan,
        count(*) filter (where kategori = 'rtlh' and not sensitif) as kasus_rtlh,
        count(*) filter (where kategori = 'adminduk' and not sensitif) as kasus_adminduk,
        count(*) filter (where kategori = 'disabilitas' and not sensitif) as kasus_disabilitas,
        count(*) filter (where kategori = 'lansia' and not sensitif) as kasus_lansia,
        count(*) filter (where kategori = 'anak' and not sensitif) as kasus_anak,
        count(*) filter (where kategori = 'kekerasan_perempuan') as kasus_kekerasan_perempuan,
        count(*) filter (where kategori = 'kekerasan_anak') as kasus_kekerasan_anak,
        count(*) filter (where kategori = 'ekonomi' and not sensitif) as kasus_ekonomi,
        count(*) filter (where kategori = 'bencana' and not sensitif) as kasus_bencana,
        count(*) filter (where kategori = 'kematian' and not sensitif) as kasus_kematian,
        count(*) filter (where kategori = 'lainnya' and not sensitif) as kasus_lainnya,
        count(*) filter (where kategori = 'nihil') as kasus_nihil
    from kasus
    group by kode_desa, bulan
),

rujukan_bulan as (
    select
        kode_desa,
        bulan_mulai as bulan,
        count(*) as rujukan_dikirim,
        count_if(respon_14) as rujukan_respon_14,
        count_if(selesai_30) as rujukan_selesai_30,
        count_if(selesai_60) as rujukan_selesai_60,
        count_if(selesai_90) as rujukan_selesai_90,
        count_if(status_per = 'selesai') as rujukan_selesai,
        count_if(status_per = 'ditolak_tujuan') as rujukan_ditolak,
        count_if(terbuka) as rujukan_terbuka,
        count_if(tanpa_respon) as rujukan_tanpa_respon,
        count_if(terlambat) as rujukan_terlambat
    from int_rujukan
    where not rujukan_sensitif  -- counted apart, kabupaten level only (mart_rujukan_sensitif)
    group by kode_desa, bulan_mulai
),

-- a desa "reported for month M" when it sent any row (case or nihil) dated in M, by the cut-off
laporan as (
    select
        s.kode_desa,
        s.bulan_lapor as bulan,
        min(s.tanggal_kirim_efektif) as diterima_pertama,
        bool_or(not s.nihil) as ada_kasus,
        bool_or(s.nihil) as ada_nihil
    from stg_laporan_kasus s, batas
    where s.tanggal_kirim_efektif <= batas.per
    group by s.kode_desa, s.bulan_lapor
),

mulai_diharapkan as (
    select
        w.kode_desa,
        case
            when p.status = 'belum_dibentuk' and l.pertama is null then null
            when p.tanggal_sk is not null
                then least(cast(date_trunc('month', p.tanggal_sk) + interval 1 month as date), l.pertama)
            else l.pertama
        end as bulan_awal
    from ref_wilayah w
    left join stg_puskesos p using (kode_desa)
    left join (select kode_desa, min(bulan) as pertama from laporan group by kode_desa) l using (kode_desa)
),

rentang as (
    select
        least(
            (select min(bulan) from laporan),
            (select min(bulan) from rujukan_bulan),
            cast(date_trunc('month', (select per from batas)) as date)
        ) as awal,
        greatest(
            cast(date_trunc('month', (select per from batas)) as date),
            (select max(bulan) from kasus_bulan),
            (select max(bulan) from rujukan_bulan)
        ) as akhir
),

bulan as (
    select cast(b as date) as bulan
    from rentang, generate_series(rentang.awal, rentang.akhir, interval 1 month) as g(b)
    where exists (select 1 from stg_laporan_kasus)
),

grid as (
    select w.kode_desa, w.kode_kec, w.kode_kab, b.bulan
    from ref_wilayah w
    cross join bulan b
),

final as (
    select
        g.kode_desa,
        g.kode_kec,
        g.kode_kab,
        g.bulan,
        coalesce(k.kasus_baru, 0) as kasus_baru,
        coalesce(k.kasus_jaminan_kesehatan, 0) as kasus_jaminan_kesehatan,
        coalesce(k.kasus_data_dtks, 0) as kasus_data_dtks,
        coalesce(k.kasus_pkh, 0) as kasus_pkh,
        coalesce(k.kasus_sembako, 0) as kasus_sembako,
        coalesce(k.kasus_pendidikan, 0) as kasus_pendidikan,
        coalesce(k.kasus_rtlh, 0) as kasus_rtlh,
        coalesce(k.kasus_adminduk, 0) as kasus_adminduk,
        coalesce(k.kasus_disabilitas, 0) as kasus_disabilitas,
        coalesce(k.kasus_lansia, 0) as kasus_lansia,
        coalesce(k.kasus_anak, 0) as kasus_anak,
        coalesce(k.kasus_kekerasan_perempuan, 0) as kasus_kekerasan_perempuan,
        coalesce(k.kasus_kekerasan_anak, 0) as kasus_kekerasan_anak,
        coalesce(k.kasus_ekonomi, 0) as kasus_ekonomi,
        coalesce(k.kasus_bencana, 0) as kasus_bencana,
        coalesce(k.kasus_kematian, 0) as kasus_kematian,
        coalesce(k.kasus_lainnya, 0) as kasus_lainnya,
        coalesce(k.kasus_nihil, 0) as kasus_nihil,
        coalesce(k.kasus_sensitif, 0) as kasus_sensitif,
        coalesce(r.rujukan_dikirim, 0) as rujukan_dikirim,
        coalesce(r.rujukan_respon_14, 0) as rujukan_respon_14,
        coalesce(r.rujukan_selesai_30, 0) as rujukan_selesai_30,
        coalesce(r.rujukan_selesai_60, 0) as rujukan_selesai_60,
        coalesce(r.rujukan_selesai_90, 0) as rujukan_selesai_90,
        coalesce(r.rujukan_selesai, 0) as rujukan_selesai,
        coalesce(r.rujukan_ditolak, 0) as rujukan_ditolak,
        coalesce(r.rujukan_terbuka, 0) as rujukan_terbuka,
        coalesce(r.rujukan_tanpa_respon, 0) as rujukan_tanpa_respon,
        coalesce(r.rujukan_terlambat, 0) as rujukan_terlambat,
        g.bulan + interval 1 month + interval 30 day <= batas.per as kohort_matang_30,
        g.bulan + interval 1 month + interval 60 day <= batas.per as kohort_matang_60,
        g.bulan + interval 1 month + interval 90 day <= batas.per as kohort_matang_90,
        case
            when m.bulan_awal is not null and g.bulan >= m.bulan_awal
                and g.bulan <= bulan_jatuh_tempo_terakhir() then 1
            else 0
        end as desa_diharapkan,
        g.bulan <= bulan_jatuh_tempo_terakhir() as sudah_jatuh_tempo,
        case when l.kode_desa is not null then 1 else 0 end as desa_melapor,
        case when l.ada_nihil and not l.ada_kasus then 1 else 0 end as desa_nihil,
        case
            when l.diterima_pertama
                <= g.bulan + interval 1 month + to_days(cast(batas.hari_tepat_waktu - 1 as integer)) then 1
            else 0
        end as desa_tepat_waktu
    from grid g
    cross join batas
    left join kasus_bulan k using (kode_desa, bulan)
    left join rujukan_bulan r using (kode_desa, bulan)
    left join laporan l using (kode_desa, bulan)
    left join mulai_diharapkan m using (kode_desa)
)

select * from final
