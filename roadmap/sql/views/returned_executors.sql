-- For every round: the executors of the filtered measures whose latest submission for it МИОР returned (they owe
-- a corrected report: nothing they sent after it stands), with how many of those measures are theirs.  Only
-- reports on the decrees loaded (report_returned and report_latest hold no others).
SELECT r.roadmap_year, r.round, fe.executor, count(DISTINCT fe.measure_no) AS measures
FROM (SELECT roadmap_year, round, executor, max(submitted_at) AS returned_at
      FROM report_returned
      GROUP BY roadmap_year, round, executor) AS r
JOIN filtered_executors AS fe ON fe.roadmap_year = r.roadmap_year AND fe.executor = r.executor
LEFT JOIN (SELECT roadmap_year, round, executor, max(submitted_at) AS sent_at
           FROM report_latest
           GROUP BY roadmap_year, round, executor) AS s
       ON s.roadmap_year = r.roadmap_year AND s.round = r.round AND s.executor = r.executor
WHERE s.sent_at IS NULL OR s.sent_at < r.returned_at
GROUP BY r.roadmap_year, r.round, fe.executor
ORDER BY r.round DESC, r.roadmap_year, fe.executor
