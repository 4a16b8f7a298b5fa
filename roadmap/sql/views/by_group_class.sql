-- Where the work and the money are: per roadmap year, direction (or section) and funding class, measures and
-- amounts.  The Overview's picture and the funding page sum the years; the years side by side split them.
SELECT
    roadmap_year,
    group_key,
    any_value(group_order) AS group_order,
    any_value(coalesce(direction_name, section_name)) AS group_name,
    funding_class,
    count(*) AS measures,
    coalesce(sum(cost_thousand_kzt), 0) AS cost_thousand_kzt
FROM filtered
GROUP BY roadmap_year, group_key, funding_class
ORDER BY roadmap_year, group_order, funding_class
