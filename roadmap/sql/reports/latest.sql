-- What each executor last said about each measure in each round (loaders.reports.latest_rows): the latest
-- row per (round, executor, measure) by submission time, then the file's hash.  Only reports on the decrees
-- loaded ($decrees: "year|number"): a report on another decree of the same year is about other measures.
SELECT roadmap_year, round, executor, measure_no, status, spent_thousand_kzt, comment, submitter, submitted_at,
       file_sha256
FROM report_log
WHERE list_contains($decrees::VARCHAR[], roadmap_year::VARCHAR || '|' || coalesce(decree_number, ''))
QUALIFY row_number() OVER (
    PARTITION BY roadmap_year, round, executor, measure_no ORDER BY submitted_at DESC, file_sha256 DESC) = 1
