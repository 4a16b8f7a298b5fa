-- How many rows the report log export holds, and of how many measures (its response headers, JSON's total).
SELECT count(*) AS reports, count(DISTINCT (roadmap_year, measure_no)) AS measures
FROM report_rows
