"""Every user-facing string of the dashboard, in English; same names as the Russian catalogue."""
from __future__ import annotations

from ._formats import formatters

LANGUAGE_CODE = "en"
LANGUAGE_NAME = "English"
LANGUAGE_LABEL = "Language"
DATA_LANGUAGE_NOTE = (
    "Measure and area names, responsible bodies, deadlines and deliverables are shown as worded in the "
    "Russian text of the decree."
)

# The programme's name as English-language official sources (Akorda, Kazinform) transliterate it.
APP_TITLE = "Rukhani Zhangyru roadmap"
PAGE_OVERVIEW = "Overview"
PAGE_FUNDING = "Funding"
PAGE_EXECUTORS = "Responsible bodies"
PAGE_TIMELINE = "Timeline"
PAGE_MEASURES = "Measures"

FILTERS_HEADER = "Filters"
FILTER_MINISTRY = "Ministry / government body"
FILTER_AKIMAT = "Akimat"
FILTER_AKIMAT_HELP = "Measures assigned to all akimats are included whichever region is selected."
FILTER_DIRECTION = "Area / section"
FILTER_FUNDING = "Funding"
FILTER_REPORT_TO = "Reports to"
REPORT_TO_SHORT = {"МИОР": "MISD", "АП": "PA"}  # on the calendar strip, where a full name does not fit
FILTER_YEAR = "Roadmap year"
FILTER_Q = "Search in titles"
FILTER_Q_PLACEHOLDER = "e.g. Дәстүр"
FILTER_ANY = "All"
FILTER_ROUND = "Reporting date"
FILTER_ROUND_HELP = (
    "Statuses as the responsible bodies reported them for this date. With none chosen: the latest date anyone has "
    "reported for; before any report, the next date to come (or the last, once all have passed)."
)
FILTER_ROUND_PLACEHOLDER = "Default"
FILTER_STATUS = "Status"
STATUS_NAMES = {
    "done": "Done",
    "in_progress": "In progress",
    "not_started": "Not started",
    "not_done": "Not done",
    "not_reported": "Not reported",
}
# Execution: the reports of the executors and what they say
PAGE_EXECUTION = "Implementation"
PAGE_REPORTS = "Reports"
COL_STATUS = "Status"
COL_STATUS_BEFORE = "Before"
COL_STATUS_NOW = "Now"
COL_ROUND = "Reporting date"
COL_EXECUTOR = "Responsible body"
COL_DEADLINE = "Deadline"
COL_REPORTED = "Reported"
COL_SPENT = "Spent, thousand tenge"
COL_TITLE = "Measure"
COL_SUBMITTED_AT = "Received"
COL_SUBMITTER = "Submitted by"
COL_FILE = "File"
COL_ROWS = "Measures in the report"
COL_ROW = "Row"
COL_COLUMN = "Column"
COL_PROBLEM = "Problem"
COL_DETAIL = "Details"
STATUS_HEADER = "Implementation as of {round}"
STATUS_COVERAGE = "{reported} of {expected} responsible bodies have reported"
STATUS_COVERAGE_YEAR = "{year}: {reported} of {expected} responsible bodies have reported for {round}"
STATUS_NO_REPORTS = ("No progress reports yet: statuses appear once responsible bodies send their reports (the Reports "
                     "page). Until then every measure is \"not reported\".")
STATUS_LINE_NONE = "No progress reports yet."
STATUS_NO_CALENDAR = "The decree sets no reporting dates for responsible bodies, so no reports are taken for it."
STATUS_RULE = ("A measure's status combines the reports of all its responsible bodies: \"not done\" if any says so; "
               "\"done\" only when all say done; \"in progress\" when any has started or done its part; "
               "\"not started\" "
               "when none of those who reported has started; \"not reported\" when none has reported.")
EXEC_TITLE = "Roadmap implementation"
EXEC_BY_GROUP = "Status by area"
EXEC_BY_EXECUTOR = "Status by responsible body"
EXEC_BY_EXECUTOR_NOTE = ("What each responsible body reported on its own measures; those with the most measures "
                         "unreported first.")
