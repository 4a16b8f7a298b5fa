"""Every user-facing string of the dashboard in Russian, the default language; kk.py and en.py hold the
same names (a test checks that none is missing)."""
from __future__ import annotations

from ._formats import formatters

LANGUAGE_CODE = "ru"
LANGUAGE_NAME = "Русский"
LANGUAGE_LABEL = "Язык"
DATA_LANGUAGE_NOTE = "Названия мероприятий и исполнители приведены так, как они записаны в постановлении."

APP_TITLE = "Дорожная карта «Рухани жаңғыру»"
PAGE_OVERVIEW = "Обзор"
PAGE_FUNDING = "Финансирование"
PAGE_EXECUTORS = "Исполнители"
PAGE_TIMELINE = "Сроки"
PAGE_MEASURES = "Мероприятия"

FILTERS_HEADER = "Фильтры"
FILTER_MINISTRY = "Министерство / госорган"
FILTER_AKIMAT = "Акимат"
FILTER_AKIMAT_HELP = "Мероприятия, поручённые всем акиматам, входят в выбор любого региона."
FILTER_DIRECTION = "Направление / раздел"
FILTER_FUNDING = "Финансирование"
FILTER_REPORT_TO = "Информация направляется в"
REPORT_TO_SHORT = {"МИОР": "МИОР", "АП": "АП"}  # on the calendar strip, where a full name does not fit
FILTER_YEAR = "Год дорожной карты"
FILTER_Q = "Поиск в названии"
FILTER_Q_PLACEHOLDER = "например, Дәстүр"
FILTER_ANY = "Все"
FILTER_ROUND = "Отчётная дата"
FILTER_ROUND_HELP = (
    "Статусы показаны по отчётам исполнителей к этой дате. Без выбора — к последней дате, по которой кто-"
    "то отчитался; пока отчётов нет — к ближайшей предстоящей (или к последней, если все прошли)."
)
FILTER_ROUND_PLACEHOLDER = "По умолчанию"
FILTER_STATUS = "Статус исполнения"
STATUS_NAMES = {
    "done": "Выполнено",
    "in_progress": "В работе",
    "not_started": "Не начато",
    "not_done": "Не выполнено",
    "not_reported": "Нет отчёта",
}
# Execution: the reports of the executors and what they say
PAGE_EXECUTION = "Исполнение"
PAGE_REPORTS = "Отчёты"
COL_STATUS = "Статус"
COL_STATUS_BEFORE = "Было"
COL_STATUS_NOW = "Стало"
COL_ROUND = "Отчётная дата"
COL_EXECUTOR = "Исполнитель"
COL_DEADLINE = "Срок"
COL_REPORTED = "Отчитались"
COL_SPENT = "Израсходовано, тыс. тенге"
COL_TITLE = "Мероприятие"
COL_SUBMITTED_AT = "Принят"
COL_SUBMITTER = "Отправил"
COL_FILE = "Файл"
COL_ROWS = "Мероприятий в отчёте"
COL_ROW = "Строка"
COL_COLUMN = "Столбец"
COL_PROBLEM = "Что не так"
COL_DETAIL = "Подробно"
STATUS_HEADER = "Исполнение на {round}"
STATUS_COVERAGE = "Отчитались {reported} из {expected} исполнителей"
STATUS_COVERAGE_YEAR = "{year}: отчитались {reported} из {expected} исполнителей к {round}"
STATUS_NO_REPORTS = ("Отчётов об исполнении пока нет: статусы появятся, когда исполнители пришлют отчёты "
                     "(страница «Отчёты»). До тех пор каждое мероприятие — «нет отчёта».")
STATUS_LINE_NONE = "Отчётов об исполнении пока нет."
STATUS_NO_CALENDAR = "В постановлении нет отчётных дат исполнителей: отчёты к нему не принимаются."
STATUS_RULE = ("Статус мероприятия по отчётам всех его исполнителей: «не выполнено», если хотя бы один сообщил о "
               "невыполнении; «выполнено» — только когда о выполнении сообщили все; «в работе», если кто-то "
               "начал или выполнил свою часть; «не начато», если все отчитавшиеся не начинали; «нет отчёта», "
               "если не отчитался никто.")
