-- One row per stored submission (file), newest first: the Reports page's history and review list, with
-- each submission's review state (its latest review; unreviewed without one).
WITH decided AS (
    SELECT submission, arg_max(decision, (reviewed_at, review)) AS decision,
           arg_max(reason, (reviewed_at, review)) AS reason, arg_max(reviewer, (reviewed_at, review)) AS reviewer,
           max(reviewed_at) AS reviewed_at
    FROM review_log
    GROUP BY submission
)
SELECT
    l.submission,
    any_value(l.file_name) AS file_name,
    any_value(l.submitted_at) AS submitted_at,
    l.roadmap_year,
    any_value(l.decree_number) AS decree_number,
    l.round,
    l.executor,
    any_value(l.submitter) AS submitter,
    count(*) AS measures,
    any_value(l.file_sha256) AS file_sha256,
    coalesce(any_value(d.decision), 'unreviewed') AS review_state,
    any_value(d.reason) AS review_reason,
    any_value(d.reviewer) AS reviewer,
    any_value(d.reviewed_at) AS reviewed_at
FROM report_log AS l
LEFT JOIN decided AS d ON d.submission = l.submission
GROUP BY l.submission, l.roadmap_year, l.round, l.executor
ORDER BY submitted_at DESC, l.executor