EXEC_MISSING = "Missing reports for past reporting dates"
EXEC_MISSING_NONE = "Every responsible body of the selected measures reported for every past reporting date."
EXEC_NO_PAST_ROUNDS = "No reporting date has passed as of {as_of}."
EXEC_AS_OF = "As of"
EXEC_AS_OF_HELP = "Past reporting dates and missed deadlines are counted as of this date."
EXEC_OVERDUE = "Overdue and not completed"
EXEC_OVERDUE_NOTE = "Measures whose deadline ended before {as_of} and whose status for {round} is not \"done\"."
EXEC_OVERDUE_NONE = "No measure past its deadline is left undone."
EXEC_OVERDUE_PAGE = "Page of overdue measures"
EXEC_SPENT_HEADER = "Estimated vs actual expenditure"
EXEC_ESTIMATED = "Estimated expenditure"
EXEC_SPENT = "Spent, as reported"
EXEC_AMOUNT_AXIS = "million tenge"
EXEC_SPENT_NONE = "No responsible body has reported an amount spent yet."
EXEC_SPENT_NOTE = ("Spent: the sum of the latest amounts responsible bodies reported for {round}; amounts exist for "
                   "{with_spent} of {measures} measures.")
EXEC_CHANGES = "Changes since the previous reporting date"
EXEC_CHANGES_FIRST = "This is the decree's first reporting date, so there is nothing to compare it with."
EXEC_CHANGES_NONE = "No status has changed since {previous}."
EXEC_CHANGES_NOTE = "{previous} → {round}: the status of {changed} of {measures} measures changed."
# The comments of the chosen round (the Execution page), paged
EXEC_COMMENTS = "What the responsible bodies wrote"
EXEC_COMMENTS_NOTE = ("Comments for {round}: each responsible body's latest report on each measure. "
                      "The title search also searches the comments.")
EXEC_COMMENTS_NONE = "No responsible body has left a comment on the selected measures for {round}."
EXEC_COMMENTS_RANGE = "Comments {first}–{last} of {total}"
EXEC_COMMENTS_PAGE = "Page of comments"
REPORTS_TITLE = "Reports of the responsible bodies"
REPORTS_INTRO = ("Responsible bodies report on progress by each reporting date ({dates}). Download the template, "
                 "fill in each measure's status, amount spent and comment, and upload the file.")
REPORTS_READ_ONLY = ("Online submission is switched off because sign-in has not been set up. An administrator "
                     "switches it on by "
                     "naming a sign-in provider (OpenID Connect) under `[auth]` in `.streamlit/secrets.toml` "
                     "(README, \"Sign-in and rights\"). Until then, an operator loads reports with these commands:")
REPORTS_CLI_EXAMPLE = (
    "python -m reporting template --executor BODY --round {round} --out report.xlsx --lang en\n"
    "python -m reporting check report.xlsx --executor BODY --round {round} --lang en\n"
    'python -m reporting submit report.xlsx --executor BODY --round {round} --submitter "Surname I." --lang en\n'
    "python -m reporting list --round {round}"
)
REPORTS_SIGN_IN_PROMPT = "Signed-in responsible bodies may submit reports. Everyone else sees the results."
REPORTS_SIGN_IN = "Sign in"
REPORTS_SIGN_OUT = "Sign out"
REPORTS_SIGNED_IN = "Signed in as {who}."
REPORTS_NO_RIGHTS = ("Your account is not authorised to submit reports. The sign-in administrator can grant this: the "
                     "role \"{role}\" in the claim `{role_claim}` (any responsible body) or a responsible body's name "
                     "in `{executor_claim}`.")
REPORTS_UNKNOWN_EXECUTOR = "The responsible body \"{executor}\" of your account is not in the loaded decrees."
REPORTS_EXECUTOR = "Responsible body"
REPORTS_ROUND = "Reporting date"
REPORTS_TEMPLATE = "Download the report template (XLSX)"
REPORTS_UPLOAD = "The filled template (XLSX) or a CSV of the same columns"
REPORTS_UPLOAD_HELP = ("Maximum {mb} MB. The whole file is checked: it is either accepted in full or rejected, with "
                       "every problem listed.")