EXEC_TITLE = "Исполнение дорожной карты"
EXEC_BY_GROUP = "Статус по направлениям"
EXEC_BY_EXECUTOR = "Статус по исполнителям"
EXEC_BY_EXECUTOR_NOTE = (
    "Как отчитался сам исполнитель по своим мероприятиям; сверху — у кого больше мероприятий без отчёта."
)
EXEC_MISSING = "Не прислали отчёт к прошедшим датам"
EXEC_MISSING_NONE = "К каждой прошедшей отчётной дате отчитались все исполнители отобранных мероприятий."
EXEC_NO_PAST_ROUNDS = "На {as_of} ни одна отчётная дата ещё не наступила."
EXEC_AS_OF = "На дату"
EXEC_AS_OF_HELP = "Прошедшие отчётные даты и истёкшие сроки считаются на эту дату."
EXEC_OVERDUE = "Срок истёк, не выполнено"
EXEC_OVERDUE_NOTE = "Мероприятия, срок которых закончился до {as_of}, а статус к {round} — не «выполнено»."
EXEC_OVERDUE_NONE = "Нет мероприятий с истёкшим сроком, которые не выполнены."
EXEC_OVERDUE_PAGE = "Страница просроченных мероприятий"
EXEC_SPENT_HEADER = "Предполагаемые расходы и израсходовано"
EXEC_ESTIMATED = "Предполагаемые расходы"
EXEC_SPENT = "Израсходовано по отчётам"
EXEC_AMOUNT_AXIS = "млн тенге"
EXEC_SPENT_NONE = "Исполнители пока не сообщили израсходованных сумм."
EXEC_SPENT_NOTE = ("Израсходовано — сумма последних сумм, сообщённых исполнителями к {round}; суммы есть "
                   "по {with_spent} из {measures} мероприятий.")
EXEC_CHANGES = "Изменения с предыдущей отчётной даты"
EXEC_CHANGES_FIRST = "Выбрана первая отчётная дата постановления: сравнивать не с чем."
EXEC_CHANGES_NONE = "С {previous} ни один статус не изменился."
EXEC_CHANGES_NOTE = "{previous} → {round}: статус изменился у {changed} из {measures} мероприятий."
# The comments of the chosen round (the Execution page), paged
EXEC_COMMENTS = "Что написали исполнители"
EXEC_COMMENTS_NOTE = ("Комментарии к {round}: по каждому мероприятию — последний отчёт каждого исполнителя. "
                      "Поиск по названию ищет и в тексте комментариев.")
EXEC_COMMENTS_NONE = "К {round} у отобранных мероприятий нет комментариев исполнителей."
EXEC_COMMENTS_RANGE = "Комментарии {first}–{last} из {total}"
EXEC_COMMENTS_PAGE = "Страница комментариев"
REPORTS_TITLE = "Отчёты исполнителей"
REPORTS_INTRO = ("Исполнители отчитываются о ходе исполнения к каждой отчётной дате ({dates}). Скачайте шаблон, "
                 "укажите статус, израсходованную сумму и комментарий по каждому мероприятию и загрузите файл.")
REPORTS_READ_ONLY = ("Приём отчётов на сайте выключен: вход не настроен. Его включает администратор, указав "
                     "провайдера входа (OpenID Connect) в разделе `[auth]` файла `.streamlit/secrets.toml` "
                     "(README, раздел «Sign-in and rights»). До тех пор отчёты принимает оператор командами:")
REPORTS_CLI_EXAMPLE = (
    "python -m reporting template --executor МКС --round {round} --out отчёт.xlsx\n"
    "python -m reporting check отчёт.xlsx --executor МКС --round {round}\n"
    'python -m reporting submit отчёт.xlsx --executor МКС --round {round} --submitter "Фамилия И. О."\n'
    "python -m reporting list --round {round}"
)
REPORTS_SIGN_IN_PROMPT = "Отправлять отчёты могут исполнители, вошедшие в систему. Остальные видят результаты."
REPORTS_SIGN_IN = "Войти"
REPORTS_SIGN_OUT = "Выйти"
REPORTS_SIGNED_IN = "Вы вошли как {who}."
REPORTS_NO_RIGHTS = ("У вашей учётной записи нет права отправлять отчёты. Его даёт администратор входа: роль "
                     "«{role}» в утверждении `{role_claim}` (любой исполнитель) или имя исполнителя в "
                     "`{executor_claim}`.")
REPORTS_UNKNOWN_EXECUTOR = "Исполнитель «{executor}» из вашей учётной записи не значится в загруженных постановлениях."
REPORTS_EXECUTOR = "Исполнитель"
REPORTS_ROUND = "Отчёт к дате"
REPORTS_TEMPLATE = "Скачать шаблон отчёта (XLSX)"
REPORTS_UPLOAD = "Заполненный шаблон (XLSX) или CSV с теми же столбцами"
REPORTS_UPLOAD_HELP = ("Не больше {mb} МБ. Файл проверяется целиком: он принимается весь или не принимается вовсе, "
                       "и тогда перечислены все ошибки.")
