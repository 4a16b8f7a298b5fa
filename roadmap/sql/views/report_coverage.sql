-- Per decree: its chosen round, and of the executors of the filtered measures, how many have reported in it
-- (anything at all: an executor may report in parts).
SELECT
    c.roadmap_year,
    c.round,
    c.previous_round,
    count(DISTINCT fe.executor) AS expected,
    count(DISTINCT fe.executor) FILTER (WHERE rep.executor IS NOT NULL) AS reported
FROM filtered_executors AS fe
JOIN chosen_rounds AS c ON c.roadmap_year = fe.roadmap_year
LEFT JOIN (SELECT DISTINCT roadmap_year, round, executor FROM report_latest) AS rep
    ON rep.roadmap_year = fe.roadmap_year AND rep.round = c.round AND rep.executor = fe.executor
GROUP BY c.roadmap_year, c.round, c.previous_round
ORDER BY c.roadmap_year