REPORTS_SUBMIT = "Submit report"
REPORTS_REFUSED = "The report was not accepted; nothing was stored. Correct the file and upload it again."
REPORTS_STORED = "Report accepted: {executor}, reporting date {round}, measures: {rows}. Saved {when}."
REPORTS_ALREADY = "This file was already accepted on {when}; it has not been saved again."
REPORTS_FIRST = "This is the responsible body's first report for this date."
REPORTS_CHANGES = "What changed since the previous report"
REPORTS_NO_CHANGES = "No changes: the same statuses, amounts and comments."
REPORTS_CHANGE_SPENT = "spent: {before} → {now}"
REPORTS_CHANGE_COMMENT = "comment changed"
REPORTS_NEWLY = "First reported: measures {measures}."
REPORTS_LEFT_OUT = "Not in this file (the earlier report stands): measures {measures}."
REPORTS_MOMENT = '{day}, {time} UTC'  # times are shown in UTC, as stored
REPORTS_FILE = 'File "{name}", received {when}'
REPORTS_HISTORY = "Reports received"
REPORTS_HISTORY_NONE = "No reports yet."
REPORTS_HISTORY_RANGE = "Reports {first}–{last} of {total}"
REPORTS_UNREADABLE = "The reports folder holds files that do not read as reports ({count}); the server log has details."
REPORTS_DIR_PROBLEM = ("The responsible bodies' reports cannot be read now: the reports folder on the server is "
                       "unavailable ({problem}). The roadmap is shown without statuses; tell the administrator.")
# Review (roadmap/ui/review.py)
REVIEW_HEADER = "Reviewing reports"
REVIEW_ROUND = "Reports for the date"
REVIEW_NONE = "No reports for this reporting date yet."
COL_REVIEWER = "Reviewed by"
COL_REVIEW_REASON = "Reason for return"
REVIEW_OPEN = "Open a report"
REVIEW_CHANGES = "What changed since this body's previous report for the date: {changes}"
REVIEW_NOT_YOURS = "You cannot review this report: it is your own body's, or you sent it."
REVIEW_REASON = "Reason for returning it (what to correct)"
REVIEW_REASON_HELP = "Required to return a report: the responsible body sees it on this page."
REVIEW_ACCEPT = "Accept"
REVIEW_RETURN = "Return for correction"
REVIEW_REASON_REQUIRED = "Give the reason for returning it: a report is not returned without one."
REVIEW_FAILED = "The decision was not saved because of a server error; nothing was written. Try again."
REVIEW_DONE = {"accepted": "The report of {executor} is accepted.",
               "returned": "The report of {executor} is returned for correction."}
REVIEW_RETURNED_HEADER = "Returned reports"
REVIEW_RETURNED = ("The report of {executor} for {round} (received {when}) was returned by the Ministry: {reason}. "
                   "Correct the file and send it again.")