REPORTS_SUBMIT = "Отправить отчёт"
REPORTS_REFUSED = "Отчёт не принят, ничего не сохранено. Исправьте файл и загрузите снова."
REPORTS_STORED = "Отчёт принят: {executor}, к {round}, мероприятий — {rows}. Сохранён {when}."
REPORTS_ALREADY = "Этот же файл уже принят {when}: второй раз он не сохраняется."
REPORTS_FIRST = "Это первый отчёт исполнителя к этой дате."
REPORTS_CHANGES = "Что изменилось с предыдущего отчёта"
REPORTS_NO_CHANGES = "Изменений нет: статусы, суммы и комментарии те же."
REPORTS_CHANGE_SPENT = "израсходовано: {before} → {now}"
REPORTS_CHANGE_COMMENT = "комментарий изменён"
REPORTS_NEWLY = "Впервые: мероприятия {measures}."
REPORTS_LEFT_OUT = "Нет в этом файле (в силе прежний отчёт): мероприятия {measures}."
REPORTS_MOMENT = '{day}, {time} UTC'  # times are shown in UTC, as stored
REPORTS_FILE = 'Файл «{name}», получен {when}'
REPORTS_HISTORY = "Принятые отчёты"
REPORTS_HISTORY_NONE = "Отчётов пока нет."
REPORTS_HISTORY_RANGE = "Отчёты {first}–{last} из {total}"
REPORTS_UNREADABLE = (
    "В папке отчётов есть файлы, которые не читаются как отчёты ({count}); подробности — в журнале "
    "сервера."
)
REPORTS_DIR_PROBLEM = ("Отчёты исполнителей сейчас не читаются: папка отчётов на сервере недоступна ({problem}). "
                       "Дорожная карта показана без статусов исполнения; сообщите администратору.")
# Review (roadmap/ui/review.py)
REVIEW_HEADER = "Проверка отчётов"
REVIEW_ROUND = "Отчёты к дате"
REVIEW_NONE = "К этой отчётной дате отчётов пока нет."
COL_REVIEWER = "Проверил"
COL_REVIEW_REASON = "Причина возврата"
REVIEW_OPEN = "Открыть отчёт"
REVIEW_CHANGES = "Что изменилось с предыдущего отчёта исполнителя к этой дате: {changes}"
REVIEW_NOT_YOURS = "Этот отчёт вы проверять не можете: он вашего исполнителя или отправлен вами."
REVIEW_REASON = "Причина возврата (что исправить)"
REVIEW_REASON_HELP = "Обязательна при возврате: исполнитель увидит её на этой странице."
REVIEW_ACCEPT = "Принять"
REVIEW_RETURN = "Вернуть на доработку"
REVIEW_REASON_REQUIRED = "Укажите причину возврата: без неё отчёт не возвращается."
REVIEW_FAILED = "Решение не сохранено из-за ошибки на сервере; ничего не записано. Попробуйте ещё раз."
REVIEW_DONE = {"accepted": "Отчёт {executor} принят.", "returned": "Отчёт {executor} возвращён на доработку."}
REVIEW_RETURNED_HEADER = "Возвращённые отчёты"
REVIEW_RETURNED = ("Отчёт {executor} к {round} (получен {when}) возвращён МИОР: {reason}. Исправьте файл и "
                   "отправьте его снова.")
