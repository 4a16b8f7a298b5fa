"""Every user-facing string of the dashboard, in Kazakh (Cyrillic script); same names as the Russian catalogue."""
from __future__ import annotations

from ._formats import formatters

LANGUAGE_CODE = "kk"
LANGUAGE_NAME = "Қазақша"
LANGUAGE_LABEL = "Тіл"
DATA_LANGUAGE_NOTE = (
    "Іс-шаралардың, бағыттардың атаулары, орындаушылар, мерзімдер мен аяқтау нысандары "
    "қаулының орыс тіліндегі мәтінінде берілгендей көрсетілген."
)

APP_TITLE = "«Рухани жаңғыру» жол картасы"
PAGE_OVERVIEW = "Шолу"
PAGE_FUNDING = "Қаржыландыру"
PAGE_EXECUTORS = "Орындаушылар"
PAGE_TIMELINE = "Мерзімдер"
PAGE_MEASURES = "Іс-шаралар"

FILTERS_HEADER = "Сүзгілер"
FILTER_MINISTRY = "Министрлік / мемлекеттік орган"
FILTER_AKIMAT = "Әкімдік"
FILTER_AKIMAT_HELP = "Барлық әкімдіктерге жүктелген іс-шаралар кез келген өңір таңдалғанда да көрсетіледі."
FILTER_DIRECTION = "Бағыт / бөлім"
FILTER_FUNDING = "Қаржыландыру"
FILTER_REPORT_TO = "Ақпарат жолданатын орган"
REPORT_TO_SHORT = {"МИОР": "АҚДМ", "АП": "ПӘ"}  # on the calendar strip, where a full name does not fit
FILTER_YEAR = "Жол картасының жылы"
FILTER_Q = "Атауы бойынша іздеу"
FILTER_Q_PLACEHOLDER = "мысалы, Дәстүр"
FILTER_ANY = "Барлығы"
FILTER_ROUND = "Есеп беру күні"
FILTER_ROUND_HELP = (
    "Күйлер орындаушылардың осы күнге берген есептері бойынша көрсетіледі. Таңдалмаса — біреу есеп берген"
    " соңғы күн бойынша; есептер әлі жоқ болса — ең жақын алдағы күн (бәрі өтсе — соңғысы)."
)
FILTER_ROUND_PLACEHOLDER = "Әдепкі бойынша"
FILTER_STATUS = "Орындалу күйі"
STATUS_NAMES = {
    "done": "Орындалды",
    "in_progress": "Орындалуда",
    "not_started": "Басталған жоқ",
    "not_done": "Орындалмады",
    "not_reported": "Есеп берілмеген",
}
# Execution: the reports of the executors and what they say
PAGE_EXECUTION = "Орындалу барысы"
PAGE_REPORTS = "Есептер"
COL_STATUS = "Күйі"
COL_STATUS_BEFORE = "Бұрынғы күйі"
COL_STATUS_NOW = "Қазіргі күйі"
COL_ROUND = "Есеп беру күні"
COL_EXECUTOR = "Орындаушы"
COL_DEADLINE = "Мерзімі"
COL_REPORTED = "Есеп бергендер"
COL_SPENT = "Жұмсалған қаражат, мың теңге"
COL_TITLE = "Іс-шара"
COL_SUBMITTED_AT = "Қабылданған уақыты"
COL_SUBMITTER = "Жіберуші"
COL_FILE = "Файл"
COL_ROWS = "Есептегі іс-шаралар саны"
COL_ROW = "Жол"
COL_COLUMN = "Баған"
COL_PROBLEM = "Қате"
COL_DETAIL = "Толығырақ"
STATUS_HEADER = "Орындалу барысы ({round})"
STATUS_COVERAGE = "{expected} орындаушының ішінен {reported} орындаушы есеп берді"
STATUS_COVERAGE_YEAR = ("{year}: {expected} орындаушының ішінен {reported} орындаушы есеп берді "
                        "(есеп беру күні: {round})")
STATUS_NO_REPORTS = ("Орындалу барысы туралы есептер әзірге жоқ: орындаушылар есеп жібергенде күйлер пайда болады "
                     "(«Есептер» беті). Оған дейін әр іс-шараның күйі — «есеп берілмеген».")
STATUS_LINE_NONE = "Орындалу барысы туралы есептер әзірге жоқ."
STATUS_NO_CALENDAR = "Қаулыда орындаушылардың есеп беру күндері жоқ, сондықтан бұл қаулы бойынша есептер қабылданбайды."
STATUS_RULE = ("Іс-шараның күйі оның барлық орындаушыларының есептері бойынша анықталады: біреуі орындалмады десе — "
               "«орындалмады»; "
               "барлығы орындалды десе ғана — «орындалды»; біреуі бастаса немесе өз бөлігін орындаса — «орындалуда»; "
               "есеп бергендердің ешқайсысы бастамаса — «басталған жоқ»; ешкім есеп бермесе — «есеп берілмеген».")
EXEC_TITLE = "Жол картасының орындалуы"
EXEC_BY_GROUP = "Бағыттар бойынша орындалу күйі"
EXEC_BY_EXECUTOR = "Орындаушылар бойынша орындалу күйі"
EXEC_BY_EXECUTOR_NOTE = ("Әр орындаушының өз іс-шаралары бойынша берген есебі; жоғарыда — есебі жоқ іс-шаралары "
                         "ең көп орындаушылар.")
