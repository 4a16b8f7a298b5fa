"""The interface languages: one catalogue module per language, all with the same names.

Only the interface is translated; measure titles and executors stay as written in the decree.
"""
from __future__ import annotations

from types import ModuleType

from . import en, kk, ru

LANGUAGES: dict[str, ModuleType] = {"ru": ru, "kk": kk, "en": en}
DEFAULT = "ru"


def catalogue(code: str | None) -> ModuleType:
    return LANGUAGES.get(code or DEFAULT, ru)
