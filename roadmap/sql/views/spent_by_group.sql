-- Estimated against reported spent, by direction (or section), over the filtered measures in the chosen round.
SELECT
    f.group_key,
    any_value(f.group_order) AS group_order,
    count(*) AS measures,
    coalesce(sum(f.cost_thousand_kzt), 0) AS cost_thousand_kzt,
    coalesce(sum(s.spent_thousand_kzt), 0) AS spent_thousand_kzt,
    count(s.spent_thousand_kzt) AS measures_with_spent
FROM filtered AS f
LEFT JOIN measure_status AS s ON s.roadmap_year = f.roadmap_year AND s.measure_no = f.measure_no
GROUP BY f.group_key
ORDER BY group_order
