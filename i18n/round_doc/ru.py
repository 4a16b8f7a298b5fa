"""The round's document in Russian (see __init__.py)."""
# The round's consolidated information for the Presidential Administration (reporting/round_document.py):
# the Word document and its workbook, live or as a frozen version (reporting/versions.py).
ROUND_DOC_HEADING = (
    "Информация о ходе исполнения {title}, утверждённой постановлением Правительства Республики Казахстан "
    "от {decree_date} № {number}, по состоянию на {round}"
)
ROUND_DOC_SELECTION = "Отбор: {filters}."
ROUND_DOC_SUMMARY = "Сводные показатели"
ROUND_DOC_BY_STATUS = "Мероприятия по статусам исполнения"
ROUND_DOC_MEASURES = "Мероприятий"
ROUND_DOC_REPORTED = "Представили отчёт {reported} из {expected} исполнителей."
ROUND_DOC_MISSING = "Не представили отчёт: {executors}."
ROUND_DOC_REVIEW = "Отчётов возвращено на доработку: {returned}; не проверено МИОР: {unreviewed}."
ROUND_DOC_FUNDING = "Предусмотрено и израсходовано по направлениям, тыс. тенге"
ROUND_DOC_ESTIMATED = "Предусмотрено"
ROUND_DOC_SPENT = "Израсходовано"
ROUND_DOC_TOTAL = "Итого"
ROUND_DOC_COLUMNS = {
    "measure_no": "№ п/п",
    "title": "Наименование мероприятия",
    "completion_form": "Форма завершения",
    "executors": "Ответственные исполнители",
    "deadline": "Срок исполнения",
    "status": "Статус",
    "information": "Информация об исполнении",
    "spent": "Израсходовано, тыс. тенге",
    "group": "Направление / раздел",
    "estimated": "Предусмотрено, тыс. тенге",
    "carried_from": "Статус по отчёту на",
    "not_reported": "Нет отчёта",
    "unreviewed": "Не проверено МИОР",
}
ROUND_DOC_CARRIED = "по отчёту на {date}"
ROUND_DOC_UNREVIEWED = "(не проверено)"
ROUND_DOC_NOT_REPORTED = "Отчёт исполнителями не представлен."
ROUND_DOC_NO_INFORMATION = "Информация не представлена."
ROUND_DOC_MADE = "Сформировано {when} (UTC)."
ROUND_DOC_MADE_BY = "Сформировал: {who}."
ROUND_DOC_VERSION = "Версия № {number}."
ROUND_DOC_LIVE = "Текущие данные, версия не зафиксирована."
ROUND_DOC_CHANGES = "Изменения по сравнению с предыдущей версией"
ROUND_DOC_PAGE = "Страница"
ROUND_DOC_SHEET_ROWS = "Мероприятия"
ROUND_DOC_SHEET_SUMMARY = "Сводка"
ROUND_DOC_SINCE = "По сравнению с версией № {number}:"
ROUND_DOC_CHANGE_IN_OUT = {True: "{measure}: добавлено в отбор", False: "{measure}: больше не входит в отбор"}
ROUND_DOC_CHANGE_STATUS = "{measure}: {before} → {now}"
ROUND_DOC_CHANGE_INFORMATION = "{measure}: изменилась информация об исполнении"
ROUND_DOC_NO_CHANGES = "изменений нет."
ROUND_DOC_FILE_STEM = "informaciya_AP"

# МИОР's own step: the consolidated information for the Presidential Administration (roadmap/ui/handover.py)
HANDOVER_HEADER = "Информация в АП по отчётам на {round}"
HANDOVER_NOTE = ("Сводная информация о ходе исполнения для Администрации Президента: документ Word и таблица Excel "
                 "по мероприятиям, отобранным фильтрами. Зафиксированная версия больше не меняется.")
HANDOVER_DOCX = "Документ (DOCX)"
HANDOVER_XLSX = "Таблица (XLSX)"
HANDOVER_FREEZE = "Зафиксировать и выгрузить"
HANDOVER_FROZEN = "Версия № {number} зафиксирована: её файлы больше не меняются."
HANDOVER_UNCHANGED = ("С версии № {number} для этого отбора ничего не изменилось: новая версия не создана, "
                      "действует версия № {number}.")
HANDOVER_FREEZE_FAILED = ("Версия не зафиксирована из-за ошибки на сервере (подробности — в журнале "
                          "сервера). Попробуйте ещё раз.")
HANDOVER_NO_VERSIONS = "Зафиксированных версий пока нет."
HANDOVER_COL_NUMBER = "Версия"
HANDOVER_COL_WHEN = "Зафиксирована"
HANDOVER_COL_WHO = "Кем"
HANDOVER_COL_FILTERS = "Отбор"
HANDOVER_ALL = "все мероприятия"
HANDOVER_DUE = "До представления информации в {to} ({date}) осталось {days}."
HANDOVER_PASSED_DONE = "Срок представления прошёл; версия № {number} выгружена {date}."
HANDOVER_PASSED_NONE = "Срок представления информации в {to} ({date}) прошёл; версия не выгружена."
HANDOVER_OWING = "Не отчитались к {round}: {executors}."
HANDOVER_RETURNED = "Возвращены на доработку: {executors}."
HANDOVER_MORE = " и ещё {n}"
ROUND_DOC_CHANGE_SPENT = "{measure}: изменилась израсходованная сумма"
