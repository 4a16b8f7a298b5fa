SELECT * FROM executor_totals ORDER BY measures DESC, named_measures DESC, executor
