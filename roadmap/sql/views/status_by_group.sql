-- The filtered measures by direction (or section) and status in the chosen round.
SELECT
    f.group_key,
    any_value(f.group_order) AS group_order,
    coalesce(s.status, 'not_reported') AS status,
    count(*) AS measures
FROM filtered AS f
LEFT JOIN measure_status AS s ON s.roadmap_year = f.roadmap_year AND s.measure_no = f.measure_no
GROUP BY f.group_key, coalesce(s.status, 'not_reported')
ORDER BY group_order, status
