-- How many of the filtered measures are in each status in the chosen round, with their estimated amounts
-- and what their executors report spent.
SELECT
    coalesce(s.status, 'not_reported') AS status,
    count(*) AS measures,
    coalesce(sum(f.cost_thousand_kzt), 0) AS cost_thousand_kzt,
    sum(s.spent_thousand_kzt) AS spent_thousand_kzt
FROM filtered AS f
LEFT JOIN measure_status AS s ON s.roadmap_year = f.roadmap_year AND s.measure_no = f.measure_no
GROUP BY ALL
