SELECT
    group_key,
    any_value(group_order) AS group_order,
    any_value(section) AS section,
    any_value(direction) AS direction,
    any_value(coalesce(direction_name, section_name)) AS group_name,
    count(*) AS measures,
    count(*) FILTER (WHERE has_budget_amount) AS budget_measures,
    coalesce(sum(cost_thousand_kzt), 0) AS cost_thousand_kzt
FROM filtered
GROUP BY group_key
ORDER BY group_order