REPORTS_STORE_FAILED = "The report was not stored because of a server error; nothing was written. Please try again."
REPORTS_WHOLE_FILE = "the whole file"
REPORT_PROBLEMS = {
    "empty": "empty file",
    "too_large": "file too large",
    "unreadable": "file cannot be read",
    "not_a_file": "not a regular file",
    "encrypted": "workbook is password-protected",
    "not_xlsx": "neither XLSX nor CSV",
    "not_csv": "CSV cannot be read",
    "not_utf8": "not UTF-8 text",
    "too_many_sheets": "too many sheets",
    "too_many_strings": "too much text in the workbook",
    "sheet_too_large": "sheet too large",
    "header": "no header row",
    "identity": "template for a different body, date or decree",
    "template_damaged": "template damaged",
    "unknown_roadmap": "decree not loaded",
    "unknown_executor": "no such responsible body",
    "not_a_round": "not a reporting date",
    "identity_row": "a row of another report",
    "too_many_rows": "too many rows",
    "rows_limit": "too many rows",
    "nothing_reported": "no row has a status",
    "formula": "a formula (not accepted)",
    "cell_too_long": "cell too long",
    "missing_measure": "measure number missing",
    "unknown_measure": "no such measure",
    "not_assigned": "measure not assigned to this responsible body",
    "duplicate": "measure repeated",
    "status": "invalid status",
    "missing_status": "status missing",
    "amount": "invalid amount",
    "negative_amount": "negative amount",
    "comment": "comment too long",
    "reason_required": "reasons needed",
    "late_reason_required": "reasons needed",
    "more": "further problems not listed",
}
# What each problem says, with its values (reporting/problems.py declares the kinds and their parameters).
REPORT_PROBLEM_MESSAGES = {
    "empty": "the file is empty",
    "too_large": "the file is larger than {mb} MB (a workbook: once unpacked): a report is far smaller",
    "unreadable": "the file cannot be read ({reason})",
    "not_a_file": '"{value}" is not a regular file (a device, a pipe or a directory)',
    "encrypted": ("the workbook is password-protected (encrypted): open it in Excel, remove the password (File → "
                  "Info → Protect Workbook → Encrypt with Password, clear it), save and upload it again"),
    "not_xlsx": ("the file is neither an XLSX workbook nor CSV text: upload the report template (.xlsx) or a CSV "
                 'UTF-8 file; open an old .xls file or a damaged workbook in Excel and save it as "Excel Workbook '
                 '(*.xlsx)"'),
    "not_csv": "the CSV cannot be split into columns (line {line})",
    "not_utf8": ("the file is not UTF-8 text (Excel's plain \"CSV\" is Windows-1251), see line {line}: in Excel "
                 'choose File → Save As → "CSV UTF-8 (Comma delimited) (*.csv)" and upload that file'),
    "too_many_sheets": "the workbook has {count} sheets; a report has at most {limit}",
    "too_many_strings": "the workbook holds more than {limit} different texts; a report holds far fewer",
    "sheet_too_large": "the sheet has more than {rows} rows or {cells} cells; a report has far fewer",
    "header": ('no heading row: among its first {rows} rows the file needs one naming the columns "{measure}" and '
               '"{status}"; use the report template'),
    "identity": 'the file is made for "{found}", not for "{expected}": download the template for "{expected}"',
    "template_damaged": 'the template\'s hidden sheet is damaged (key "{key}"): download a new template',
    "unknown_roadmap": 'the file names the roadmap year "{value}", which is not loaded',
    "unknown_executor": '"{value}" is not a responsible body of the {year} roadmap',
    "not_a_round": '"{value}" is not a reporting date of the {year} roadmap (its reporting dates: {rounds})',
    "identity_row": ('"{value}" differs from "{expected}" on the first row: a file reports for one responsible '
                     "body, date and decree"),
    "too_many_rows": "the file has {rows} filled rows, but {executor} has {measures} measures",
    "rows_limit": ("the file has more than {rows} filled rows, but {executor} has {measures} measures: is it the "
                   "right file? Nothing was checked further"),
    "nothing_reported": "nothing is reported: no row has a status",
    "formula": ("a formula is not accepted (formulas are never evaluated): type the value itself, or copy the cells "
                "and paste them as values"),
    "cell_too_long": "the cell holds {length} characters; this column takes at most {limit}",
    "missing_measure": "the measure number is missing",
    "unknown_measure": '"{value}" is not the number of a measure of the {year} roadmap',
    "not_assigned": "measure {measure} is not assigned to {executor} (its responsible bodies: {executors})",
    "duplicate": "measure {measure} is already on row {first}",
    "status": '"{value}" is not a status ({statuses})',
    "missing_status": "a status is needed when an amount or a comment is given ({statuses})",
    "amount": '"{value}" is not a number of thousand tenge (write e.g. 1234,5 or 1234.5)',
    "negative_amount": "{value} is negative: the amount spent is 0 or more",
    "comment": "the comment has {length} characters, at most {limit} are accepted",
    "reason_required": ("measure {measure} is reported \"{status}\": give the reasons and what will be done in "
                        "the comment"),
    "late_reason_required": ("the deadline of measure {measure} passed on {deadline} and its status is "
                             "\"{status}\": give the reasons and what will be done in the comment"),
    "more": "… and {count} more problems",
}
REPORT_PLACE_ROW = "row {row}"
REPORT_PLACE_COLUMN = 'column "{column}"'
RESET = "Reset filters"
# The filters in force at the top of every page's main area, each a button that removes it (ui/panel.py)
ACTIVE_FILTERS = "Selection"
ACTIVE_FILTER_REMOVE = "Remove the “{label}” filter"
RESET_ALL = "Reset all"
SHOWN = "Showing {shown} of {total} measures"
NOTHING_FOUND = "No measure matches the selected filters. Change or reset the filters."

