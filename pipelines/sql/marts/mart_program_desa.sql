-- Coverage and targeting per desa and program at the cut-off (metrics.md section 4): eligible households
-- (active DTKS, desil in the program's range), those covered by the program's active roll, active recipients,
-- and inclusion error split into its two reasons. A recipient matches a DTKS household by household pseudonym
-- or, failing that, by the NIK of the head of household.
with periode as (
    select * from int_program_periode
),

dtks as (
    select d.*
    from stg_dtks d
    where d.periode = (select max(periode_dtks) from periode)
),

penerima as (
    select r.*, p.desil_awal, p.desil_akhir
    from stg_penerima_program r
    join periode p on r.program = p.program and r.periode = p.periode_roll
    where r.status = 'aktif'
),

-- each active recipient with the DTKS household it belongs to, if any
penerima_dtks as (
    select
        r.program,
        r.kode_desa,
        r.id_penerima,
        r.desil_awal,
        r.desil_akhir,
        coalesce(k.id_keluarga, n.id_keluarga) as id_keluarga_dtks,
        coalesce(k.status, n.status) as status_dtks,
        coalesce(k.desil, n.desil) as desil
    from penerima r
    left join dtks k on r.id_keluarga = k.id_keluarga
    left join dtks n on r.id_keluarga is null and r.nik_penerima = n.nik_krt
),

layak as (
    select p.program, d.kode_desa, d.id_keluarga
    from dtks d
    join periode p on d.desil between p.desil_awal and p.desil_akhir
    where d.status = 'aktif'
),

tercakup as (
    select distinct l.program, l.kode_desa, l.id_keluarga
    from layak l
    join penerima_dtks r on r.program = l.program and r.id_keluarga_dtks = l.id_keluarga
),

per_layak as (
    select l.program, l.kode_desa, count(*) as keluarga_layak, count(t.id_keluarga) as tercakup
    from layak l
    left join tercakup t using (program, kode_desa, id_keluarga)
    group by l.program, l.kode_desa
),

per_penerima as (
    select
        program,
        kode_desa,
        count(*) as penerima,
        count(*) filter (where id_keluarga_dtks is null or status_dtks <> 'aktif') as inklusi_tidak_dtks_aktif,
        count(*) filter (
            where status_dtks = 'aktif' and (desil is null or desil not between desil_awal and desil_akhir)
        ) as inklusi_luar_desil
    from penerima_dtks
    group by program, kode_desa
),

final as (
    select
        w.kode_desa,
        w.kode_kec,
        w.kode_kab,
        p.program,
        p.periode_dtks,
        p.periode_roll,
        coalesce(r.penerima, 0) as penerima,
        -- without a DTKS period in force, eligibility and targeting are unknown, not zero
        case when p.periode_dtks is not null then coalesce(l.keluarga_layak, 0) end as keluarga_layak,
        case when p.periode_dtks is not null then coalesce(l.tercakup, 0) end as tercakup,
        case when p.periode_dtks is not null
            then coalesce(l.keluarga_layak, 0) - coalesce(l.tercakup, 0) end as salah_eksklusi,
        case when p.periode_dtks is not null
            then coalesce(r.inklusi_luar_desil, 0) + coalesce(r.inklusi_tidak_dtks_aktif, 0) end as salah_inklusi,
        case when p.periode_dtks is not null then coalesce(r.inklusi_luar_desil, 0) end as inklusi_luar_desil,
        case when p.periode_dtks is not null then coalesce(r.inklusi_tidak_dtks_aktif, 0) end
            as inklusi_tidak_dtks_aktif
    from ref_wilayah w
    cross join periode p
    left join per_layak l on l.kode_desa = w.kode_desa and l.program = p.program
    left join per_penerima r on r.kode_desa = w.kode_desa and r.program = p.program
)

select * from final
