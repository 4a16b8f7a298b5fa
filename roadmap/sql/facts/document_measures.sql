-- The measures as the round's consolidated information reads them (reporting.round_data.Dataset): the plan's
-- columns with each measure's group, in decree order.
SELECT roadmap_year, measure_no, section, section_name, direction, direction_name, title, completion_form,
       executors_raw, ministries, akimats, deadline_raw, deadline_end, cost_thousand_kzt, funding_class, report_to,
       group_key, group_order
FROM measures
ORDER BY roadmap_year, measure_no
