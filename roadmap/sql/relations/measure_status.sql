-- Each reported measure's status in the chosen round of its decree (round_statuses); not reported otherwise.
SELECT s.roadmap_year, s.measure_no, s.round, s.status, s.reported_executors, s.executor_count,
       s.spent_thousand_kzt, s.carried, s.carried_from, s.unreviewed, s.information
FROM round_statuses AS s
JOIN chosen_rounds AS c ON c.roadmap_year = s.roadmap_year AND c.round = s.round
