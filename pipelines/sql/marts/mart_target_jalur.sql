-- The required path of each planning document: a straight line per year from its baseline (its first
-- target year, or for a one-year document the latest BPS figure before it) to its final target.
with batas as (
    select
        kode_kab, dokumen,
        min(tahun) as tahun_awal, arg_min(target_persen, tahun) as nilai_awal,
        max(tahun) as tahun_akhir, arg_max(target_persen, tahun) as nilai_akhir
    from stg_target_kemiskinan
    group by kode_kab, dokumen
),

pangkal as (
    select
        b.kode_kab, b.dokumen, b.tahun_akhir, b.nilai_akhir,
        case when b.tahun_awal < b.tahun_akhir then b.tahun_awal else i.tahun end as tahun_pangkal,
        case when b.tahun_awal < b.tahun_akhir then b.nilai_awal else i.persen_miskin end as nilai_pangkal
    from batas b
    left join lateral (
        select tahun, persen_miskin
        from stg_indikator_kemiskinan s
        where s.kode_kab = b.kode_kab and s.tahun < b.tahun_akhir
        order by tahun desc
        limit 1
    ) i on true
),

final as (
    select
        p.kode_kab,
        p.dokumen,
        cast(y as integer) as tahun,
        p.nilai_pangkal + (p.nilai_akhir - p.nilai_pangkal) * (y - p.tahun_pangkal)
            / nullif(p.tahun_akhir - p.tahun_pangkal, 0) as target_jalur
    from pangkal p
    cross join generate_series(p.tahun_pangkal, p.tahun_akhir) as g(y)
    where p.tahun_pangkal is not null
)

select * from final
