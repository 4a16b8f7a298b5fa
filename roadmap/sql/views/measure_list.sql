SELECT * FROM listed_measures ORDER BY roadmap_year, measure_no
