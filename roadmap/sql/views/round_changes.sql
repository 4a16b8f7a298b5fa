-- Each filtered measure's status in the round before the chosen one and in the chosen one (decrees whose
-- chosen round is their first have no earlier round and no rows here).
SELECT
    f.roadmap_year,
    f.measure_no,
    f.title,
    c.previous_round,
    c.round,
    coalesce(p.status, 'not_reported') AS status_before,
    coalesce(s.status, 'not_reported') AS status_now
FROM filtered AS f
JOIN chosen_rounds AS c ON c.roadmap_year = f.roadmap_year
LEFT JOIN round_statuses AS p
    ON p.roadmap_year = f.roadmap_year AND p.measure_no = f.measure_no AND p.round = c.previous_round
LEFT JOIN round_statuses AS s
    ON s.roadmap_year = f.roadmap_year AND s.measure_no = f.measure_no AND s.round = c.round
WHERE c.previous_round IS NOT NULL
ORDER BY f.roadmap_year, f.measure_no
