-- The recipient filter's choices (bodies of the legend, which the data contract checks).
SELECT DISTINCT report_to AS value FROM measures ORDER BY report_to
