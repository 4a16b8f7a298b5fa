-- One row per stored submission (file), newest first: the Reports page's history.
SELECT
    any_value(file_name) AS file_name,
    any_value(submitted_at) AS submitted_at,
    roadmap_year,
    round,
    executor,
    any_value(submitter) AS submitter,
    count(*) AS measures,
    file_sha256
FROM report_log
GROUP BY roadmap_year, round, executor, file_sha256, submitted_at
ORDER BY submitted_at DESC, executor
