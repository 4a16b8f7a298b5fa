-- How many measures are overdue (relations/overdue.sql): the pages the overdue list has.
SELECT count(*) AS measures
FROM overdue
