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
APP_TITLE = "Rukhani Zhangyru roadmap 2021"
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
FILTER_REPORT_TO = "Information submitted to"
REPORT_TO_SHORT = {"МИОР": "MISD", "АП": "PA"}  # on the calendar strip, where a full name does not fit
FILTER_YEAR = "Roadmap year"
FILTER_Q = "Search in titles"
FILTER_Q_PLACEHOLDER = "e.g. Дәстүр"
FILTER_ANY = "All"
RESET = "Reset filters"
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
FILE_STEM = "roadmap_2021"

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
EXECUTOR_KINDS = {"ministry": "Ministries and government bodies", "akimat": "Akimats"}
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
KPI_EXECUTORS_HELP = "Ministries and government bodies, plus each akimat counted separately (17 regions)."
OVERVIEW_BY_GROUP = "By area"
# Charts that can be clicked, and the Overview's picture
WORKLOAD_NAMED = "Assigned on its own"
WORKLOAD_COLLECTIVE = "As one of all akimats"
WORKLOAD_NAMED_SHORT = "On its own"
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
CALENDAR_LINE = "{date}: {reporter} → {recipient}"
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
EXECUTORS_MAP_NOTE = ("Colour: measures assigned to the region on its own; number: on its own + as one of all "
                      "akimats. Shymkent is shown as a point. Boundaries: Natural Earth (public domain).")
MAP_NOT_DRAWN = "Not on the map of the 2021 boundaries (measures): {regions}"
NO_EXECUTORS = "None of the selected measures has a responsible body of this kind."

# Timeline
TIMELINE_GANTT = "Implementation periods"
TIMELINE_PER_MONTH = "Completion deadlines"
TIMELINE_PERIOD = "Grouping"
PERIODS = {"month": "by month", "quarter": "by quarter"}
PART_OF = "{part} of {whole}"
TIMELINE_AS_OF = "As of"
TIMELINE_PASSED = "Deadline passed"
TIMELINE_OPEN = "Deadline not yet passed"
TIMELINE_PASSED_SUMMARY = "As of {date}, the deadline has passed for {passed} of {total} measures."
TIMELINE_REPORTING = "report due"
# English numbers quarters in Arabic numerals ("Q2 2021"); Russian and Kazakh use q_roman.
QUARTER = "Q{q} {year}"

# Measures
MEASURES_TABLE = "Selected measures"
MEASURE_PICK = "Measure details"
MEASURE_NOT_IN_VIEW = "Measure No. {n} is not in the current selection."
MEASURE_SOURCE = "Original text of the decree (lines {start}–{end})"

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
}

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
# English dates use the plain month name: "5 July 2021".
MONTHS_GEN = MONTHS
# "As of 5 July 2021": a date inside a sentence is written as it is alone.
MONTHS_LOC = MONTHS
MONTHS_SHORT = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")









# Large selections
MEASURES_PAGE = "Page"
MEASURES_PAGE_RANGE = "Measures {first}–{last} of {total}"
GANTT_WINDOWS_NOTE = (
    "{total} measures selected — too many to draw one bar each. "
    "Deadline windows are shown instead: one bar per area and deadline, labelled with the number of measures."
)
GANTT_WINDOWS_CUT = "Showing the {shown} of {windows} windows that hold the most measures."
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
BRIEF_PAGE = "p."

# Number and date patterns: the functions below are the same for every language (i18n/_formats.py)
THOUSANDS_SEP = ","
DECIMAL_SEP = "."
THOUSAND_TENGE = "{amount} thousand tenge"
MILLION_TENGE = "{amount} million tenge"
PERCENT = "{value}%"
DAY = "{day} {month} {year}"
DAY_ATTR = DAY
MONTH_YEAR = "{month_short} {year}"
SHORT_DATE = "{day} {month_short}"

(number, thousand_tenge, million_tenge, percent, day, day_attr, short_date, month_year, quarter,
 group_label, measure) = formatters(globals())

# Reporting rounds: the report template an executor fills in (roadmap/report_template.py).  The status labels
# and column headings are also what loaders/reports.py accepts in a file (tests/test_reports.py checks it).
REPORT_SHEET = "Report"
REPORT_TITLE = "Roadmap progress report: {executor}"
REPORT_SUBTITLE = (
    "Reporting date — {round}; Decree of the Government of the Republic of Kazakhstan No. {number} of {date}."
)
REPORT_INSTRUCTIONS = (
    "For each measure choose a value from the list in the “{status}” column and, if needed, fill in “{spent}” and "
    "“{comment}”. The other columns are protected. A measure without a status counts as not included in the report."
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
REPORT_NOT_REPORTED = "not reported"
REPORT_STATUS_PROMPT = "Choose a status from the list."
REPORT_STATUS_ERROR = "Only the values in the list are allowed: {labels}."
REPORT_SPENT_ERROR = "Enter a number of 0 or more (thousand tenge), not a formula."
REPORT_COMMENT_ERROR = "A comment may be at most {limit} characters long."
REPORT_ERROR_TITLE = "Invalid value"
REPORT_FILE_STEM = "report"
