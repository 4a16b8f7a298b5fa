SELECT * FROM listed_measures ORDER BY measure_no