EXEC_MISSING = "Өткен күндерге есеп жібермегендер"
EXEC_MISSING_NONE = "Өткен әр есеп беру күніне іріктелген іс-шаралардың барлық орындаушылары есеп берді."
EXEC_NO_PAST_ROUNDS = "Жағдай күні — {as_of}: есеп беру күндерінің ешқайсысы әлі келген жоқ."
EXEC_AS_OF = "Жағдай күні"
EXEC_AS_OF_HELP = "Өткен есеп беру күндері мен өткен мерзімдер осы күнге есептеледі."
EXEC_OVERDUE = "Мерзімі өткен, орындалмаған іс-шаралар"
# {as_of} is day_dat, the dative «дейін» needs: «2021 жылғы 1 қазанға дейін».
EXEC_OVERDUE_NOTE = ("Мерзімі {as_of} дейін аяқталған, бірақ күйі «орындалды» емес іс-шаралар "
                     "(есеп беру күні: {round}).")
EXEC_OVERDUE_NONE = "Мерзімі өткен, орындалмаған іс-шаралар жоқ."
EXEC_OVERDUE_PAGE = "Мерзімі өткен іс-шаралар беті"
EXEC_SPENT_HEADER = "Болжанатын шығыстар және жұмсалған қаражат"
EXEC_ESTIMATED = "Болжанатын шығыстар"
EXEC_SPENT = "Есептер бойынша жұмсалған қаражат"
EXEC_AMOUNT_AXIS = "млн теңге"
EXEC_SPENT_NONE = "Орындаушылар әзірге жұмсалған сомаларды хабарлаған жоқ."
EXEC_SPENT_NOTE = ("Жұмсалған қаражат — орындаушылар хабарлаған соңғы сомалардың жиыны (есеп беру күні: {round}); "
                   "сомалар {measures} іс-шараның ішінен {with_spent} іс-шара бойынша берілген.")
EXEC_CHANGES = "Алдыңғы есеп беру күнінен бергі өзгерістер"
EXEC_CHANGES_FIRST = "Қаулының бірінші есеп беру күні таңдалды: салыстыратын ештеңе жоқ."
# {previous} is day_abl, the ablative «бері» needs: «2021 жылғы 5 шілдеден бері».
EXEC_CHANGES_NONE = "{previous} бері бірде-бір күй өзгерген жоқ."
EXEC_CHANGES_NOTE = "{previous} → {round}: {measures} іс-шараның ішінен {changed} іс-шараның күйі өзгерді."
# The comments of the chosen round (the Execution page), paged
EXEC_COMMENTS = "Орындаушылардың түсініктемелері"
EXEC_COMMENTS_NOTE = ("Әр іс-шара бойынша әр орындаушының соңғы есебіндегі түсініктеме (есеп беру күні: {round}). "
                      "Атауы бойынша іздеу түсініктемелердің мәтінінен де іздейді.")
EXEC_COMMENTS_NONE = "Іріктелген іс-шаралар бойынша орындаушылардың түсініктемелері жоқ (есеп беру күні: {round})."
EXEC_COMMENTS_RANGE = "Түсініктемелер: {first}–{last} (барлығы {total})"
EXEC_COMMENTS_PAGE = "Түсініктемелер беті"
REPORTS_TITLE = "Орындаушылардың есептері"
REPORTS_INTRO = ("Орындаушылар әр есеп беру күніне ({dates}) орындалу барысы туралы есеп береді. Үлгіні жүктеп алып, "
                 "әр іс-шараның күйін, жұмсалған соманы және түсініктемені толтырып, файлды жүктеп салыңыз.")
REPORTS_READ_ONLY = ("Сайтта есеп қабылдау өшірулі: кіру бапталмаған. Оны әкімші `.streamlit/secrets.toml` файлының "
                     "`[auth]` бөлімінде кіру провайдерін (OpenID Connect) көрсетіп қосады (README, «Sign-in and "
                     "rights» бөлімі). Оған дейін есептерді оператор мына пәрмендермен қабылдайды:")
REPORTS_CLI_EXAMPLE = (
    "python -m reporting template --executor МКС --round {round} --out есеп.xlsx --lang kk\n"
    "python -m reporting check есеп.xlsx --executor МКС --round {round} --lang kk\n"
    'python -m reporting submit есеп.xlsx --executor МКС --round {round} --submitter "Тегі А. Ә." --lang kk\n'
    "python -m reporting list --round {round}"
)
REPORTS_SIGN_IN_PROMPT = "Есептерді жүйеге кірген орындаушылар жібере алады. Басқалар нәтижелерді көреді."
REPORTS_SIGN_IN = "Кіру"
REPORTS_SIGN_OUT = "Шығу"
REPORTS_SIGNED_IN = "Сіз {who} ретінде кірдіңіз."
REPORTS_NO_RIGHTS = ("Тіркелгіңізде есеп жіберу құқығы жоқ. Оны кіру әкімшісі береді: `{role_claim}` ішіндегі "
                     "«{role}» рөлі (кез келген орындаушы) немесе `{executor_claim}` ішіндегі орындаушы атауы.")
REPORTS_UNKNOWN_EXECUTOR = "Тіркелгіңіздегі «{executor}» орындаушысы жүктелген қаулыларда жоқ."
REPORTS_EXECUTOR = "Орындаушы"
REPORTS_ROUND = "Есеп беру күні"
REPORTS_TEMPLATE = "Есеп үлгісін жүктеп алу (XLSX)"
REPORTS_UPLOAD = "Толтырылған үлгі (XLSX) немесе дәл сондай бағандары бар CSV"
REPORTS_UPLOAD_HELP = ("Файл көлемі {mb} МБ-тан аспауы керек. Файл толық тексеріледі: ол не толығымен қабылданады, "
                       "не мүлде қабылданбайды — соңғы жағдайда барлық қателер тізіліп көрсетіледі.")
REPORTS_SUBMIT = "Есепті жіберу"
REPORTS_REFUSED = "Есеп қабылданбады, ештеңе сақталмады. Файлды түзетіп, қайта жүктеп салыңыз."
REPORTS_STORED = ("Есеп қабылданды: {executor}; есеп беру күні — {round}; іс-шаралар саны — {rows}. "
                  "Сақталған уақыты: {when}.")
