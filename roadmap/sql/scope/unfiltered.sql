-- `filtered` when no filter is set: every measure, the same rows as kept.sql keeps with empty values, without
-- asking it (the default view needs no list of kept rows).
filtered AS (
    SELECT * FROM measures
)
