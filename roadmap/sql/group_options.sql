SELECT group_key, any_value(group_order) AS group_order, any_value(coalesce(direction_name, section_name)) AS group_name
FROM measures
GROUP BY group_key
ORDER BY group_order
