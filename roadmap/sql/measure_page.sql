-- One page of the measure table: the browser gets a page of rows, never the whole filtered set.
SELECT
    measure_no, section, direction, group_key, group_order, title, completion_form, report_to,
    executors_raw, ministries, akimats, akimats_all_regions, deadline_raw, deadline_start, deadline_end,
    cost_thousand_kzt, funding_class, funding_note, funding_source, source_line_start, source_line_end
FROM filtered
ORDER BY measure_no
LIMIT $limit OFFSET $offset
