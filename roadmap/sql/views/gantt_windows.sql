-- Too many measures for one bar each: one bar per group and deadline window, with its number of measures.
-- When even the windows are too many, the most populous ones are kept; `windows` counts them all.
SELECT
    group_key,
    any_value(group_order) AS group_order,
    deadline_start,
    deadline_end,
    count(*) AS measures,
    count(*) OVER () AS windows
FROM filtered
GROUP BY group_key, deadline_start, deadline_end
ORDER BY measures DESC, group_order, deadline_start, deadline_end
LIMIT $limit
