-- Deactivations per desa, program and month (metrics.md section 4): recipients whose status became
-- `dinonaktifkan` in a roll period (active, or absent, in their previous period), by reason, and how many
-- of them appear again as active in a later period (reactivation), e.g. the PBI-JK wave of January 2026.
-- And what the deactivated did next, as the case reports show it by the cut-off: a case of the same household
-- (case No KK pseudonym = the roll's household pseudonym, or NIK pseudonym = the roll's NIK pseudonym) reported in
-- the month of deactivation or later (`datang_puskesos`), of those with a referral (`dirujuk`) and with a
-- referral completed (`rujukan_selesai`). Sensitive cases and referrals never count (metrics.md section 7).
with riwayat as (
    select
        program, id_penerima, kode_desa, periode, status, alasan,
        lag(status) over (partition by program, id_penerima order by periode) as status_sebelumnya
    from stg_penerima_program
),

dinonaktifkan as (
    select program, id_penerima, kode_desa, periode as bulan, coalesce(alasan, 'lainnya') as alasan
    from riwayat
    where status = 'dinonaktifkan' and coalesce(status_sebelumnya, 'aktif') <> 'dinonaktifkan'
),

aktif_lagi as (
    select d.program, d.id_penerima, d.bulan, min(r.periode) as bulan_reaktivasi
    from dinonaktifkan d
    join stg_penerima_program r
        on r.program = d.program and r.id_penerima = d.id_penerima and r.periode > d.bulan and r.status = 'aktif'
    group by all
),

-- the cases that name a deactivated household (by No KK, or by NIK): only these can be counted below, so only
-- they are aggregated (at national scale the cases of every household do not fit in the warehouse's memory limit)
dicari as (
    select distinct id_penerima from dinonaktifkan
),

kasus_dicari as (
    select distinct kode_desa, no_registrasi
    from int_kasus_terkini
    where kk_pseudonim in (select id_penerima from dicari)
        or ('nik:' || nik_pseudonim) in (select id_penerima from dicari)
),

-- those cases as of the cut-off, with the household they name and their referrals' outcome
kasus as (
    select
        kode_desa,
        no_registrasi,
        min(t.tanggal_lapor) as tanggal_lapor,
        any_value(t.kk_pseudonim) filter (where t.kk_pseudonim is not null) as kk_pseudonim,
        any_value(t.nik_pseudonim) filter (where t.nik_pseudonim is not null) as nik_pseudonim,
        bool_or(t.sensitif) as sensitif
    from int_kasus_terkini t
    semi join kasus_dicari using (kode_desa, no_registrasi)
    group by kode_desa, no_registrasi
),

rujukan as (
    select kode_desa, no_registrasi, bool_or(r.status_per = 'selesai') as selesai
    from int_rujukan r
    semi join kasus_dicari using (kode_desa, no_registrasi)
    where not r.rujukan_sensitif
    group by kode_desa, no_registrasi
),

kasus_rumah as (
    select k.kk_pseudonim as id_penerima, k.tanggal_lapor, r.no_registrasi is not null as dirujuk,
        coalesce(r.selesai, false) as selesai
    from kasus k
    left join rujukan r using (kode_desa, no_registrasi)
    where not k.sensitif and k.kk_pseudonim is not null
    union all
    select 'nik:' || k.nik_pseudonim as id_penerima, k.tanggal_lapor, r.no_registrasi is not null as dirujuk,
        coalesce(r.selesai, false) as selesai
    from kasus k
    left join rujukan r using (kode_desa, no_registrasi)
    where not k.sensitif and k.nik_pseudonim is not null
),

datang as (
    select d.program, d.id_penerima, d.bulan, bool_or(c.dirujuk) as dirujuk, bool_or(c.selesai) as selesai
    from dinonaktifkan d
    join kasus_rumah c on c.id_penerima = d.id_penerima and c.tanggal_lapor >= d.bulan
    group by all
),

final as (
    select
        d.kode_desa,
        w.kode_kec,
        w.kode_kab,
        d.program,
        d.bulan,
        d.alasan,
        count(*) as dinonaktifkan,
        count(a.bulan_reaktivasi) as diaktifkan_kembali,
        count(c.id_penerima) as datang_puskesos,
        count(*) filter (where c.dirujuk) as dirujuk,
        count(*) filter (where c.selesai) as rujukan_selesai
    from dinonaktifkan d
    join ref_wilayah w using (kode_desa)
    left join aktif_lagi a using (program, id_penerima, bulan)
    left join datang c using (program, id_penerima, bulan)
    group by all
)

select * from final
