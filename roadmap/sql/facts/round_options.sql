-- The round filter's choices: every decree's reporting dates (the executors' own, loaders.reports.rounds).
SELECT DISTINCT round::VARCHAR AS value, round::VARCHAR AS name FROM decree_rounds ORDER BY value
