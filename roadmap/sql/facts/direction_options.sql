-- The direction filter's choices: directions and sections in chart order, each with its name in the decree.
SELECT group_key AS value, any_value(coalesce(direction_name, section_name)) AS name
FROM measures
GROUP BY group_key
ORDER BY any_value(group_order)
