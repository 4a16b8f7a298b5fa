"""The round's document in English (see __init__.py)."""
# The round's consolidated information for the Presidential Administration (reporting/round_document.py):
# the Word document and its workbook, live or as a frozen version (reporting/versions.py).
# The decree's own title stays as written (in Russian), so it stands in quotation marks.
ROUND_DOC_HEADING = (
    "Information on the implementation of «{title}», approved by Decree of the Government of the Republic of "
    "Kazakhstan No. {number} of {decree_date}, as of {round}"
)
ROUND_DOC_SELECTION = "Selection: {filters}."
ROUND_DOC_SUMMARY = "Summary"
ROUND_DOC_BY_STATUS = "Measures by status"
ROUND_DOC_MEASURES = "Measures"
ROUND_DOC_REPORTED = "{reported} of {expected} responsible bodies reported."
ROUND_DOC_MISSING = "Not reported: {executors}."
ROUND_DOC_REVIEW = "Reports returned for revision: {returned}; not yet reviewed by MISD: {unreviewed}."
ROUND_DOC_FUNDING = "Estimated and spent by direction, thousand tenge"
ROUND_DOC_ESTIMATED = "Estimated"
ROUND_DOC_SPENT = "Spent"
ROUND_DOC_TOTAL = "Total"
ROUND_DOC_COLUMNS = {
    "measure_no": "No.",
    "title": "Measure",
    "completion_form": "Form of completion",
    "executors": "Responsible bodies",
    "deadline": "Deadline",
    "status": "Status",
    "information": "Information on implementation",
    "spent": "Spent, thousand tenge",
    "group": "Direction / section",
    "estimated": "Estimated, thousand tenge",
    "carried_from": "Status per the report as of",
    "not_reported": "No report",
    "unreviewed": "Not reviewed by MISD",
}
ROUND_DOC_CARRIED = "per the report as of {date}"
ROUND_DOC_UNREVIEWED = "(not reviewed)"
ROUND_DOC_NOT_REPORTED = "No responsible body has reported."
ROUND_DOC_NO_INFORMATION = "No information given."
ROUND_DOC_MADE = "Made {when} (UTC)."
ROUND_DOC_MADE_BY = "Made by: {who}."
ROUND_DOC_VERSION = "Version {number}."
ROUND_DOC_LIVE = "Current data, not a frozen version."
ROUND_DOC_CHANGES = "Changes since the previous version"
ROUND_DOC_PAGE = "Page"
ROUND_DOC_SHEET_ROWS = "Measures"
ROUND_DOC_SHEET_SUMMARY = "Summary"