REPORTS_ALREADY = "Дәл осы файл бұрын қабылданған ({when}), сондықтан қайта сақталмайды."
REPORTS_FIRST = "Бұл орындаушының осы күнге алғашқы есебі."
REPORTS_CHANGES = "Алдыңғы есептен бері не өзгерді"
REPORTS_NO_CHANGES = "Өзгеріс жоқ: күйлер, сомалар және түсініктемелер бұрынғыдай."
REPORTS_CHANGE_SPENT = "жұмсалған қаражат: {before} → {now}"
REPORTS_CHANGE_COMMENT = "түсініктеме өзгерді"
REPORTS_NEWLY = "Алғаш рет есеп берілген іс-шаралар: № {measures}."
REPORTS_LEFT_OUT = "Бұл файлда жоқ іс-шаралар (олар бойынша бұрынғы есеп күшінде): № {measures}."
REPORTS_MOMENT = '{day}, {time} UTC'  # times are shown in UTC, as stored
REPORTS_FILE = '«{name}» файлы, алынды: {when}'
REPORTS_HISTORY = "Қабылданған есептер"
REPORTS_HISTORY_NONE = "Әзірге есептер жоқ."
REPORTS_HISTORY_RANGE = "Есептер: {first}–{last} (барлығы {total})"
REPORTS_UNREADABLE = "Есептер қалтасында есеп ретінде оқылмайтын файлдар бар ({count}); толығырақ — сервер журналында."
REPORTS_DIR_PROBLEM = ("Орындаушылардың есептері қазір оқылмайды: сервердегі есептер қалтасы қолжетімсіз ({problem}). "
                       "Жол картасы орындалу күйлерінсіз көрсетілді; әкімшіге хабарлаңыз.")
# Review (roadmap/ui/review.py)
REVIEW_HEADER = "Есептерді тексеру"
REVIEW_ROUND = "Есептер күні"
REVIEW_NONE = "Бұл есеп беру күніне әзірге есеп жоқ."
COL_REVIEWER = "Тексерген"
COL_REVIEW_REASON = "Қайтару себебі"
REVIEW_OPEN = "Есепті ашу"
REVIEW_CHANGES = "Орындаушының осы күнге берген алдыңғы есебінен бері не өзгерді: {changes}"
REVIEW_NOT_YOURS = "Бұл есепті сіз тексере алмайсыз: ол сіздің орындаушыңыздікі немесе өзіңіз жібергенсіз."
REVIEW_REASON = "Қайтару себебі (нені түзету керек)"
REVIEW_REASON_HELP = "Қайтарғанда міндетті: орындаушы оны осы бетте көреді."
REVIEW_ACCEPT = "Қабылдау"
REVIEW_RETURN = "Пысықтауға қайтару"
REVIEW_REASON_REQUIRED = "Қайтару себебін көрсетіңіз: онсыз есеп қайтарылмайды."
REVIEW_FAILED = "Шешім сервердегі қатеге байланысты сақталмады; ештеңе жазылған жоқ. Қайталап көріңіз."
REVIEW_DONE = {"accepted": "{executor} есебі қабылданды.", "returned": "{executor} есебі пысықтауға қайтарылды."}
REVIEW_RETURNED_HEADER = "Қайтарылған есептер"
REVIEW_RETURNED = ("{executor} орындаушысының есебін АҚДМ қайтарды (есеп беру күні: {round}; алынған уақыты: "
                   "{when}): {reason}. Файлды түзетіп, қайта жіберіңіз.")
