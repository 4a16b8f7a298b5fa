-- Every review ever recorded, newest first: the history shows each decision; the latest per submission is
-- its state (a later review supersedes an earlier one).
SELECT review, submission, decision, reason, reviewer, reviewed_at
FROM review_log
ORDER BY reviewed_at DESC, review DESC
