-- How many comments the chosen round has in view (round_comments): the pages the comment list has.
SELECT count(*) AS comments
FROM round_comments
