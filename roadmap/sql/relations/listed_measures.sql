-- The columns a list of measures shows and exports (the table, CSV, XLSX, JSON, the brief), written once:
-- the plan as the decree gives it, then the execution as reported for the chosen round (measure_status).
SELECT
    f.roadmap_year, f.measure_no, f.section, f.direction, f.group_key, f.group_order, f.title, f.completion_form,
    f.report_to, f.executors_raw, f.ministries, f.akimats, f.akimats_all_regions, f.executors_by_agreement,
    f.executors_collective, f.deadline_raw, f.deadline_start, f.deadline_end, f.deadline_kind, f.deadline_frequency,
    f.deadline_report_day, f.cost_thousand_kzt, f.funding_class, f.funding_note, f.funding_source,
    f.funding_by_source,
    f.source_line_start, f.source_line_end,
    c.round AS report_round,
    coalesce(s.status, 'not_reported') AS status,
    -- the round the oldest answer behind the status was reported for, when not the chosen one ("по отчёту на …")
    s.carried_from AS status_carried_from,
    s.spent_thousand_kzt,
    coalesce(s.reported_executors, 0) AS reported_executors,
    f.executor_count,
    coalesce(s.unreviewed, 0) AS unreviewed_reports,
    s.information
FROM filtered AS f
LEFT JOIN chosen_rounds AS c ON c.roadmap_year = f.roadmap_year
LEFT JOIN measure_status AS s ON s.roadmap_year = f.roadmap_year AND s.measure_no = f.measure_no
