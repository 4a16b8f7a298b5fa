SELECT DISTINCT report_to FROM measures ORDER BY report_to