REPORTS_STORE_FAILED = "Сервердегі қатеге байланысты есеп сақталмады; ештеңе жазылмады. Қайталап көріңіз."
REPORTS_WHOLE_FILE = "бүкіл файл"
REPORT_PROBLEMS = {
    "empty": "бос файл",
    "too_large": "файл тым үлкен",
    "unreadable": "файл оқылмайды",
    "not_a_file": "кәдімгі файл емес",
    "encrypted": "жұмыс кітабы құпиясөзбен қорғалған",
    "not_xlsx": "XLSX та, CSV да емес",
    "not_csv": "CSV оқылмайды",
    "not_utf8": "кодтауы UTF-8 емес",
    "too_many_sheets": "парақтар тым көп",
    "too_many_strings": "кітапта мәтін тым көп",
    "sheet_too_large": "парақ тым үлкен",
    "header": "тақырып жолы жоқ",
    "identity": "басқа үлгі: басқа орындаушы, күн немесе қаулы",
    "template_damaged": "үлгі бүлінген",
    "unknown_roadmap": "қаулы жүктелмеген",
    "unknown_executor": "мұндай орындаушы жоқ",
    "not_a_round": "есептік күн емес",
    "identity_row": "басқа есептің жолы",
    "too_many_rows": "жолдар тым көп",
    "rows_limit": "жолдар тым көп",
    "nothing_reported": "бірде-бір жолда күй жоқ",
    "formula": "формула (қабылданбайды)",
    "cell_too_long": "ұяшық тым ұзын",
    "missing_measure": "іс-шара нөмірі жоқ",
    "unknown_measure": "мұндай іс-шара жоқ",
    "not_assigned": "іс-шара бұл орындаушыға жүктелмеген",
    "duplicate": "іс-шара қайталанады",
    "status": "жарамсыз күй",
    "missing_status": "күйі жоқ",
    "amount": "жарамсыз сома",
    "negative_amount": "теріс сома",
    "comment": "түсініктеме тым ұзын",
    "reason_required": "себептері керек",
    "late_reason_required": "себептері керек",
    "more": "және басқа қателер",
}
# What each problem says, with its values (reporting/problems.py declares the kinds and their parameters).
REPORT_PROBLEM_MESSAGES = {
    "empty": "файл бос",
    "too_large": "файл {mb} МБ-тан үлкен (кітап — ашылған күйінде), ал есеп әлдеқайда шағын",
    "unreadable": "файлды оқу мүмкін емес ({reason})",
    "not_a_file": "«{value}» — кәдімгі файл емес (құрылғы, арна немесе қалта)",
    "encrypted": ("кітап құпиясөзбен қорғалған: оны Excel-де ашып, құпиясөзді алып тастаңыз (Файл → Мәліметтер → "
                  "Кітапты қорғау → Құпиясөзбен шифрлау, өрісті тазалаңыз), сақтап, қайта жүктеңіз"),
    "not_xlsx": ("файл XLSX кітабы да, CSV мәтіні де емес: есеп үлгісін (.xlsx) немесе «CSV UTF-8» файлын "
                 "жүктеңіз; ескі .xls файлын не бүлінген кітапты Excel-де ашып, «Excel кітабы (*.xlsx)» ретінде "
                 "сақтаңыз"),
    "not_csv": "CSV бағандарға бөлінбейді ({line}-жол)",
    "not_utf8": ("файл UTF-8 мәтіні емес (Excel-дің кәдімгі «CSV» файлы Windows-1251 кодтауында), {line}-жолды "
                 "қараңыз: Excel-де Файл → Басқаша сақтау → «CSV UTF-8 (үтірмен бөлінген)» таңдап, сол файлды "
                 "жүктеңіз"),
    "too_many_sheets": "кітапта {count} парақ бар, ал есепте {limit} парақтан аспайды",
    "too_many_strings": "кітапта {limit} түрлі мәтіннен көп, ал есепте олар әлдеқайда аз",
    "sheet_too_large": "парақта {rows} жолдан не {cells} ұяшықтан көп, ал есепте олар әлдеқайда аз",
    "header": ("тақырып жолы жоқ: алғашқы {rows} жолдың ішінде «{measure}» және «{status}» бағандары бар жол "
               "болуы керек; есеп үлгісін пайдаланыңыз"),
    "identity": "файл «{expected}» үшін емес, «{found}» үшін жасалған: «{expected}» үлгісін жүктеп алыңыз",
    "template_damaged": "үлгінің жасырын парағы бүлінген («{key}» кілті): жаңа үлгіні жүктеп алыңыз",
    "unknown_roadmap": "файлда жол картасының «{value}» жылы көрсетілген, ондай карта жүктелмеген",
    "unknown_executor": "«{value}» — {year} жылғы жол картасының орындаушысы емес",
    "not_a_round": "«{value}» — {year} жылғы жол картасының есептік күні емес (есептік күндер: {rounds})",
    "identity_row": ("«{value}» бірінші жолдағы «{expected}» мәнінен өзгеше: бір файлда — бір орындаушының бір "
                     "күнге берген есебі"),
    "too_many_rows": "файлда толтырылған жол саны: {rows}, ал {executor} іс-шараларының саны: {measures}",
    "rows_limit": ("файлда толтырылған жол {rows}-ден көп, ал {executor} іс-шараларының саны: {measures}. Файл "
                   "дұрыс па? Әрі қарай тексерілмеді"),
    "nothing_reported": "ештеңе есепке алынбады: бірде-бір жолда күй жоқ",
    "formula": ("формула қабылданбайды (және ешқашан есептелмейді): мәннің өзін енгізіңіз немесе ұяшықтарды "
                "көшіріп, мән ретінде қойыңыз"),
    "cell_too_long": "ұяшықта {length} таңба бар, ал бұл бағанда {limit} таңбадан аспауы керек",
    "missing_measure": "іс-шараның нөмірі көрсетілмеген",
    "unknown_measure": "«{value}» — {year} жылғы жол картасы іс-шарасының нөмірі емес",
    "not_assigned": "{measure}-іс-шара {executor} орындаушысына жүктелмеген (орындаушылары: {executors})",
    "duplicate": "{measure}-іс-шара {first}-жолда бар",
    "status": "«{value}» — күй емес (рұқсат етілгендері: {statuses})",
    "missing_status": "сома немесе түсініктеме көрсетілсе, күй де керек ({statuses})",
    "amount": "«{value}» — мың теңгемен берілген сома емес (мысалы, 1234,5 немесе 1234.5 деп жазыңыз)",
    "negative_amount": "{value} сомасы теріс: жұмсалған қаражат 0 немесе одан көп",
    "comment": "түсініктемеде {length} таңба бар, {limit} таңбадан аспауы керек",
    "reason_required": ("{measure}-іс-шара «{status}» деп белгіленген: түсініктемеде себептерін және не "
                        "істелетінін көрсетіңіз"),
    "late_reason_required": ("{measure}-іс-шараның мерзімі {deadline} өтті, ал күйі — «{status}»: "
                             "түсініктемеде себептерін және не істелетінін көрсетіңіз"),
    "more": "… және тағы қателер: {count}",
}
REPORT_PLACE_ROW = "{row}-жол"
REPORT_PLACE_COLUMN = "«{column}» бағаны"
RESET = "Сүзгілерді тазалау"
# The filters in force at the top of every page's main area, each a button that removes it (ui/panel.py)
ACTIVE_FILTERS = "Іріктеу"
ACTIVE_FILTER_REMOVE = "«{label}» сүзгісін алып тастау"
RESET_ALL = "Барлығын тазалау"
SHOWN = "{total} іс-шараның ішінен {shown} іс-шара көрсетілген"
NOTHING_FOUND = (
    "Таңдалған сүзгілерге сәйкес келетін бірде-бір іс-шара жоқ. Сүзгілерді өзгертіңіз немесе тазалаңыз."
)

