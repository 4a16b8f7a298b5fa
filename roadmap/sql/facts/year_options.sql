-- The year filter's choices: the years of the roadmaps loaded (one decree a year).
SELECT DISTINCT roadmap_year::VARCHAR AS value FROM measures ORDER BY value
