-- The columns a list of measures shows and exports (the table, CSV, XLSX, JSON, the brief), written once.
SELECT
    roadmap_year, measure_no, section, direction, group_key, group_order, title, completion_form, report_to,
    executors_raw, ministries, akimats, akimats_all_regions, deadline_raw, deadline_start, deadline_end,
    cost_thousand_kzt, funding_class, funding_note, funding_source, source_line_start, source_line_end
FROM filtered
