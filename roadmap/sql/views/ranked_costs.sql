-- The largest amounts only: a bar per measure stops being readable (and cheap to draw) long before
-- thousands; `with_amount` counts every measure with an amount, for the "N of M" note.
SELECT roadmap_year, measure_no, title, group_key, group_order, cost_thousand_kzt, count(*) OVER () AS with_amount
FROM filtered
WHERE cost_thousand_kzt IS NOT NULL
ORDER BY cost_thousand_kzt DESC, roadmap_year, measure_no
LIMIT $limit
