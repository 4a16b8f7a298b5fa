SELECT funding_class, count(*) AS measures, coalesce(sum(cost_thousand_kzt), 0) AS cost_thousand_kzt
FROM filtered
GROUP BY funding_class
ORDER BY measures DESC, funding_class
