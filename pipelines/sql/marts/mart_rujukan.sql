-- One row per referral as the situation stood at the cut-off, with its wilayah: the table behind referral
-- lists, the funnel, the table by destination and the overdue ageing (metrics.md section 2). Referrals of sensitive
-- cases or to a sensitive destination are not here: they are counted apart, for the kabupaten only
-- (mart_rujukan_sensitif), so that no list, funnel, destination table or overdue count of a desa or kecamatan
-- carries them (metrics.md section 7: "totals that exclude the sensitive categories").
with final as (
    select
        r.*,
        w.kode_kec,
        w.kode_kab,
        case
            when not r.terbuka then null
            when r.umur_hari <= 30 then '0-30'
            when r.umur_hari <= 60 then '31-60'
            when r.umur_hari <= 90 then '61-90'
            else '>90'
        end as kelompok_umur
    from int_rujukan r
    join ref_wilayah w using (kode_desa)
    where not r.rujukan_sensitif
)

-- stored in wilayah order, so that DuckDB's zonemaps skip the rest of the country when a page reads one regency,
-- kecamatan or desa (national warehouse, 6 M referrals: the overdue list of one desa 152 -> 16 ms)
select * from final
order by kode_kab, kode_kec, kode_desa