REPORTS_STORE_FAILED = "Отчёт не сохранён из-за ошибки на сервере; ничего не записано. Попробуйте ещё раз."
REPORTS_WHOLE_FILE = "весь файл"
REPORT_PROBLEMS = {
    "empty": "пустой файл",
    "too_large": "слишком большой файл",
    "unreadable": "файл не читается",
    "not_a_file": "не обычный файл",
    "encrypted": "книга защищена паролем",
    "not_xlsx": "не XLSX и не CSV",
    "not_csv": "CSV не читается",
    "not_utf8": "кодировка не UTF-8",
    "too_many_sheets": "слишком много листов",
    "too_many_strings": "слишком много текста в книге",
    "sheet_too_large": "слишком большой лист",
    "header": "нет строки заголовков",
    "identity": "чужой шаблон: другой исполнитель, дата или постановление",
    "template_damaged": "шаблон повреждён",
    "unknown_roadmap": "постановление не загружено",
    "unknown_executor": "нет такого исполнителя",
    "not_a_round": "не отчётная дата",
    "identity_row": "строка другого отчёта",
    "too_many_rows": "слишком много строк",
    "rows_limit": "слишком много строк",
    "nothing_reported": "ни в одной строке нет статуса",
    "formula": "формула (не принимается)",
    "cell_too_long": "слишком длинная ячейка",
    "missing_measure": "нет номера мероприятия",
    "unknown_measure": "нет такого мероприятия",
    "not_assigned": "мероприятие не поручено этому исполнителю",
    "duplicate": "мероприятие повторяется",
    "status": "недопустимый статус",
    "missing_status": "нет статуса",
    "amount": "недопустимая сумма",
    "negative_amount": "отрицательная сумма",
    "comment": "слишком длинный комментарий",
    "reason_required": "нужны причины",
    "late_reason_required": "нужны причины",
    "more": "и другие ошибки",
}
# What each problem says, with its values (reporting/problems.py declares the kinds and their parameters).
REPORT_PROBLEM_MESSAGES = {
    "empty": "файл пуст",
    "too_large": "файл больше {mb} МБ (книга — в распакованном виде), а отчёт намного меньше",
    "unreadable": "файл не удаётся прочитать ({reason})",
    "not_a_file": "«{value}» — не обычный файл (устройство, канал или папка)",
    "encrypted": ("книга защищена паролем: откройте её в Excel, снимите пароль (Файл → Сведения → Защита книги → "
                  "Зашифровать с использованием пароля, очистите поле), сохраните и загрузите снова"),
    "not_xlsx": ("файл — не книга XLSX и не текст CSV: загрузите шаблон отчёта (.xlsx) или файл «CSV UTF-8»; "
                 "старый файл .xls или повреждённую книгу откройте в Excel и сохраните как «Книга Excel (*.xlsx)»"),
    "not_csv": "CSV не разбирается на столбцы (строка {line})",
    "not_utf8": ("файл — не текст UTF-8 (обычный «CSV» из Excel — в кодировке Windows-1251), см. строку {line}: "
                 "в Excel выберите Файл → Сохранить как → «CSV UTF-8 (разделитель — запятая)» и загрузите этот файл"),
    "too_many_sheets": "в книге {count} листов, а в отчёте их не больше {limit}",
    "too_many_strings": "в книге больше {limit} разных текстов, а в отчёте их намного меньше",
    "sheet_too_large": "в листе больше {rows} строк или {cells} ячеек, а в отчёте их намного меньше",
    "header": ("нет строки заголовков: среди первых {rows} строк должна быть строка со столбцами «{measure}» и "
               "«{status}»; используйте шаблон отчёта"),
    "identity": "файл составлен для «{found}», а не для «{expected}»: скачайте шаблон для «{expected}»",
    "template_damaged": "скрытый лист шаблона повреждён (ключ «{key}»): скачайте новый шаблон",
    "unknown_roadmap": "в файле указан год дорожной карты «{value}», а такая карта не загружена",
    "unknown_executor": "«{value}» — не исполнитель дорожной карты {year} года",
    "not_a_round": "«{value}» — не отчётная дата дорожной карты {year} года (отчётные даты: {rounds})",
    "identity_row": ("«{value}» отличается от «{expected}» в первой строке: в одном файле — отчёт одного "
                     "исполнителя к одной дате"),
    "too_many_rows": "в файле заполненных строк: {rows}, а у {executor} мероприятий: {measures}",
    "rows_limit": ("в файле больше {rows} заполненных строк, а у {executor} мероприятий: {measures}. Тот ли это "
                   "файл? Дальше файл не проверялся"),
    "nothing_reported": "ничего не отчитано: ни в одной строке нет статуса",
    "formula": ("формулы не принимаются (и никогда не вычисляются): введите само значение или скопируйте ячейки "
                "и вставьте их как значения"),
    "cell_too_long": "в ячейке {length} символов, а в этом столбце допустимо не больше {limit}",
    "missing_measure": "не указан номер мероприятия",
    "unknown_measure": "«{value}» — не номер мероприятия дорожной карты {year} года",
    "not_assigned": "мероприятие {measure} не поручено {executor} (его исполнители: {executors})",
    "duplicate": "мероприятие {measure} уже есть в строке {first}",
    "status": "«{value}» — не статус (допустимы: {statuses})",
    "missing_status": "если указана сумма или комментарий, нужен и статус ({statuses})",
    "amount": "«{value}» — не сумма в тыс. тенге (пишите, например, 1234,5 или 1234.5)",
    "negative_amount": "сумма {value} отрицательна: израсходовано может быть 0 или больше",
    "comment": "в комментарии {length} символов, допустимо не больше {limit}",
    "reason_required": ("мероприятие {measure} отмечено «{status}»: в комментарии укажите причины и что будет "
                        "сделано"),
    "late_reason_required": ("срок мероприятия {measure} истёк {deadline}, а статус — «{status}»: в комментарии "
                             "укажите причины и что будет сделано"),
    "more": "… и ещё ошибок: {count}",
}
REPORT_PLACE_ROW = "строка {row}"
REPORT_PLACE_COLUMN = "столбец «{column}»"
RESET = "Сбросить фильтры"
# The filters in force at the top of every page's main area, each a button that removes it (ui/panel.py)
ACTIVE_FILTERS = "Отбор"
ACTIVE_FILTER_REMOVE = "Убрать фильтр «{label}»"
RESET_ALL = "Сбросить все"
SHOWN = "Показано {shown} из {total} мероприятий"
NOTHING_FOUND = "Ни одно мероприятие не подходит под выбранные фильтры. Измените или сбросьте фильтры."