DOWNLOADS_HEADER = "Download the selected measures"
DOWNLOAD_CSV = "CSV (Excel, UTF-8)"
DOWNLOAD_XLSX = "Excel (XLSX)"
DOWNLOAD_JSON = "JSON (for programs)"
DOWNLOAD_JSON_HELP = "The same measures with typed values: numbers, ISO dates, lists."
DOWNLOADS_NOTE = (
    "These are stable links to the current selection: copy one into Excel (Data → From Web), a script or curl."
)
FILE_STEM = "roadmap"

DATA_ERROR_TITLE = "Roadmap data unavailable"
DATA_ERROR_BODY = (
    "The data file is missing or damaged, so the pages cannot be shown. "
    "Rebuild the data from the text of the decree with the command:"
)

GROUP_DIRECTION = "Area {n}"
GROUP_SECTION = "Section {n}"

FUNDING_CLASSES = {
    "budget_amount": "Budget amount",
    "within_existing_funds": "Within existing allocations",
    "extrabudgetary": "Extra-budgetary funds",
    "not_required": "Not required",
    "unspecified": "Not specified",
}
BUDGET_SPLIT = {True: "With a budget amount", False: "Without a budget amount"}
# The code in brackets is the decree's own (Cyrillic): the table's “Reports to” cells show it as written.
REPORT_TO = {"МИОР": "Ministry of Information and Social Development (МИОР)", "АП": "Presidential Administration (АП)"}

# Overview
KPI_MEASURES = "Measures"
KPI_COST = "Estimated expenditure, million tenge"
KPI_BUDGET_SHARE = "With a budget amount"
KPI_EXECUTORS = "Responsible bodies"
KPI_COST_HELP = "Total of the decree’s “Estimated expenditure” column for the selected measures."
# The note a decree prints under its table (in 2021: when the amounts will be considered), shown as
# written beside every money figure.
DECREE_NOTE = "Note in the decree: {marker} {text}"
NOTES_SHEET = "Notes"
NOTES_COLUMNS = {"marker": "Marker", "text": "Note", "measures": "Measures marked"}
KPI_BUDGET_HELP = "Share of measures for which the decree states an expenditure amount; all amounts are budget funds."
KPI_EXECUTORS_HELP = "Ministries and government bodies, plus each region's akimat counted separately."
OVERVIEW_BY_GROUP = "By area"
# Charts that can be clicked, and the Overview's picture
WORKLOAD_NAMED = "Assigned individually"
WORKLOAD_COLLECTIVE = "Assigned to all akimats"
WORKLOAD_NAMED_SHORT = "Individually"
TODAY = "Today"
OVERVIEW_PICTURE = "Where the work and the money are"
OVERVIEW_BUSIEST = "Busiest responsible bodies"
FUNDING_CLASS_BY_GROUP = "Funding classes by area"
CLICK_HINT = "Click a bar or a region to filter by it; click it again to clear the filter."
OVERVIEW_YEARS = "Roadmaps by year"
OVERVIEW_YEARS_NOTE = "Each roadmap has its own areas: compare them by name."
COL_YEAR = "Year"
OVERVIEW_CALENDAR = "Reporting under the decree"
CALENDAR_EXECUTORS = "Responsible bodies"
COL_GROUP = "Area / section"
COL_GROUP_NAME = "Name"
COL_MEASURES = "Measures"
COL_BUDGET_MEASURES = "With amount"
COL_COST = "Expenditure, thousand tenge"
COL_DATE = "Date"
COL_REPORTER = "Reporting body"
COL_RECIPIENT = "Recipient"
SOURCE_NOTE = "Source: Decree of the Government of the Republic of Kazakhstan No. {number} of {date}."

# Funding
FUNDING_BY_GROUP = "Expenditure by area, thousand tenge"
FUNDING_SPLIT = "Measures with and without a budget amount"
FUNDING_SPLIT_COUNT = "by number of measures"
FUNDING_SPLIT_AMOUNT = "by amount, thousand tenge"
FUNDING_CLASSES_TITLE = "Forms of funding"
FUNDING_RANKED = "Measures with an expenditure amount"
FUNDING_TREEMAP = "Breakdown of expenditure: area → measure"
NO_AMOUNTS = "None of the selected measures has an expenditure amount."

