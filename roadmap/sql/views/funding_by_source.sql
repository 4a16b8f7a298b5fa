-- Estimated amounts by the budget each comes from, where the decree gives amounts by source
-- (funding_by_source); the amounts given without a source of their own form one row with source NULL.
SELECT source, cost_thousand_kzt, amounts
FROM (
    SELECT part.source AS source, sum(part.amount_thousand_kzt) AS cost_thousand_kzt, count(*) AS amounts
    FROM (SELECT unnest(funding_by_source) AS part FROM filtered) AS parts
    GROUP BY part.source
    UNION ALL
    SELECT NULL AS source, sum(cost_thousand_kzt) AS cost_thousand_kzt, count(*) AS amounts
    FROM filtered
    WHERE cost_thousand_kzt IS NOT NULL AND len(funding_by_source) = 0
    HAVING count(*) > 0
) AS by_source
ORDER BY source IS NULL, cost_thousand_kzt DESC, source
