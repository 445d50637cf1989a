-- The linear trend of the last 5 BPS points per regency, projected year by year to 2035 with an 80 %
-- prediction band (metrics.md section 5): fit +- t(0.90, n-2) * s * sqrt(1 + 1/n + (x - mean)^2 / Sxx).
with titik as (
    select
        kode_kab, tahun, persen_miskin,
        row_number() over (partition by kode_kab order by tahun desc) as urut
    from stg_indikator_kemiskinan
),

lima as (
    select * from titik where urut <= 5
),

garis as (
    select
        kode_kab,
        count(*) as n,
        regr_slope(persen_miskin, tahun) as kemiringan,
        regr_intercept(persen_miskin, tahun) as potongan,
        avg(tahun) as rata_tahun,
        regr_sxx(persen_miskin, tahun) as sxx,
        max(tahun) as tahun_terakhir,
        min(tahun) as tahun_awal
    from lima
    group by kode_kab
    having count(*) >= 3
),

sisa as (
    select
        g.kode_kab,
        sqrt(sum(power(l.persen_miskin - (g.potongan + g.kemiringan * l.tahun), 2)) / (g.n - 2)) as s
    from lima l
    join garis g using (kode_kab)
    group by g.kode_kab, g.n
),

-- two-sided 80 % interval: the 0.90 quantile of Student's t with n - 2 degrees of freedom
t_kuantil as (
    select * from (values (1, 3.078), (2, 1.886), (3, 1.638)) as t(db, t90)
),

final as (
    -- rounded to 9 decimals: the regression's float sums are added in whatever order DuckDB's threads finish, so the
    -- last bits differ from build to build; a projection of a rate in percent needs nothing near that precision
    select
        g.kode_kab,
        cast(y as integer) as tahun,
        round(g.potongan + g.kemiringan * y, 9) as proyeksi,
        round(g.potongan + g.kemiringan * y
            - t.t90 * s.s * sqrt(1 + 1 / g.n + power(y - g.rata_tahun, 2) / g.sxx), 9) as bawah_80,
        round(g.potongan + g.kemiringan * y
            + t.t90 * s.s * sqrt(1 + 1 / g.n + power(y - g.rata_tahun, 2) / g.sxx), 9) as atas_80,
        round(g.kemiringan, 9) as kemiringan_per_tahun,
        g.n as jumlah_titik
    from garis g
    join sisa s using (kode_kab)
    join t_kuantil t on t.db = g.n - 2
    cross join generate_series(g.tahun_awal, 2035) as r(y)
)

select * from final
