-- One page of the measure table: the browser gets a page of rows, never the whole filtered set.
-- The page's numbers are found first and only those rows are read in full: sorting every wide row
-- (titles, lists) to keep a hundred of them costs about twice as much at 67,000 measures.
SELECT
    measure_no, section, direction, group_key, group_order, title, completion_form, report_to,
    executors_raw, ministries, akimats, akimats_all_regions, deadline_raw, deadline_start, deadline_end,
    cost_thousand_kzt, funding_class, funding_note, funding_source, source_line_start, source_line_end
FROM measures
WHERE measure_no IN (SELECT measure_no FROM filtered ORDER BY measure_no LIMIT $limit OFFSET $offset)
ORDER BY measure_no
