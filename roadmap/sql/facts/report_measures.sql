-- What a report is checked against (reporting.validate): each measure, its executors, its deadline (a late
-- status needs its reasons) and what the template shows of it.
SELECT roadmap_year, measure_no, title, deadline_raw, deadline_end, cost_thousand_kzt, ministries, akimats
FROM measures
ORDER BY roadmap_year, measure_no
