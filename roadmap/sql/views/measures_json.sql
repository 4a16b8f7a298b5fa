-- Each listed measure as one JSON object, written by DuckDB itself: numbers, ISO dates, lists and nulls as
-- they are typed, several times faster than converting the rows to Python first.  group_order is only
-- for sorting charts.
SELECT to_json(listed)::VARCHAR AS measure
FROM (SELECT * EXCLUDE (group_order) FROM listed_measures) AS listed
ORDER BY listed.roadmap_year, listed.measure_no
