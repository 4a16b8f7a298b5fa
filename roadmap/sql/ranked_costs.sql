SELECT measure_no, title, group_key, group_order, cost_thousand_kzt
FROM filtered
WHERE cost_thousand_kzt IS NOT NULL
ORDER BY cost_thousand_kzt DESC, measure_no
