SELECT
    has_budget_amount,
    count(*) AS measures,
    coalesce(sum(cost_thousand_kzt), 0) AS cost_thousand_kzt
FROM filtered
GROUP BY has_budget_amount
ORDER BY has_budget_amount DESC
