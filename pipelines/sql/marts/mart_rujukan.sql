-- One row per referral as the situation stood at the cut-off, with its wilayah: the table behind referral
-- lists, the funnel, the table by destination and the overdue ageing (metrics.md section 2).
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
)

-- stored in wilayah order, so that DuckDB's zonemaps skip the rest of the country when a page reads one regency,
-- kecamatan or desa (national warehouse, 6 M referrals: the overdue list of one desa 152 -> 16 ms)
select * from final
order by kode_kab, kode_kec, kode_desa