# Executors
EXECUTORS_MINISTRIES = "Measures by ministry and government body"
EXECUTORS_AKIMATS = "Measures by akimat"
EXECUTORS_MATRIX = "Responsible body × area: number of measures"
EXECUTORS_MAP = "Workload by region: number of measures"
EXECUTORS_MAP_NOTE = ("Colour: measures assigned to the region individually; number: individually + assigned to "
                      "all akimats. Shymkent is shown as a point. Boundaries: Natural Earth (public domain).")
MAP_NOT_DRAWN = "Not on the map of the 2021 boundaries (measures): {regions}"
NO_EXECUTORS = "None of the selected measures has a responsible body of this kind."

# Timeline
TIMELINE_GANTT = "Implementation periods"
TIMELINE_PER_MONTH = "Completion deadlines"
TIMELINE_PERIOD = "Grouping"
PERIODS = {"month": "by month", "quarter": "by quarter"}
PART_OF = "{part} of {whole}"
TIMELINE_AS_OF = "As of"
TIMELINE_PASSED_SUMMARY = "As of {date}, the deadline has passed for {passed} of {total} measures."
TIMELINE_REPORTING = "report due"
# English numbers quarters in Arabic numerals ("Q2 2021"); Russian and Kazakh use q_roman.
QUARTER = "Q{q} {year}"

# Measures
MEASURES_TABLE = "Selected measures"
MEASURE_PICK = "Measure details"
MEASURE_NOT_IN_VIEW = "Measure No. {n} is not in the current selection."
MEASURE_SOURCE = "Original text of the decree (lines {start}–{end})"
# A measure as a card (ui/card.py)
CARD_STATUS = "Status as of {round}"
CARD_HISTORY = "By reporting date"
CARD_REPORTS = "Reports of the responsible bodies on this measure"
CARD_REPORTS_NONE = "No responsible body has reported on this measure yet."
STATUS_CARRIED = "as reported for {date}"
COL_REVIEW = "Ministry's review"
REVIEW_STATES = {"unreviewed": "not reviewed", "accepted": "accepted", "returned": "returned"}

# Column headers of the table and of the downloads
COLUMNS = {
    "measure_no": "No.",
    "roadmap_year": "Year",
    "group": "Area / section",
    "title": "Measure",
    "completion_form": "Deliverable",
    "executors_raw": "Responsible bodies",
    "ministries": "Ministries and government bodies",
    "akimats": "Akimats",
    "deadline_raw": "Deadline",
    "deadline_start": "Period start",
    "deadline_end": "Period end",
    "cost_thousand_kzt": "Expenditure, thousand tenge",
    "funding": "Funding",
    "funding_source": "Source of funding",
    "report_to": "Reports to",
    "source_lines": "Lines in the decree text",
    "report_round": "Reporting date",
    "status": "Status",
    "status_carried_from": "As reported for",
    "spent_thousand_kzt": "Spent, thousand tenge",
    "reported_executors": "Responsible bodies that reported",
    "executor_count": "Number of responsible bodies",
    "unreviewed_reports": "Reports not yet reviewed",
    "information": "Information on implementation",
}

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
# English dates use the plain month name: "5 July 2021".
MONTHS_GEN = MONTHS
# "As of 5 July 2021": a date inside a sentence is written as it is alone.
MONTHS_LOC = MONTHS
# The case a Kazakh postposition needs (day_dat, day_abl); English writes its date as alone.
MONTHS_DAT = MONTHS_ABL = MONTHS
MONTHS_SHORT = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


