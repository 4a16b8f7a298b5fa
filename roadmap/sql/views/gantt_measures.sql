-- One bar per measure, in chart order; the page asks for this only when the bars fit (see gantt_windows).
SELECT roadmap_year, measure_no, title, group_key, group_order, deadline_start, deadline_end, deadline_raw,
    deadline_kind, deadline_frequency, deadline_report_day
FROM filtered
ORDER BY group_order, deadline_start, roadmap_year, measure_no
LIMIT $limit
