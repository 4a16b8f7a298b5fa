-- The executors with the most measures of their own: an akimat taking part only as one of "all akimats"
-- is as busy as every other region, which would fill the chart with ties.
SELECT * FROM executor_totals ORDER BY named_measures DESC, measures DESC, executor LIMIT $limit
