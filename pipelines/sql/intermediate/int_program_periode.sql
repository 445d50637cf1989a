-- For each program, the DTKS period and the roll period in force at the cut-off: the latest of each that
-- is not after the cut-off month (metrics.md section 4).
with batas as (
    select cast(date_trunc('month', tanggal_per()) as date) as bulan_per
),

dtks as (
    select max(periode) as periode_dtks from stg_dtks, batas where periode <= batas.bulan_per
),

roll as (
    select program, max(periode) as periode_roll
    from stg_penerima_program, batas
    where periode <= batas.bulan_per
    group by program
),

final as (
    select d.program, r.periode_roll, dtks.periode_dtks, d.desil_awal, d.desil_akhir
    from ref_desil_program d
    cross join dtks
    left join roll r using (program)
    where r.periode_roll is not null
)

select * from final
