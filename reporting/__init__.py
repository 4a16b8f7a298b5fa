"""Executors' reports on their measures, round by round (the decree's clause 2: every executor reports by
each reporting date, МИОР consolidates): everything about them, and nothing of the app.

One idea per module (the README's "Reporting" table lists them and a test holds it to this folder):
the vocabulary a file may use, its format and template, the bounds of reading an untrusted file, the
problems a file can have, reading it, checking it, the identity it claims, who may submit, the append-only
store, reading the log back, the status rule, what changed, and the operator's CLI (``python -m reporting``).

Nothing is imported here: ``from reporting.vocabulary import STATUSES`` loads the vocabulary alone.
"""
