SELECT
    count(*) AS measures,
    coalesce(sum(cost_thousand_kzt), 0) AS cost_thousand_kzt,
    count(*) FILTER (WHERE has_budget_amount) AS budget_measures,
    (SELECT count(DISTINCT e.executor) FROM measure_executors AS e
      WHERE e.measure_no IN (SELECT measure_no FROM filtered)) AS executors,
    max(deadline_end) AS last_deadline
FROM filtered
