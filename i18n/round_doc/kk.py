"""The round's document in Kazakh (see __init__.py)."""
# The round's consolidated information for the Presidential Administration (reporting/round_document.py):
# the Word document and its workbook, live or as a frozen version (reporting/versions.py).
# The decree's own title stays as written (in Russian), so it stands in quotation marks.
ROUND_DOC_HEADING = (
    "Қазақстан Республикасы Үкіметінің {decree_date} № {number} қаулысымен бекітілген «{title}» "
    "{round} жағдай бойынша орындалу барысы туралы ақпарат"
)
ROUND_DOC_SELECTION = "Іріктеу: {filters}."
ROUND_DOC_SUMMARY = "Жиынтық көрсеткіштер"
ROUND_DOC_BY_STATUS = "Іс-шаралардың орындалу күйлері бойынша бөлінуі"
ROUND_DOC_MEASURES = "Іс-шаралар саны"
ROUND_DOC_REPORTED = "{expected} орындаушының ішінен {reported} орындаушы есеп берді."
ROUND_DOC_MISSING = "Есеп бермеген орындаушылар: {executors}."
ROUND_DOC_REVIEW = "Пысықтауға қайтарылған есептер: {returned}; АҚДМ тексермеген есептер: {unreviewed}."
ROUND_DOC_FUNDING = "Бағыттар бойынша көзделген және жұмсалған қаражат, мың теңге"
ROUND_DOC_ESTIMATED = "Көзделген"
ROUND_DOC_SPENT = "Жұмсалған"
ROUND_DOC_TOTAL = "Барлығы"
ROUND_DOC_COLUMNS = {
    "measure_no": "Р/с №",
    "title": "Іс-шараның атауы",
    "completion_form": "Аяқталу нысаны",
    "executors": "Жауапты орындаушылар",
    "deadline": "Орындау мерзімі",
    "status": "Күйі",
    "information": "Орындалуы туралы ақпарат",
    "spent": "Жұмсалған қаражат, мың теңге",
    "group": "Бағыт / бөлім",
    "estimated": "Көзделген қаражат, мың теңге",
    "carried_from": "Күйі қай күнгі есеп бойынша",
    "not_reported": "Есеп жоқ",
    "unreviewed": "АҚДМ тексермеген",
}
ROUND_DOC_CARRIED = "{date} есеп бойынша"
ROUND_DOC_UNREVIEWED = "(тексерілмеген)"
ROUND_DOC_NOT_REPORTED = "Орындаушылар есеп бермеген."
ROUND_DOC_NO_INFORMATION = "Ақпарат берілмеген."
ROUND_DOC_MADE = "Құжат жасалған уақыты: {when} (UTC)."
ROUND_DOC_MADE_BY = "Жасаған: {who}."
ROUND_DOC_VERSION = "№ {number} нұсқа."
ROUND_DOC_LIVE = "Ағымдағы деректер, нұсқа бекітілмеген."
ROUND_DOC_CHANGES = "Алдыңғы нұсқамен салыстырғандағы өзгерістер"
ROUND_DOC_PAGE = "Бет"
ROUND_DOC_SHEET_ROWS = "Іс-шаралар"
ROUND_DOC_SHEET_SUMMARY = "Жиынтық"
ROUND_DOC_SINCE = "№ {number} нұсқамен салыстырғанда:"
ROUND_DOC_CHANGE_IN_OUT = {True: "{measure}: іріктеуге қосылды", False: "{measure}: іріктеуге енді кірмейді"}
ROUND_DOC_CHANGE_STATUS = "{measure}: {before} → {now}"
ROUND_DOC_CHANGE_INFORMATION = "{measure}: орындалуы туралы ақпарат өзгерді"
ROUND_DOC_NO_CHANGES = "өзгеріс жоқ."
ROUND_DOC_FILE_STEM = "PA_aqparat"

# МИОР's own step: the consolidated information for the Presidential Administration (roadmap/ui/handover.py)
HANDOVER_HEADER = "Есептер бойынша ПӘ-ге ақпарат (есеп беру күні: {round})"
HANDOVER_NOTE = ("Президент Әкімшілігіне орындалу барысы туралы жиынтық ақпарат: сүзгілермен іріктелген "
                 "іс-шаралар бойынша Word құжаты және Excel кестесі. Бекітілген нұсқа бұдан әрі өзгермейді.")
HANDOVER_DOCX = "Құжат (DOCX)"
HANDOVER_XLSX = "Кесте (XLSX)"
HANDOVER_FREEZE = "Бекітіп, жүктеп алу"
HANDOVER_FROZEN = "№ {number} нұсқа бекітілді: оның файлдары бұдан әрі өзгермейді."
HANDOVER_UNCHANGED = ("Осы іріктеу бойынша № {number} нұсқадан бері ештеңе өзгерген жоқ: жаңа нұсқа "
                      "жасалмады, № {number} нұсқа күшінде.")
HANDOVER_FREEZE_FAILED = ("Нұсқа сервердегі қатеге байланысты бекітілмеді (толығырақ — сервер журналында). "
                          "Қайталап көріңіз.")
HANDOVER_NO_VERSIONS = "Бекітілген нұсқалар әзірге жоқ."
HANDOVER_COL_NUMBER = "Нұсқа"
HANDOVER_COL_WHEN = "Бекітілген уақыты"
HANDOVER_COL_WHO = "Кім бекітті"
HANDOVER_COL_FILTERS = "Іріктеу"
HANDOVER_ALL = "барлық іс-шаралар"
HANDOVER_DUE = "{to}-ге ақпарат беру мерзіміне ({date}) {days} қалды."
HANDOVER_PASSED_DONE = "Беру мерзімі өтті; № {number} нұсқа жүктелді (күні: {date})."
HANDOVER_PASSED_NONE = "{to}-ге ақпарат беру мерзімі ({date}) өтті; нұсқа жүктелмеді."
HANDOVER_OWING = "Есеп бермегендер (есеп беру күні: {round}): {executors}."
HANDOVER_RETURNED = "Пысықтауға қайтарылғандар: {executors}."
HANDOVER_MORE = " және тағы {n}"
ROUND_DOC_CHANGE_SPENT = "{measure}: жұмсалған сома өзгерді"