DOWNLOADS_HEADER = "Скачать отобранные мероприятия"
DOWNLOAD_CSV = "CSV (Excel, UTF-8)"
DOWNLOAD_XLSX = "Excel (XLSX)"
DOWNLOAD_JSON = "JSON (для программ)"
DOWNLOAD_JSON_HELP = "Те же мероприятия с типизированными значениями: числа, даты ISO, списки."
DOWNLOADS_NOTE = (
    "Это постоянные ссылки на текущий отбор: их можно скопировать в Excel (Данные → Из Интернета), в скрипт или curl."
)
FILE_STEM = "dorozhnaya_karta"

DATA_ERROR_TITLE = "Данные дорожной карты недоступны"
DATA_ERROR_BODY = (
    "Файл данных отсутствует или повреждён, поэтому страницы не могут быть показаны. "
    "Пересоберите данные из текста постановления командой:"
)

GROUP_DIRECTION = "Направление {n}"
GROUP_SECTION = "Раздел {n}"

FUNDING_CLASSES = {
    "budget_amount": "Сумма из бюджета",
    "within_existing_funds": "В пределах предусмотренных средств",
    "extrabudgetary": "Внебюджетные средства",
    "not_required": "Не требуется",
    "unspecified": "Не указано",
}
BUDGET_SPLIT = {True: "Сумма в бюджете", False: "Без бюджетной суммы"}
REPORT_TO = {"МИОР": "Министерство информации и общественного развития (МИОР)", "АП": "Администрация Президента (АП)"}

# Overview
KPI_MEASURES = "Мероприятий"
KPI_COST = "Предполагаемые расходы, млн тенге"
KPI_BUDGET_SHARE = "С бюджетной суммой"
KPI_EXECUTORS = "Исполнителей"
KPI_COST_HELP = "Сумма столбца «Предполагаемые расходы» по отобранным мероприятиям."
# The note a decree prints under its table (in 2021: when the amounts will be considered), shown as
# written beside every money figure.
DECREE_NOTE = "Примечание постановления: {marker} {text}"
NOTES_SHEET = "Примечания"
NOTES_COLUMNS = {"marker": "Знак", "text": "Примечание", "measures": "Мероприятия со знаком"}
KPI_BUDGET_HELP = "Доля мероприятий, для которых в постановлении указана сумма расходов; все суммы — бюджетные."
KPI_EXECUTORS_HELP = "Министерства и госорганы плюс отдельные акиматы (каждый регион — отдельно)."
OVERVIEW_BY_GROUP = "По направлениям"
# Charts that can be clicked, and the Overview's picture
WORKLOAD_NAMED = "Поручено отдельно"
WORKLOAD_COLLECTIVE = "В числе всех акиматов"
WORKLOAD_NAMED_SHORT = "Отдельно"
TODAY = "Сегодня"
OVERVIEW_PICTURE = "Где работа и деньги"
OVERVIEW_BUSIEST = "Самые загруженные исполнители"
FUNDING_CLASS_BY_GROUP = "Формы финансирования по направлениям"
CLICK_HINT = "Щёлкните столбец или регион, чтобы отобрать по нему; повторный щелчок снимает отбор."
OVERVIEW_YEARS = "Дорожные карты по годам"
OVERVIEW_YEARS_NOTE = "Направления у каждой дорожной карты свои: сравнивайте их по названиям."
COL_YEAR = "Год"
OVERVIEW_CALENDAR = "Отчётность по постановлению"
CALENDAR_EXECUTORS = "Исполнители"
COL_GROUP = "Направление / раздел"
COL_GROUP_NAME = "Название"
COL_MEASURES = "Мероприятий"
COL_BUDGET_MEASURES = "С суммой"
COL_COST = "Расходы, тыс. тенге"
COL_DATE = "Дата"
COL_REPORTER = "Кто отчитывается"
COL_RECIPIENT = "Кому"
SOURCE_NOTE = "Источник: постановление Правительства РК от {date} № {number}."

# Funding
FUNDING_BY_GROUP = "Расходы по направлениям, тыс. тенге"
FUNDING_SPLIT = "Бюджетные и небюджетные мероприятия"
FUNDING_SPLIT_COUNT = "по числу мероприятий"
FUNDING_SPLIT_AMOUNT = "по сумме, тыс. тенге"
FUNDING_CLASSES_TITLE = "Формы финансирования"
FUNDING_RANKED = "Мероприятия с суммой расходов"
FUNDING_TREEMAP = "Структура расходов: направление → мероприятие"
NO_AMOUNTS = "Среди отобранных мероприятий нет ни одного с суммой расходов."

