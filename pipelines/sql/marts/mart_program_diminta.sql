-- The program a case asks for (`program` of the case report) per wilayah (desa, kecamatan, kabupaten) and month of
-- report: cases asking for it, of those referred, and of those with a referral completed (`selesai`) by the
-- cut-off (metrics.md sections 1, 2). Sensitive cases and sensitive referrals are left out at every level
-- (metrics.md section 7): the program of a violence case says nothing a planner needs, and the referral counts of
-- the app never hold a sensitive referral below kabupaten level (mart_rujukan_sensitif).
with kasus as (
    select kode_desa, no_registrasi, bulan, program, sensitif
    from int_kasus
),

rujukan as (
    select
        kode_desa,
        no_registrasi,
        true as dirujuk,
        bool_or(status_per = 'selesai') as selesai
    from int_rujukan
    where not rujukan_sensitif
    group by kode_desa, no_registrasi
),

dasar as (
    select
        k.kode_desa,
        w.kode_kec,
        w.kode_kab,
        k.bulan,
        k.program,
        coalesce(r.dirujuk, false) as dirujuk,
        coalesce(r.selesai, false) as selesai
    from kasus k
    join ref_wilayah w using (kode_desa)
    left join rujukan r using (kode_desa, no_registrasi)
    where k.program is not null and not k.sensitif
),

final as (
    select
        case
            when grouping(d.kode_desa) = 0 then 'desa'
            when grouping(d.kode_kec) = 0 then 'kecamatan'
            else 'kabupaten'
        end as tingkat,
        coalesce(d.kode_desa, d.kode_kec, d.kode_kab) as kode_wilayah,
        d.kode_kec,
        d.kode_kab,
        d.bulan,
        d.program,
        count(*) as kasus,
        count(*) filter (where d.dirujuk) as dirujuk,
        count(*) filter (where d.selesai) as rujukan_selesai
    from dasar d
    group by grouping sets (
        (d.kode_kab, d.kode_kec, d.kode_desa, d.bulan, d.program),
        (d.kode_kab, d.kode_kec, d.bulan, d.program),
        (d.kode_kab, d.bulan, d.program)
    )
)

select * from final
