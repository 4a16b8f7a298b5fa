-- Where the money and the work are: per direction (or section) and funding class, measures and amounts.
SELECT
    group_key,
    any_value(group_order) AS group_order,
    any_value(coalesce(direction_name, section_name)) AS group_name,
    funding_class,
    count(*) AS measures,
    coalesce(sum(cost_thousand_kzt), 0) AS cost_thousand_kzt
FROM filtered
GROUP BY group_key, funding_class
ORDER BY group_order, funding_class