DOWNLOADS_HEADER = "Іріктелген іс-шараларды жүктеп алу"
DOWNLOAD_CSV = "CSV (Excel, UTF-8)"
DOWNLOAD_XLSX = "Excel (XLSX)"
DOWNLOAD_JSON = "JSON (бағдарламалар үшін)"
DOWNLOAD_JSON_HELP = "Сол іс-шаралар типтелген мәндермен: сандар, ISO күндері, тізімдер."
DOWNLOADS_NOTE = (
    "Бұл ағымдағы іріктеуге тұрақты сілтемелер: оларды Excel-ге (Деректер → Интернеттен), скриптке немесе curl-ға "
    "көшіруге болады."
)
FILE_STEM = "zhol_kartasy"

DATA_ERROR_TITLE = "Жол картасының деректері қолжетімсіз"
DATA_ERROR_BODY = (
    "Деректер файлы жоқ немесе бүлінген, сондықтан беттерді көрсету мүмкін емес. "
    "Деректерді қаулы мәтінінен мына пәрменмен қайта құрастырыңыз:"
)

# Kazakh puts the number first: "1-бағыт", "II бөлім".
GROUP_DIRECTION = "{n}-бағыт"
GROUP_SECTION = "{n} бөлім"

FUNDING_CLASSES = {
    "budget_amount": "Бюджеттен бөлінетін сома",
    "within_existing_funds": "Көзделген қаражат шегінде",
    "extrabudgetary": "Бюджеттен тыс қаражат",
    "not_required": "Талап етілмейді",
    "unspecified": "Көрсетілмеген",
}
BUDGET_SPLIT = {True: "Бюджет сомасы бар", False: "Бюджет сомасы жоқ"}
# Kazakh abbreviations: the data keeps the decree's Russian codes (МИОР, АП), a label names the body in Kazakh.
REPORT_TO = {"МИОР": "Ақпарат және қоғамдық даму министрлігі (АҚДМ)", "АП": "Президент Әкімшілігі (ПӘ)"}

# Overview
KPI_MEASURES = "Іс-шаралар"
KPI_COST = "Болжанатын шығыстар, млн теңге"
KPI_BUDGET_SHARE = "Бюджет сомасы көрсетілген"
KPI_EXECUTORS = "Орындаушылар"
KPI_COST_HELP = "Іріктелген іс-шаралар бойынша «Болжанатын шығыстар» бағанының сомасы."
# The note a decree prints under its table (in 2021: when the amounts will be considered), shown as
# written beside every money figure.
DECREE_NOTE = "Қаулының ескертпесі: {marker} {text}"
NOTES_SHEET = "Ескертпелер"
NOTES_COLUMNS = {"marker": "Белгі", "text": "Ескертпе", "measures": "Белгі қойылған іс-шаралар"}
KPI_BUDGET_HELP = "Қаулыда шығыстар сомасы көрсетілген іс-шаралардың үлесі; барлық сомалар — бюджет қаражаты."
KPI_EXECUTORS_HELP = "Министрліктер мен мемлекеттік органдар, сондай-ақ әрбір өңірдің әкімдігі жеке есептеледі."
OVERVIEW_BY_GROUP = "Бағыттар бойынша"
# Charts that can be clicked, and the Overview's picture
WORKLOAD_NAMED = "Жеке тапсырылған"
WORKLOAD_COLLECTIVE = "Барлық әкімдіктің қатарында"
WORKLOAD_NAMED_SHORT = "Жеке"
TODAY = "Бүгін"
OVERVIEW_PICTURE = "Жұмыс пен қаражат қайда"
OVERVIEW_BUSIEST = "Ең көп жүктелген орындаушылар"
FUNDING_CLASS_BY_GROUP = "Бағыттар бойынша қаржыландыру нысандары"
CLICK_HINT = "Іріктеу үшін бағанды немесе өңірді басыңыз; қайта басу іріктеуді алып тастайды."
OVERVIEW_YEARS = "Жол карталары жылдар бойынша"
OVERVIEW_YEARS_NOTE = "Әр жол картасының өз бағыттары бар: оларды атаулары бойынша салыстырыңыз."
COL_YEAR = "Жыл"
OVERVIEW_CALENDAR = "Қаулы бойынша есептілік"
CALENDAR_EXECUTORS = "Орындаушылар"
COL_GROUP = "Бағыт / бөлім"
COL_GROUP_NAME = "Атауы"
COL_MEASURES = "Іс-шаралар саны"
COL_BUDGET_MEASURES = "Сомасы көрсетілген"
COL_COST = "Шығыстар, мың теңге"
COL_DATE = "Күні"
COL_REPORTER = "Есеп беруші"
COL_RECIPIENT = "Кімге"
# The official citation of a decree; {date} is day_attr: «2021 жылғы 9 ақпандағы № 50 қаулысы».
SOURCE_NOTE = "Дереккөз: Қазақстан Республикасы Үкіметінің {date} № {number} қаулысы."

# Funding
FUNDING_BY_GROUP = "Бағыттар бойынша шығыстар, мың теңге"
FUNDING_SPLIT = "Бюджет сомасы бар және жоқ іс-шаралар"
FUNDING_SPLIT_COUNT = "іс-шаралар саны бойынша"
FUNDING_SPLIT_AMOUNT = "сомасы бойынша, мың теңге"
FUNDING_CLASSES_TITLE = "Қаржыландыру нысандары"
FUNDING_RANKED = "Шығыстар сомасы көрсетілген іс-шаралар"
FUNDING_TREEMAP = "Шығыстар құрылымы: бағыт → іс-шара"
NO_AMOUNTS = "Іріктелген іс-шаралардың ешқайсысында шығыстар сомасы көрсетілмеген."

# Executors
EXECUTORS_MINISTRIES = "Министрліктер мен мемлекеттік органдар бойынша іс-шаралар"
EXECUTORS_AKIMATS = "Әкімдіктер бойынша іс-шаралар"
EXECUTORS_MATRIX = "Орындаушы × бағыт: іс-шаралар саны"
EXECUTORS_MAP = "Өңірлер бойынша жүктеме: іс-шаралар саны"
EXECUTORS_MAP_NOTE = ("Түс — өңірге жеке тапсырылған іс-шаралар; сан — жеке + барлық әкімдіктің қатарында. "
                      "Шымкент нүктемен көрсетілген. Шекаралар: Natural Earth (қоғам игілігі).")
