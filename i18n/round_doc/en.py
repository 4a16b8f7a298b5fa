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
ROUND_DOC_SINCE = "Compared with version No. {number}:"
ROUND_DOC_CHANGE_IN_OUT = {True: "{measure}: now in the selection", False: "{measure}: no longer in the selection"}
ROUND_DOC_CHANGE_STATUS = "{measure}: {before} → {now}"
ROUND_DOC_CHANGE_INFORMATION = "{measure}: the information on implementation changed"
ROUND_DOC_NO_CHANGES = "no changes."
ROUND_DOC_FILE_STEM = "information_PA"

# МИОР's own step: the consolidated information for the Presidential Administration (roadmap/ui/handover.py)
HANDOVER_HEADER = "Information for the Presidential Administration on the reports for {round}"
HANDOVER_NOTE = ("The consolidated information on implementation for the Presidential Administration: a Word "
                 "document and an Excel table of the measures the filters select. A frozen version never changes.")
HANDOVER_DOCX = "Document (DOCX)"
HANDOVER_XLSX = "Table (XLSX)"
HANDOVER_FREEZE = "Freeze and download"
HANDOVER_FROZEN = "Version No. {number} is frozen: its files will not change."
HANDOVER_UNCHANGED = ("Nothing has changed for this selection since version No. {number}: no new version "
                      "was made; version No. {number} stands.")
HANDOVER_FREEZE_FAILED = "The version was not frozen because of a server error (see the server log). Try again."
HANDOVER_NO_VERSIONS = "No frozen versions yet."
HANDOVER_COL_NUMBER = "Version"
HANDOVER_COL_WHEN = "Frozen"
HANDOVER_COL_WHO = "By"
HANDOVER_COL_FILTERS = "Selection"
HANDOVER_ALL = "all measures"
HANDOVER_DUE = "{days} left until the information is due at the {to} ({date})."
HANDOVER_PASSED_DONE = "The due date has passed; version No. {number} was downloaded on {date}."
HANDOVER_PASSED_NONE = "The information was due at the {to} on {date}; no version has been frozen."
HANDOVER_OWING = "Not reported for {round}: {executors}."
HANDOVER_RETURNED = "Returned for correction: {executors}."
HANDOVER_MORE = " and {n} more"
ROUND_DOC_CHANGE_SPENT = "{measure}: the amount spent changed"