# Executors
EXECUTORS_MINISTRIES = "Мероприятия по министерствам и госорганам"
EXECUTORS_AKIMATS = "Мероприятия по акиматам"
EXECUTORS_MATRIX = "Исполнитель × направление: число мероприятий"
EXECUTORS_MAP = "Нагрузка по регионам: число мероприятий"
EXECUTORS_MAP_NOTE = ("Цвет — мероприятия, поручённые региону отдельно; число — отдельно + в числе всех акиматов. "
                      "Шымкент показан точкой. Границы: Natural Earth (общественное достояние).")
MAP_NOT_DRAWN = "Нет на карте границ 2021 года (мероприятий): {regions}"
NO_EXECUTORS = "Нет исполнителей этого вида среди отобранных мероприятий."

# Timeline
TIMELINE_GANTT = "Окна исполнения мероприятий"
TIMELINE_PER_MONTH = "Сроки завершения"
TIMELINE_PERIOD = "Группировка"
PERIODS = {"month": "по месяцам", "quarter": "по кварталам"}
PART_OF = "{part} из {whole}"
TIMELINE_AS_OF = "На дату"
TIMELINE_PASSED_SUMMARY = "На {date}: срок истёк у {passed} из {total} мероприятий."
TIMELINE_REPORTING = "отчёт"
QUARTER = "{q_roman} кв. {year}"

# Measures
MEASURES_TABLE = "Отобранные мероприятия"
MEASURE_PICK = "Подробно о мероприятии"
MEASURE_NOT_IN_VIEW = "Мероприятие № {n} не входит в текущий отбор."
MEASURE_SOURCE = "Исходный текст постановления (строки {start}–{end})"
# A measure as a card (ui/card.py)
CARD_STATUS = "Статус на {round}"
CARD_HISTORY = "По отчётным датам"
CARD_REPORTS = "Отчёты исполнителей по мероприятию"
CARD_REPORTS_NONE = "По мероприятию пока никто не отчитался."
STATUS_CARRIED = "по отчёту на {date}"
COL_REVIEW = "Проверка МИОР"
REVIEW_STATES = {"unreviewed": "не проверен", "accepted": "принят", "returned": "возвращён"}

# Column headers of the table and of the downloads
COLUMNS = {
    "measure_no": "№",
    "roadmap_year": "Год",
    "group": "Направление / раздел",
    "title": "Мероприятие",
    "completion_form": "Форма завершения",
    "executors_raw": "Ответственные исполнители",
    "ministries": "Министерства и госорганы",
    "akimats": "Акиматы",
    "deadline_raw": "Срок исполнения",
    "deadline_start": "Начало срока",
    "deadline_end": "Окончание срока",
    "cost_thousand_kzt": "Расходы, тыс. тенге",
    "funding": "Финансирование",
    "funding_source": "Источник финансирования",
    "report_to": "Информация в",
    "source_lines": "Строки постановления",
    "report_round": "Отчётная дата",
    "status": "Статус исполнения",
    "status_carried_from": "По отчёту на",
    "spent_thousand_kzt": "Израсходовано, тыс. тенге",
    "reported_executors": "Отчитались исполнителей",
    "executor_count": "Исполнителей всего",
    "unreviewed_reports": "Не проверено отчётов",
    "information": "Информация об исполнении",
}

MONTHS = (
    "январь", "февраль", "март", "апрель", "май", "июнь",
    "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь",
)
MONTHS_GEN = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)
# A date inside a sentence ("от 9 февраля 2021 г.") takes the same genitive as a date alone.
MONTHS_LOC = MONTHS_GEN
# The case a Kazakh postposition needs (day_dat, day_abl); Russian writes its date as alone.
MONTHS_DAT = MONTHS_ABL = MONTHS_GEN
MONTHS_SHORT = ("янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек")


# Large selections
MEASURES_PAGE = "Страница"
MEASURES_PAGE_RANGE = "Мероприятия {first}–{last} из {total}"
GANTT_WINDOWS_NOTE = (
    "Отобрано {total} мероприятий — слишком много для полосы на каждое. "
    "Показаны окна исполнения: одна полоса на направление и срок, число на ней — количество мероприятий."
)
GANTT_WINDOWS_CUT = "Показаны {shown} окон с наибольшим числом мероприятий из {windows}."
# -- issue 23: deadline kinds, executors by agreement and collective, amounts by source (appended block) --
DEADLINE_KINDS = {"window": "Окно исполнения", "by_date": "Срок к дате", "periodic": "Периодический срок"}
DEADLINE_FREQUENCIES = {"monthly": "ежемесячно", "quarterly": "ежеквартально", "yearly": "ежегодно",
                        "ongoing": "постоянно"}