# Large selections
MEASURES_PAGE = "Page"
MEASURES_PAGE_RANGE = "Measures {first}–{last} of {total}"
GANTT_WINDOWS_NOTE = (
    "{total} measures selected — too many to draw one bar each. "
    "Deadline windows are shown instead: one bar per area and deadline, labelled with the number of measures."
)
GANTT_WINDOWS_CUT = "Showing the {shown} of {windows} windows that hold the most measures."
# -- issue 23: deadline kinds, executors by agreement and collective, amounts by source (appended block) --
DEADLINE_KINDS = {"window": "Window", "by_date": "Due by a date", "periodic": "Periodic deadline"}
DEADLINE_FREQUENCIES = {"monthly": "monthly", "quarterly": "quarterly", "yearly": "yearly", "ongoing": "ongoing"}
DEADLINE_PERIODIC = "Periodic deadline: {frequency}"
DEADLINE_REPORT_DAY = "by day {day} of the month after the period"
GANTT_KINDS_NOTE = ("Bar: a window; ◆: due by a date; hatched bar: a periodic deadline over the plan's period, its "
                    "frequency written on it.")
EXECUTORS_MARKED = "Responsible bodies by agreement, and collective ones"
EXECUTORS_MARKED_NOTE = ("Organisations taking part «by agreement», and responsible bodies the decree names as a "
                         "group (as written, not expanded).")
EXECUTORS_MARKED_COLUMNS = {"executor": "Responsible body", "name": "Full name", "mark": "Mark",
                            "measures": "Measures"}
EXECUTOR_MARKS = {"by_agreement": "by agreement", "collective": "collective"}
FUNDING_BY_SOURCE = "Expenditure by source of funding"
FUNDING_BY_SOURCE_NOTE = ("The amounts the decree gives for each budget; amounts without a source of their own on a "
                          "row apart.")
FUNDING_NO_SOURCE = "Not split by source"
FUNDING_SOURCE_AMOUNTS = "Amounts"
WORKLOAD_BY_AGREEMENT = "Of them by agreement"
# The export columns this block adds (roadmap/exports.py COLUMNS).
COLUMNS = {
    **COLUMNS,
    "executors_by_agreement": "By agreement",
    "executors_collective": "Collective responsible bodies",
    "deadline_kind": "Kind of deadline",
    "deadline_frequency": "Frequency",
    "deadline_report_day": "Report due on day",
    "funding_by_source": "Amounts by source",
}
# -- end of issue 23 block --
RANKED_CUT = "Showing the {shown} largest of the {total} measures with an expenditure amount."
TREEMAP_OTHER = "Others ({n})"

# Formats that follow the language
PLOTLY_SEPARATORS = ".,"  # decimal point, comma thousands
DATE_TICKFORMAT = "%d %b %Y"
DATE_INPUT_FORMAT = "DD/MM/YYYY"
MEASURE_NO = "No. {n}"
MEASURE_IN_YEAR = "{year} · No. {n}"  # a measure when several roadmaps are loaded

# The printable brief
BRIEF_DOWNLOAD = "Printable brief (HTML)"
BRIEF_HELP = (
    "A one-page summary of the current selection: filters, key figures, charts and the list of measures. "
    "Open the file in a browser and print it on A4."
)
BRIEF_HEADING = "Roadmap brief"
BRIEF_FILTERS = "Selection"
BRIEF_NO_FILTERS = "all measures, no filters"
BRIEF_SEARCH = "title contains “{q}”"
BRIEF_KPIS = "Key figures"
BRIEF_WORKLOAD = "Responsible bodies with the most measures"
BRIEF_TABLE = "List of measures"
BRIEF_PREPARED = "Prepared on {date} from the decree data; source: roadmap dashboard."

# Number and date patterns: the functions below are the same for every language (i18n/_formats.py)
THOUSANDS_SEP = ","
DECIMAL_SEP = "."
THOUSAND_TENGE = "{amount} thousand tenge"
PERCENT = "{value}%"
DAY = "{day} {month} {year}"
DAY_ATTR = DAY
DAY_LONG = DAY  # a date in the sentence of an official document
MONTH_YEAR = "{month_short} {year}"
SHORT_DATE = "{day} {month_short}"

DAYS_FORMS = {"one": "day", "few": "days", "many": "days"}
(number, thousand_tenge, percent, day, day_attr, short_date, month_year, quarter,
 group_label, measure, day_dat, day_abl, day_long, days) = formatters(globals())

