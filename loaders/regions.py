"""Kazakhstan's first-level regions, so that akimats named in any roadmap map to canonical names."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Region:
    name: str  # canonical name used in the dataset and the app
    kind: str  # "oblast" | "city"
    stems: tuple[str, ...]  # how the decrees spell it in any case form (matched as a word prefix)
    first_year: int = 0
    last_year: int = 9999

    def exists_in(self, year: int) -> bool:
        return self.first_year <= year <= self.last_year


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
    # Created in 2022; listed so that later roadmaps expand "акиматы областей" correctly.
    Region("область Абай", "oblast", ("Абай",), first_year=2022),
    Region("область Жетісу", "oblast", ("Жетісу", "Жетысу"), first_year=2022),
    Region("область Ұлытау", "oblast", ("Ұлытау", "Улытау"), first_year=2022),
    Region("г. Нур-Султан", "city", ("Нур-Султан",), first_year=2019, last_year=2022),
    Region("г. Астана", "city", ("Астан",), last_year=2019),
    Region("г. Астана", "city", ("Астан",), first_year=2022),
    Region("г. Алматы", "city", ("Алматы",)),
    Region("г. Шымкент", "city", ("Шымкент",)),
)

# The 2021 canonical order, used for sorting and for the app's akimat filter.
CANONICAL_ORDER: tuple[str, ...] = tuple(dict.fromkeys(r.name for r in REGIONS))


def oblasts_in(year: int) -> list[str]:
    return [r.name for r in REGIONS if r.kind == "oblast" and r.exists_in(year)]


def match_region(word: str, year: int, kind: str | None = None) -> str | None:
    """The canonical region a word names (any grammatical case), or None."""
    for region in REGIONS:
        if kind and region.kind != kind:
            continue
        if not region.exists_in(year):
            continue
        for stem in region.stems:
            if word.startswith(stem) and _is_inflection(word[len(stem) :]):
                return region.name
    return None


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
