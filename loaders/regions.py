"""Kazakhstan's first-level regions, so that akimats named in any roadmap map to canonical names.

Regions change: three oblasts were created on 8 June 2022 and the capital was renamed twice.  A decree
names the regions that exist on its own date, so every question here is asked for a day, not a year.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

# The changes a decree's date decides (official dates of the decrees that made them).
NEW_OBLASTS_2022 = date(2022, 6, 8)  # Абай, Жетісу and Ұлытау oblasts
CAPITAL_TO_NUR_SULTAN = date(2019, 3, 23)
CAPITAL_TO_ASTANA = date(2022, 9, 17)


@dataclass(frozen=True)
class Region:
    name: str  # canonical name used in the dataset and the app
    kind: str  # "oblast" | "city"
    stems: tuple[str, ...]  # how the decrees spell it in any case form (matched as a word prefix)
    since: date = date.min  # first day it exists under this name
    until: date = date.max  # first day it no longer does

    def exists_on(self, day: date) -> bool:
        return self.since <= day < self.until

    def lifetime(self) -> str:
        if self.since == date.min:
            return f"until {self.until - _DAY:%Y-%m-%d}"
        if self.until == date.max:
            return f"from {self.since:%Y-%m-%d}"
        return f"from {self.since:%Y-%m-%d} to {self.until - _DAY:%Y-%m-%d}"


_DAY = timedelta(days=1)

REGIONS: tuple[Region, ...] = (
    Region("Акмолинская область", "oblast", ("Акмолинск",)),
    Region("Актюбинская область", "oblast", ("Актюбинск",)),
    Region("Алматинская область", "oblast", ("Алматинск",)),
    Region("Атырауская область", "oblast", ("Атырауск",)),
    Region("Восточно-Казахстанская область", "oblast", ("Восточно-Казахстанск",)),
    Region("Жамбылская область", "oblast", ("Жамбылск",)),
    Region("Западно-Казахстанская область", "oblast", ("Западно-Казахстанск",)),
    Region("Карагандинская область", "oblast", ("Карагандинск",)),
    Region("Костанайская область", "oblast", ("Костанайск",)),
    Region("Кызылординская область", "oblast", ("Кызылординск",)),
    Region("Мангистауская область", "oblast", ("Мангистауск",)),
    Region("Павлодарская область", "oblast", ("Павлодарск",)),
    Region("Северо-Казахстанская область", "oblast", ("Северо-Казахстанск",)),
    Region("Туркестанская область", "oblast", ("Туркестанск",)),
    # Named either way in Russian texts: "области Абай" or "Абайской области".
    Region("область Абай", "oblast", ("Абай", "Абайск"), since=NEW_OBLASTS_2022),
    Region("область Жетісу", "oblast", ("Жетісу", "Жетысу", "Жетісуск", "Жетысуск"), since=NEW_OBLASTS_2022),
    Region("область Ұлытау", "oblast", ("Ұлытау", "Улытау", "Ұлытауск", "Улытауск"), since=NEW_OBLASTS_2022),
    Region("г. Нур-Султан", "city", ("Нур-Султан",), since=CAPITAL_TO_NUR_SULTAN, until=CAPITAL_TO_ASTANA),
    Region("г. Астана", "city", ("Астан",), until=CAPITAL_TO_NUR_SULTAN),
    Region("г. Астана", "city", ("Астан",), since=CAPITAL_TO_ASTANA),
    Region("г. Алматы", "city", ("Алматы",)),
    Region("г. Шымкент", "city", ("Шымкент",)),
)

# Every name of every date (what a dataset may hold), in the 2021 order, used for sorting and for the
# app's akimat filter.
CANONICAL_ORDER: tuple[str, ...] = tuple(dict.fromkeys(r.name for r in REGIONS))


def regions_date(decree_date: str | None, year: int) -> date:
    """The day whose regions a decree names: its own date, else (no date found) 1 January of its year."""
    return date.fromisoformat(decree_date) if decree_date else date(year, 1, 1)


def regions_on(day: date, kind: str | None = None) -> list[str]:
    """The regions that exist on a day, in canonical order."""
    return [r.name for r in REGIONS if r.exists_on(day) and kind in (None, r.kind)]


def all_regions_on(akimats: list[str], day: date) -> bool:
    """Whether the akimats are those of every region that exists on the day."""
    return set(regions_on(day)) <= set(akimats)


def oblasts_in(year: int) -> list[str]:
    """The oblasts at the end of a year (for generated data that knows only years)."""
    return regions_on(date(year, 12, 31), "oblast")


@lru_cache(maxsize=4096)
def named_regions(word: str, kind: str | None = None) -> tuple[Region, ...]:
    """Every region, of any date, whose name the word is (in any grammatical case)."""
    return tuple(
        region for region in REGIONS
        if kind in (None, region.kind)
        and any(word.startswith(stem) and _is_inflection(word[len(stem) :]) for stem in region.stems)
    )


def _is_inflection(ending: str) -> bool:
    # Case endings only: "Шымкента", "Атырауской", "Алматы"; never a longer word sharing a stem
    # ("Алматинской" must not match the city "Алматы").
    return len(ending) <= 3 and ending.isalpha() or ending == ""


def sort_key(name: str) -> int:
    return CANONICAL_ORDER.index(name) if name in CANONICAL_ORDER else len(CANONICAL_ORDER)


def canonical_geo_name(properties: dict) -> str:
    """The dataset's name for a region of the boundary files in data/geo (their name_ru, type)."""
    name = properties["name_ru"]
    if properties.get("type") == "city":
        return "г. " + name.removeprefix("город ").split(" (")[0]
    return name
