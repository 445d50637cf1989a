-- One row per wilayah and month in the monthly mart.
select tingkat, kode_wilayah, bulan, count(*) as n
from mart_wilayah_bulan
group by all
having count(*) > 1
