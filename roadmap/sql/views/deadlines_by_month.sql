-- Deadlines counted by the month (or quarter) in which each measure's window closes.
SELECT date_trunc($period, deadline_end)::DATE AS month, group_key, any_value(group_order) AS group_order, count(*) AS measures
FROM filtered
GROUP BY month, group_key
ORDER BY month, group_order
