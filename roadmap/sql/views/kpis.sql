SELECT
    count(*) AS measures,
    coalesce(sum(cost_thousand_kzt), 0) AS cost_thousand_kzt,
    count(*) FILTER (WHERE has_budget_amount) AS budget_measures,
    (SELECT count(DISTINCT executor) FROM filtered_executors) AS executors,
    max(deadline_end) AS last_deadline
FROM filtered