DEADLINE_PERIODIC = "Периодический срок: {frequency}"
DEADLINE_REPORT_DAY = "до {day} числа месяца, следующего за отчётным"
GANTT_KINDS_NOTE = ("Полоса — окно исполнения; ◆ — срок к дате; штрихованная полоса — периодический срок на весь "
                    "период плана, с частотой на полосе.")
EXECUTORS_MARKED = "Исполнители по согласованию и собирательные"
EXECUTORS_MARKED_NOTE = ("Организации, участвующие «по согласованию», и исполнители, названные в постановлении "
                         "собирательно (как написано, без расшифровки).")
EXECUTORS_MARKED_COLUMNS = {"executor": "Исполнитель", "name": "Полное наименование", "mark": "Отметка",
                            "measures": "Мероприятий"}
EXECUTOR_MARKS = {"by_agreement": "по согласованию", "collective": "собирательно"}
FUNDING_BY_SOURCE = "Расходы по источникам финансирования"
FUNDING_BY_SOURCE_NOTE = ("Суммы по каждому бюджету, как их указывает постановление; суммы без своего источника — "
                          "отдельной строкой.")
FUNDING_NO_SOURCE = "Без разбивки по источникам"
FUNDING_SOURCE_AMOUNTS = "Сумм"
WORKLOAD_BY_AGREEMENT = "Из них по согласованию"
# The export columns this block adds (roadmap/exports.py COLUMNS).
COLUMNS = {
    **COLUMNS,
    "executors_by_agreement": "По согласованию",
    "executors_collective": "Собирательные исполнители",
    "deadline_kind": "Вид срока",
    "deadline_frequency": "Периодичность",
    "deadline_report_day": "Число месяца для отчёта",
    "funding_by_source": "Суммы по источникам",
}
# -- end of issue 23 block --
RANKED_CUT = "Показаны {shown} крупнейших из {total} мероприятий с суммой расходов."
TREEMAP_OTHER = "Остальные ({n})"


# Formats that follow the language
PLOTLY_SEPARATORS = ", "  # decimal comma, thin-space thousands
DATE_TICKFORMAT = "%d.%m.%Y"
DATE_INPUT_FORMAT = "DD.MM.YYYY"
MEASURE_NO = "№ {n}"
MEASURE_IN_YEAR = "{year} · № {n}"  # a measure when several roadmaps are loaded

# The printable brief
BRIEF_DOWNLOAD = "Справка для печати (HTML)"
BRIEF_HELP = (
    "Одностраничная сводка текущего отбора: фильтры, показатели, графики и перечень мероприятий. "
    "Откройте файл в браузере и распечатайте на A4."
)
BRIEF_HEADING = "Справка по дорожной карте"
BRIEF_FILTERS = "Отбор"
BRIEF_NO_FILTERS = "все мероприятия, без фильтров"
BRIEF_SEARCH = "название содержит «{q}»"
BRIEF_KPIS = "Основные показатели"
BRIEF_WORKLOAD = "Исполнители с наибольшим числом мероприятий"
BRIEF_TABLE = "Перечень мероприятий"
BRIEF_PREPARED = "Подготовлено {date} по данным постановления; источник — дашборд дорожной карты."

# Number and date patterns: the functions below are the same for every language (i18n/_formats.py)
THOUSANDS_SEP = "\u202f"
DECIMAL_SEP = ","
THOUSAND_TENGE = "{amount} тыс. тенге"
PERCENT = "{value} %"
DAY = "{day} {month} {year} г."
# A date inside a sentence, before the noun it qualifies (SOURCE_NOTE, TIMELINE_PASSED_SUMMARY): day_attr.
# Kazakh needs the locative there («2021 жылғы 9 ақпандағы»); Russian keeps the form of DAY.
DAY_ATTR = DAY
# A date in the sentence of an official document (the round's information, reporting/round_document.py).
DAY_LONG = "{day} {month} {year} года"
MONTH_YEAR = "{month_short} {year}"
SHORT_DATE = "{day:02d}.{month:02d}"

DAYS_FORMS = {"one": "день", "few": "дня", "many": "дней"}
(number, thousand_tenge, percent, day, day_attr, short_date, month_year, quarter,
 group_label, measure, day_dat, day_abl, day_long, days) = formatters(globals())

