-- What a report is checked against (loaders.reports.validate): each measure, its executors and what the
-- template shows of it.
SELECT roadmap_year, measure_no, title, deadline_raw, cost_thousand_kzt, ministries, akimats
FROM measures
ORDER BY roadmap_year, measure_no