MAP_NOT_DRAWN = "2021 жылғы шекаралар картасында жоқ (іс-шаралар): {regions}"
NO_EXECUTORS = "Іріктелген іс-шаралар арасында осы түрдегі орындаушылар жоқ."

# Timeline
TIMELINE_GANTT = "Іс-шаралардың орындалу кезеңдері"
TIMELINE_PER_MONTH = "Аяқталу мерзімдері"
TIMELINE_PERIOD = "Топтастыру"
PERIODS = {"month": "айлар бойынша", "quarter": "тоқсандар бойынша"}
# Not «{whole} ішінен {part}»: after a bare numeral «ішінен» would need «67-нің ішінен 12-сі», which a
# template cannot spell (the suffix depends on how the number is read).
PART_OF = "{part} / {whole}"
TIMELINE_AS_OF = "Жағдай күні"
# {date} is day_attr: «2021 жылғы 5 шілдедегі жағдай бойынша».
TIMELINE_PASSED_SUMMARY = "{date} жағдай бойынша: {total} іс-шараның ішінен {passed} іс-шараның мерзімі өткен."
TIMELINE_REPORTING = "есеп"
QUARTER = "{year} ж. {q_roman} тоқсан"

# Measures
MEASURES_TABLE = "Іріктелген іс-шаралар"
MEASURE_PICK = "Іс-шара туралы толығырақ"
MEASURE_NOT_IN_VIEW = "№ {n} іс-шара ағымдағы іріктеуге кірмейді."
MEASURE_SOURCE = "Қаулының бастапқы мәтіні ({start}–{end}-жолдар)"
# A measure as a card (ui/card.py)
CARD_STATUS = "Орындалу күйі ({round})"
CARD_HISTORY = "Есеп беру күндері бойынша"
CARD_REPORTS = "Орындаушылардың осы іс-шара бойынша есептері"
CARD_REPORTS_NONE = "Іс-шара бойынша әзірге ешкім есеп берген жоқ."
STATUS_CARRIED = "{date} есебі бойынша"
COL_REVIEW = "АҚДМ тексеруі"
REVIEW_STATES = {"unreviewed": "тексерілмеген", "accepted": "қабылданды", "returned": "қайтарылды"}

# Column headers of the table and of the downloads
COLUMNS = {
    "measure_no": "№",
    "roadmap_year": "Жыл",
    "group": "Бағыт / бөлім",
    "title": "Іс-шара",
    "completion_form": "Аяқтау нысаны",
    "executors_raw": "Жауапты орындаушылар",
    "ministries": "Министрліктер мен мемлекеттік органдар",
    "akimats": "Әкімдіктер",
    "deadline_raw": "Орындау мерзімі",
    "deadline_start": "Мерзімнің басталуы",
    "deadline_end": "Мерзімнің аяқталуы",
    "cost_thousand_kzt": "Шығыстар, мың теңге",
    "funding": "Қаржыландыру",
    "funding_source": "Қаржыландыру көзі",
    "report_to": "Ақпарат алушы",
    "source_lines": "Қаулы жолдары",
    "report_round": "Есеп беру күні",
    "status": "Орындалу күйі",
    "status_carried_from": "Есеп бойынша (күні)",
    "spent_thousand_kzt": "Жұмсалған қаражат, мың теңге",
    "reported_executors": "Есеп берген орындаушылар",
    "executor_count": "Орындаушылар саны",
    "unreviewed_reports": "Тексерілмеген есептер",
    "information": "Орындалуы туралы ақпарат",
}

MONTHS = (
    "қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым",
    "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан",
)
# A date alone keeps the base form of the month: "2021 жылғы 5 шілде".
MONTHS_GEN = MONTHS
# Inside a sentence, before the noun it qualifies, the date takes the attributive locative -дағы/-дегі/-тегі:
# «2021 жылғы 9 ақпандағы № 50 қаулысы», «2021 жылғы 5 шілдедегі жағдай бойынша» (DAY_ATTR).
MONTHS_LOC = ("қаңтардағы", "ақпандағы", "наурыздағы", "сәуірдегі", "мамырдағы", "маусымдағы", "шілдедегі",
              "тамыздағы", "қыркүйектегі", "қазандағы", "қарашадағы", "желтоқсандағы")
# Before «дейін» a date takes the dative (-ға/-ге/-қа/-ке): «2021 жылғы 1 қазанға дейін» (day_dat); before «бері»
# the ablative (-дан/-ден/-тан/-тен/-нан/-нен): «2021 жылғы 5 шілдеден бері» (day_abl).
MONTHS_DAT = ("қаңтарға", "ақпанға", "наурызға", "сәуірге", "мамырға", "маусымға", "шілдеге", "тамызға",
              "қыркүйекке", "қазанға", "қарашаға", "желтоқсанға")
MONTHS_ABL = ("қаңтардан", "ақпаннан", "наурыздан", "сәуірден", "мамырдан", "маусымнан", "шілдеден", "тамыздан",
              "қыркүйектен", "қазаннан", "қарашадан", "желтоқсаннан")
# Abbreviated with a full stop, as in CLDR: "2021 ж. қаң." (MONTH_YEAR).
MONTHS_SHORT = ("қаң.", "ақп.", "нау.", "сәу.", "мам.", "мау.", "шіл.", "там.", "қыр.", "қаз.", "қар.", "жел.")