# Reporting rounds: the report template an executor fills in (reporting/template.py).  The status labels
# and column headings are also what reporting/ accepts in a file (reporting/vocabulary.py, fileformat.py).
REPORT_SHEET = "Отчёт"
REPORT_TITLE = "Отчёт о ходе исполнения Дорожной карты: {executor}"
REPORT_SUBTITLE = "Отчётная дата — {round}; постановление Правительства РК от {date} № {number}."
REPORT_INSTRUCTIONS = (
    "Для каждого мероприятия выберите значение в столбце «{status}» из списка и заполните столбцы «{spent}» "
    "(нарастающим итогом с начала дорожной карты) и «{comment}». Если мероприятие не выполнено или его срок "
    "истёк, а оно не выполнено, в комментарии обязательно укажите причины и что будет сделано. Остальные столбцы "
    "защищены от изменений. Мероприятие без статуса считается не включённым в отчёт."
)
REPORT_COLUMNS = {
    "measure_no": "№",
    "title": "Мероприятие",
    "deadline_raw": "Срок исполнения",
    "cost_thousand_kzt": "Предполагаемые расходы, тыс. тенге",
    "status": "Статус исполнения",
    "spent_thousand_kzt": "Израсходовано, тыс. тенге",
    "comment": "Комментарий",
}
REPORT_STATUS_LABELS = {
    "done": "выполнено",
    "in_progress": "в работе",
    "not_started": "не начато",
    "not_done": "не выполнено",
}
REPORT_STATUS_PROMPT = (
    "Выберите статус. «Не выполнено», как и любой статус кроме «выполнено» после срока, — "
    "только с причинами в комментарии."
)
REPORT_STATUS_ERROR = "Допустимы только значения из списка: {labels}."
REPORT_SPENT_ERROR = "Введите число не меньше 0 (тыс. тенге), без формулы."
REPORT_COMMENT_ERROR = "Комментарий — не длиннее {limit} символов."
REPORT_ERROR_TITLE = "Недопустимое значение"
REPORT_FILE_STEM = "otchet"

# Brief and exports: execution
BRIEF_EXECUTION = "Исполнение"
BRIEF_EXECUTION_ROUND = "Отчётная дата: {round} (по отчётам исполнителей)."
BRIEF_EXECUTION_NONE = "Исполнители ещё не отчитались по отобранным мероприятиям (отчётная дата: {round})."

# The report log export's file name (/export/reports.csv|xlsx|json)
REPORT_LOG_FILE_STEM = "otchety"

# The round's consolidated information for the Presidential Administration: its words in a file of their own.
# Командная строка оператора (reporting/cli.py): её строки на языке --lang.  Справка и сообщения самого argparse
# остаются на английском, как и терминал оператора.
CLI_ERROR = "ошибка: {message}"
CLI_WARNING = "предупреждение: {message}"
CLI_DATA_UNREADABLE = "не удаётся прочитать данные дорожной карты: {reason}"
CLI_FILE_SKIPPED = "{path} не читается как файл отчёта; он пропущен"
CLI_STORE_FAILED = "не удаётся сохранить отчёт в {directory}: {reason}"
CLI_SUBMISSION = ("{executor}, отчётная дата {round}, дорожная карта {year} года (постановление № {number}): "
                  "мероприятий с отчётом — {reported}, без отчёта — {not_reported}")
CLI_VALID = "{file}: файл верен: {submission}; ничего не сохранено (проверка)"
CLI_STORED = "сохранён {path} (строк: {rows})"
CLI_ALREADY_STORED = "уже сохранён {path} ({who}, {when} UTC)"
CLI_SEVERAL_ROADMAPS = ("{round} — отчётная дата нескольких загруженных дорожных карт: выберите одну с помощью "
                        "--year")
CLI_NOT_A_ROUND = "{round} не является отчётной датой ни одной загруженной дорожной карты"
CLI_NO_MEASURES = "у исполнителя {executor} нет мероприятий в дорожной карте {year} года"
CLI_TEMPLATE_FAILED = "по загруженным данным шаблон составить не удаётся: {reason}"
CLI_WRITE_FAILED = "не удаётся записать {path}: {reason}"
CLI_TEMPLATE_WRITTEN = "записан {path}: {executor}, мероприятий — {measures}, отчётная дата {round}"
CLI_FREEZE_FAILED = "не удаётся зафиксировать версию в {directory}: {reason}"
CLI_FROZEN = "версия № {number}: дорожная карта {year} года, отчётная дата {round}; кто зафиксировал: {who}"
CLI_UNKNOWN_SUBMISSION = "в {directory} нет отчёта {id} (см. list)"
CLI_NO_REASON = "для возврата отчёта нужен --reason (что исполнителю исправить)"
CLI_REASON_TOO_LONG = "причина слишком длинная: не более {limit} символов"
CLI_REVIEW_REFUSED = "решение не записано: {reason}"
CLI_REVIEW_STORE_FAILED = "не удаётся сохранить решение в {directory}: {reason}"
CLI_REVIEWED = "отчёт {submission} {decision} ({who}): {path}"

from .round_doc.ru import *  # noqa: E402, F403
