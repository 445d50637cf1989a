-- mart_perhatian_desa has exactly one row for every desa of ref_wilayah, with a non-negative score.
select w.kode_desa, count(p.kode_desa) as n, min(p.skor) as skor
from ref_wilayah w
left join mart_perhatian_desa p using (kode_desa)
group by w.kode_desa
having count(p.kode_desa) <> 1 or min(p.skor) < 0
