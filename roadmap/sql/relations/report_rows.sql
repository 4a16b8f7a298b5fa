-- The report log in long form, for the filtered measures (the reports export): one row per measure, executor
-- of it and round, what stands there (report_standing: its latest report at or before the round, carried_from
-- when made for an earlier one; unreviewed or accepted), in every round of its decree ($every_round) or, when
-- the link names a round, in each decree's chosen round as on the pages; then every row of a returned
-- submission, in the round it was made for, marked returned: it stands nowhere and counts for nothing.
SELECT f.roadmap_year, r.round, f.measure_no, f.title, r.executor, r.status, r.spent_thousand_kzt, r.comment,
       r.carried_from, r.submitted_at AS received_at, r.review_state
FROM filtered AS f
JOIN chosen_rounds AS c ON c.roadmap_year = f.roadmap_year
JOIN report_standing AS r ON r.roadmap_year = f.roadmap_year AND r.measure_no = f.measure_no
WHERE ($every_round OR r.round = c.round)
  AND list_contains(list_concat(coalesce(f.ministries, []), coalesce(f.akimats, [])), r.executor)
UNION ALL
SELECT f.roadmap_year, x.round, f.measure_no, f.title, x.executor, x.status, x.spent_thousand_kzt, x.comment,
       NULL::DATE AS carried_from, x.submitted_at AS received_at, x.review_state
FROM filtered AS f
JOIN chosen_rounds AS c ON c.roadmap_year = f.roadmap_year
JOIN report_returned AS x ON x.roadmap_year = f.roadmap_year AND x.measure_no = f.measure_no
WHERE ($every_round OR x.round = c.round)
  AND list_contains(list_concat(coalesce(f.ministries, []), coalesce(f.akimats, [])), x.executor)
