-- The executors the decree marks: organisations taking part «(по согласованию)» and collective phrases kept as
-- written («заинтересованные государственные органы»), each with the number of filtered measures naming it.
SELECT executor, mark, count(DISTINCT (roadmap_year, measure_no)) AS measures
FROM (
    SELECT roadmap_year, measure_no, unnest(executors_by_agreement) AS executor, 'by_agreement' AS mark
    FROM filtered
    UNION ALL
    SELECT roadmap_year, measure_no, unnest(executors_collective) AS executor, 'collective' AS mark
    FROM filtered
) AS marks
GROUP BY executor, mark
ORDER BY mark, measures DESC, executor
