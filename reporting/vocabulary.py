"""What a report may say about a measure: the statuses, and the spellings a file may use for them.

The labels are the catalogues' own (``REPORT_STATUS_LABELS`` in i18n/{ru,kk,en}.py: what the template's
drop-down offers); the variants are what people type instead.
"""
from __future__ import annotations

from i18n import LANGUAGES

STATUSES = ("done", "in_progress", "not_started", "not_done")
NOT_REPORTED = "not_reported"
MEASURE_STATUSES = (*STATUSES, NOT_REPORTED)  # what a measure's status for a round may be (status.measure_status)

STATUS_LABELS: dict[str, dict[str, str]] = {lang: dict(t.REPORT_STATUS_LABELS) for lang, t in LANGUAGES.items()}
STATUS_VARIANTS: dict[str, tuple[str, ...]] = {
    "done": ("исполнено", "орындалған"),
    "in_progress": ("в процессе", "орындалу үстінде"),
    "not_started": ("не начат", "не начата", "басталмады", "басталмаған"),
    "not_done": ("не исполнено", "орындалмаған"),
}


def norm(text: object) -> str:
    """Case, surrounding and repeated spaces, underscores, hyphens and ё do not matter."""
    words = str(text).replace("_", " ").replace("-", " ").replace("ё", "е").replace("Ё", "Е").split()
    return " ".join(words).casefold().rstrip(":*").strip()


STATUS_SPELLINGS: dict[str, str] = {
    norm(spelling): code
    for code in STATUSES
    for spelling in (code, *(labels[code] for labels in STATUS_LABELS.values()), *STATUS_VARIANTS[code])
}


def status_code(text: object) -> str | None:
    """The status a cell spells (code, or label in any language; any case, trimmed), or None."""
    return STATUS_SPELLINGS.get(norm(text)) if text is not None else None
