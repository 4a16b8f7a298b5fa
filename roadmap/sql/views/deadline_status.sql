SELECT
    count(*) FILTER (WHERE deadline_end < $as_of::DATE) AS passed,
    count(*) AS measures
FROM filtered