# Reporting rounds: the report template an executor fills in (reporting/template.py).  The status labels
# and column headings are also what reporting/ accepts in a file (reporting/vocabulary.py, fileformat.py).
REPORT_SHEET = "Report"
REPORT_TITLE = "Roadmap progress report: {executor}"
REPORT_SUBTITLE = (
    "Reporting date — {round}; Decree of the Government of the Republic of Kazakhstan No. {number} of {date}."
)
REPORT_INSTRUCTIONS = (
    "For each measure choose a value from the list in the “{status}” column and fill in “{spent}” (the total "
    "since the roadmap began) and “{comment}”. A measure not done, or not done once its deadline has passed, "
    "needs the reasons and what will be done in the comment. The other columns are protected. A measure "
    "without a status counts as not included in the report."
)
REPORT_COLUMNS = {
    "measure_no": "No.",
    "title": "Measure",
    "deadline_raw": "Deadline",
    "cost_thousand_kzt": "Estimated expenditure, thousand tenge",
    "status": "Status",
    "spent_thousand_kzt": "Spent, thousand tenge",
    "comment": "Comment",
}
REPORT_STATUS_LABELS = {
    "done": "done",
    "in_progress": "in progress",
    "not_started": "not started",
    "not_done": "not done",
}
REPORT_STATUS_PROMPT = (
    "Choose a status. \"Not done\", and any status but \"done\" after the deadline, only with "
    "the reasons in the comment."
)
REPORT_STATUS_ERROR = "Only the values in the list are allowed: {labels}."
REPORT_SPENT_ERROR = "Enter a number of 0 or more (thousand tenge), not a formula."
REPORT_COMMENT_ERROR = "A comment may be at most {limit} characters long."
REPORT_ERROR_TITLE = "Invalid value"
REPORT_FILE_STEM = "report"

# Brief and exports: execution
BRIEF_EXECUTION = "Implementation"
BRIEF_EXECUTION_ROUND = "Reporting date: {round} (as reported by the responsible bodies)."
BRIEF_EXECUTION_NONE = "No responsible body has reported on the selected measures yet (reporting date: {round})."

# The report log export's file name (/export/reports.csv|xlsx|json)
REPORT_LOG_FILE_STEM = "reports"

# The round's consolidated information for the Presidential Administration: its words in a file of their own.
# The operator's command line (reporting/cli.py): its lines, in the language of --lang.  argparse's own usage
# and help stay in English, as the operator's terminal does.
CLI_ERROR = "error: {message}"
CLI_WARNING = "warning: {message}"
CLI_DATA_UNREADABLE = "cannot read the roadmap data: {reason}"
CLI_FILE_SKIPPED = "{path} is not a readable report file; it was skipped"
CLI_STORE_FAILED = "cannot store the report in {directory}: {reason}"
CLI_SUBMISSION = ("{executor}, round {round} of the {year} roadmap (decree No. {number}): {reported} measures "
                  "reported, {not_reported} not reported")
CLI_VALID = "{file}: valid: {submission}; nothing stored (check)"
CLI_STORED = "stored {path} ({rows} rows)"
CLI_ALREADY_STORED = "already stored {path} (by {who} at {when} UTC)"
CLI_SEVERAL_ROADMAPS = "{round} is a reporting date of several loaded roadmaps: choose one with --year"
CLI_NOT_A_ROUND = "{round} is not a reporting date of a loaded roadmap"
CLI_NO_MEASURES = "{executor} has no measures in the {year} roadmap"
CLI_TEMPLATE_FAILED = "the template cannot be made from the loaded data: {reason}"
CLI_WRITE_FAILED = "cannot write {path}: {reason}"
CLI_TEMPLATE_WRITTEN = "wrote {path}: {executor}, {measures} measures, round {round}"
CLI_FREEZE_FAILED = "cannot freeze the round in {directory}: {reason}"
CLI_FROZEN = "version {number} of the {year} roadmap, round {round}, by {who}"
CLI_UNKNOWN_SUBMISSION = "no submission {id} in {directory} (see: list)"
CLI_NO_REASON = "a returned submission needs --reason (what the responsible body is to correct)"
CLI_REASON_TOO_LONG = "the reason is too long: at most {limit} characters"
CLI_REVIEW_REFUSED = "the decision was not recorded: {reason}"
CLI_REVIEW_STORE_FAILED = "cannot store the decision in {directory}: {reason}"
CLI_REVIEWED = "{decision} {submission} by {who}: {path}"

from .round_doc.en import *  # noqa: E402, F403