# Large selections
MEASURES_PAGE = "Бет"
MEASURES_PAGE_RANGE = "Іс-шаралар: {first}–{last} (барлығы {total})"
GANTT_WINDOWS_NOTE = (
    "{total} іс-шара іріктелді — әрқайсысына жеке жолақ беру үшін бұл тым көп. "
    "Сондықтан орындау кезеңдері көрсетілген: әр бағыт пен мерзімге бір жолақ, ондағы сан — іс-шаралар саны."
)
GANTT_WINDOWS_CUT = "Барлық {windows} кезеңнің ішінен іс-шаралары ең көп {shown} кезең көрсетілген."
# -- issue 23: deadline kinds, executors by agreement and collective, amounts by source (appended block) --
DEADLINE_KINDS = {"window": "Орындау кезеңі", "by_date": "Күнге дейінгі мерзім", "periodic": "Мерзімді мерзім"}
DEADLINE_FREQUENCIES = {"monthly": "ай сайын", "quarterly": "тоқсан сайын", "yearly": "жыл сайын",
                        "ongoing": "тұрақты"}
DEADLINE_PERIODIC = "Мерзімді мерзім: {frequency}"
DEADLINE_REPORT_DAY = "есепті айдан кейінгі айдың {day}-күніне дейін"
GANTT_KINDS_NOTE = ("Жолақ — орындау кезеңі; ◆ — күнге дейінгі мерзім; штрихталған жолақ — жоспардың бүкіл "
                    "кезеңіне арналған мерзімді мерзім, жиілігі жолақта көрсетілген.")
EXECUTORS_MARKED = "Келісім бойынша және жинақтап аталған орындаушылар"
EXECUTORS_MARKED_NOTE = ("«Келісім бойынша» қатысатын ұйымдар және қаулыда жинақтап аталған орындаушылар "
                         "(жазылғандай, толық ашылмай).")
EXECUTORS_MARKED_COLUMNS = {"executor": "Орындаушы", "name": "Толық атауы", "mark": "Белгі",
                            "measures": "Іс-шаралар"}
EXECUTOR_MARKS = {"by_agreement": "келісім бойынша", "collective": "жинақтап"}
FUNDING_BY_SOURCE = "Қаржыландыру көздері бойынша шығыстар"
FUNDING_BY_SOURCE_NOTE = "Қаулыда әр бюджет бойынша көрсетілген сомалар; өз көзі жоқ сомалар жеке жолда."
FUNDING_NO_SOURCE = "Көздер бойынша бөлінбеген"
FUNDING_SOURCE_AMOUNTS = "Сомалар"
WORKLOAD_BY_AGREEMENT = "Оның ішінде келісім бойынша"
# The export columns this block adds (roadmap/exports.py COLUMNS).
COLUMNS = {
    **COLUMNS,
    "executors_by_agreement": "Келісім бойынша",
    "executors_collective": "Жинақтап аталған орындаушылар",
    "deadline_kind": "Мерзім түрі",
    "deadline_frequency": "Кезеңділігі",
    "deadline_report_day": "Есеп тапсыру мерзімінің күні",
    "funding_by_source": "Көздер бойынша сомалар",
}
# -- end of issue 23 block --
RANKED_CUT = "Шығыстар сомасы көрсетілген {total} іс-шараның ішінен сомасы ең ірі {shown} іс-шара көрсетілген."
TREEMAP_OTHER = "Қалғандары ({n})"

# Formats that follow the language
PLOTLY_SEPARATORS = ", "  # decimal comma, thin-space thousands
DATE_TICKFORMAT = "%d.%m.%Y"
DATE_INPUT_FORMAT = "DD.MM.YYYY"
MEASURE_NO = "№ {n}"
MEASURE_IN_YEAR = "{year} · № {n}"  # a measure when several roadmaps are loaded

# The printable brief
BRIEF_DOWNLOAD = "Басып шығаруға арналған анықтама (HTML)"
BRIEF_HELP = (
    "Ағымдағы іріктеудің бір беттік жиынтығы: сүзгілер, көрсеткіштер, графиктер және іс-шаралар тізбесі. "
    "Файлды браузерде ашып, A4 форматында басып шығарыңыз."
)
BRIEF_HEADING = "Жол картасы бойынша анықтама"
BRIEF_FILTERS = "Іріктеу"
BRIEF_NO_FILTERS = "барлық іс-шаралар, сүзгісіз"
BRIEF_SEARCH = "атауында «{q}» бар"
BRIEF_KPIS = "Негізгі көрсеткіштер"
BRIEF_WORKLOAD = "Іс-шаралары ең көп орындаушылар"
BRIEF_TABLE = "Іс-шаралар тізбесі"
BRIEF_PREPARED = "Дайындалған күні: {date}. Дереккөз — жол картасының дашборды (қаулы деректері)."

# Number and date patterns: the functions below are the same for every language (i18n/_formats.py)
THOUSANDS_SEP = "\u202f"
DECIMAL_SEP = ","
THOUSAND_TENGE = "{amount} мың теңге"
PERCENT = "{value} %"
DAY = "{year} жылғы {day} {month}"
DAY_ATTR = "{year} жылғы {day} {month_loc}"
# A date in the sentence of an official document: attributive, as DAY_ATTR («2021 жылғы 9 ақпандағы»).
DAY_LONG = DAY_ATTR
MONTH_YEAR = "{year} ж. {month_short}"
SHORT_DATE = "{day:02d}.{month:02d}"

DAYS_FORMS = {"one": "күн", "few": "күн", "many": "күн"}
(number, thousand_tenge, percent, day, day_attr, short_date, month_year, quarter,
 group_label, measure, day_dat, day_abl, day_long, days) = formatters(globals())

