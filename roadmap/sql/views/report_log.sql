-- The report log export's rows (report_rows), typed, in the order of decree, round, measure and executor; a
-- returned submission's rows after what stands, the earliest first.
SELECT roadmap_year, round, measure_no, title, executor, status, spent_thousand_kzt, comment, carried_from,
       received_at, review_state
FROM report_rows
ORDER BY roadmap_year, round, measure_no, executor, review_state = 'returned', received_at
