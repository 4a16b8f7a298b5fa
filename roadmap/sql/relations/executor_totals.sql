-- Per executor over the filtered measures: all its measures, those it is named in on its own, the amounts.
SELECT
    executor,
    executor_kind,
    count(*) AS measures,
    count(*) FILTER (WHERE NOT collective) AS named_measures,
    count(*) FILTER (WHERE by_agreement) AS by_agreement_measures,
    coalesce(sum(cost_thousand_kzt), 0) AS cost_thousand_kzt
FROM filtered_executors
GROUP BY executor, executor_kind
