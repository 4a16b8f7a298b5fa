-- Each row of the report log export as one JSON object, written by DuckDB itself (as measures_json.sql):
-- numbers, ISO dates and nulls as typed; received_at as an ISO instant in UTC.
SELECT to_json({
    'roadmap_year': roadmap_year, 'round': round, 'measure_no': measure_no, 'title': title, 'executor': executor,
    'status': status, 'spent_thousand_kzt': spent_thousand_kzt, 'comment': comment, 'carried_from': carried_from,
    'received_at': strftime(timezone('UTC', received_at), '%Y-%m-%dT%H:%M:%S.%fZ'), 'review_state': review_state
})::VARCHAR AS report
FROM report_rows
ORDER BY roadmap_year, round, measure_no, executor, review_state = 'returned', received_at