# Reporting rounds: the report template an executor fills in (reporting/template.py).  The status labels
# and column headings are also what reporting/ accepts in a file (reporting/vocabulary.py, fileformat.py).
REPORT_SHEET = "Есеп"
REPORT_TITLE = "Жол картасының орындалу барысы туралы есеп: {executor}"
# {date} is day_attr, as in SOURCE_NOTE: «2021 жылғы 9 ақпандағы № 50 қаулысы».
REPORT_SUBTITLE = "Есеп беру күні — {round}; Қазақстан Республикасы Үкіметінің {date} № {number} қаулысы."
REPORT_INSTRUCTIONS = (
    "Әр іс-шара бойынша «{status}» бағанында тізімнен мәнді таңдаңыз, «{spent}» (жол картасы басталғаннан "
    "бергі жиынтық сомамен) және «{comment}» бағандарын толтырыңыз. Іс-шара орындалмаса немесе мерзімі өтіп, "
    "орындалмаған болса, түсініктемеде себептерін және не істелетінін міндетті түрде көрсетіңіз. Қалған "
    "бағандар өзгертуден қорғалған. Күйі көрсетілмеген іс-шара есепке енгізілмеген болып есептеледі."
)
REPORT_COLUMNS = {
    "measure_no": "№",
    "title": "Іс-шара",
    "deadline_raw": "Орындау мерзімі",
    "cost_thousand_kzt": "Болжанатын шығыстар, мың теңге",
    "status": "Орындалу күйі",
    "spent_thousand_kzt": "Жұмсалған қаражат, мың теңге",
    "comment": "Түсініктеме",
}
# орындалды "has been carried out", орындалуда "is being carried out", басталған жоқ "has not begun",
# орындалмады "was not carried out".
REPORT_STATUS_LABELS = {
    "done": "орындалды",
    "in_progress": "орындалуда",
    "not_started": "басталған жоқ",
    "not_done": "орындалмады",
}
REPORT_STATUS_PROMPT = (
    "Күйді таңдаңыз. «Орындалмады», сондай-ақ мерзімі өткен соң «орындалды»-дан басқа күй, — "
    "тек түсініктемедегі себептерімен."
)
REPORT_STATUS_ERROR = "Тек тізімдегі мәндерге рұқсат етіледі: {labels}."
REPORT_SPENT_ERROR = "0-ден кем емес сан енгізіңіз (мың теңге), формуласыз."
REPORT_COMMENT_ERROR = "Түсініктеме {limit} таңбадан аспауы керек."
REPORT_ERROR_TITLE = "Жарамсыз мән"
REPORT_FILE_STEM = "esep"

# Brief and exports: execution
BRIEF_EXECUTION = "Орындалу барысы"
BRIEF_EXECUTION_ROUND = "Есеп беру күні: {round} (орындаушылардың есептері бойынша)."
BRIEF_EXECUTION_NONE = "Орындаушылар іріктелген іс-шаралар бойынша әлі есеп берген жоқ (есеп беру күні: {round})."

# The report log export's file name (/export/reports.csv|xlsx|json)
REPORT_LOG_FILE_STEM = "esepter"

# The round's consolidated information for the Presidential Administration: its words in a file of their own.
# Оператордың командалық жолы (reporting/cli.py): оның жолдары --lang тілінде.  argparse-тың өз анықтамасы мен
# хабарлары ағылшынша қалады, оператордың терминалы сияқты.
CLI_ERROR = "қате: {message}"
CLI_WARNING = "ескерту: {message}"
CLI_DATA_UNREADABLE = "жол картасының деректерін оқу мүмкін емес: {reason}"
CLI_FILE_SKIPPED = "{path} есеп файлы ретінде оқылмайды; ол өткізіп жіберілді"
CLI_STORE_FAILED = "есепті {directory} қалтасына сақтау мүмкін емес: {reason}"
CLI_SUBMISSION = ("{executor}, есеп беру күні — {round}, {year} жылғы жол картасы (№ {number} қаулы): есеп "
                  "берілген іс-шаралар — {reported}, есеп берілмегендері — {not_reported}")
CLI_VALID = "{file}: файл дұрыс: {submission}; ештеңе сақталмады (тексеру)"
CLI_STORED = "сақталды: {path} (жолдар саны: {rows})"
CLI_ALREADY_STORED = "бұрын сақталған: {path} (сақтаған: {who}, {when} UTC)"
CLI_SEVERAL_ROADMAPS = ("{round} — жүктелген бірнеше жол картасының есеп беру күні: --year арқылы біреуін "
                        "таңдаңыз")
CLI_NOT_A_ROUND = "{round} жүктелген жол карталарының ешқайсысының есеп беру күні емес"
CLI_NO_MEASURES = "{year} жылғы жол картасында {executor} орындаушысының іс-шаралары жоқ"
CLI_TEMPLATE_FAILED = "жүктелген деректер бойынша үлгіні жасау мүмкін емес: {reason}"
CLI_WRITE_FAILED = "{path} файлын жазу мүмкін емес: {reason}"
CLI_TEMPLATE_WRITTEN = "жазылды: {path}: {executor}, іс-шаралар саны — {measures}, есеп беру күні — {round}"
CLI_FREEZE_FAILED = "нұсқаны {directory} қалтасында бекіту мүмкін емес: {reason}"
CLI_FROZEN = "№ {number} нұсқа: {year} жылғы жол картасы, есеп беру күні — {round}; бекіткен: {who}"
CLI_UNKNOWN_SUBMISSION = "{directory} қалтасында {id} есебі жоқ (қараңыз: list)"
CLI_NO_REASON = "есепті қайтару үшін --reason керек (орындаушы нені түзетуі тиіс)"
CLI_REASON_TOO_LONG = "себеп тым ұзын: {limit} таңбадан аспауы керек"
CLI_REVIEW_REFUSED = "шешім жазылмады: {reason}"
CLI_REVIEW_STORE_FAILED = "шешімді {directory} қалтасына сақтау мүмкін емес: {reason}"
CLI_REVIEWED = "{submission} есебі {decision} ({who}): {path}"

from .round_doc.kk import *  # noqa: E402, F403
