SELECT count(*) AS measures FROM measures
