-- What the executors wrote for the chosen round: one row per filtered measure and executor of it whose report
-- standing there (its latest at or before the round: report_standing) has a comment; carried_from names the
-- round it was made for when that is an earlier one.  $search is the title search, which here matches the
-- comment too: the page asks with its own parameter over the filters without `q` (empty: every comment).
SELECT
    f.roadmap_year,
    f.measure_no,
    f.title,
    r.executor,
    r.status,
    r.carried_from,
    r.comment,
    c.round
FROM filtered AS f
JOIN chosen_rounds AS c ON c.roadmap_year = f.roadmap_year
JOIN report_standing AS r
    ON r.roadmap_year = f.roadmap_year AND r.measure_no = f.measure_no AND r.round = c.round
WHERE r.comment IS NOT NULL AND r.comment <> ''
  AND list_contains(list_concat(coalesce(f.ministries, []), coalesce(f.akimats, [])), r.executor)
  AND ($search = '' OR contains(f.title_lower, lower($search)) OR contains(lower(r.comment), lower($search)))
