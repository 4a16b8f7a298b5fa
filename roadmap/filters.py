"""The dashboard's filters, declared once as data, and the one reading of a link.

Each filter is a FilterSpec: its link key (also the session-state key and the SQL parameter of
sql/scope/kept.sql), the catalogue names of its label and help, how its values are named on screen, and
whether it is a list of known values or free text.  The sidebar, the link, the SQL parameters, the brief's
"selection in words", the file names and the export routes are all derived from FILTER_SPECS, so a new
filter is one entry here plus one line of SQL.

Pages never look at widgets: they get a Filters, and the query layer turns it into named parameters for
one fixed WHERE clause, so no value ever becomes SQL text.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from types import ModuleType
from urllib.parse import urlencode

from loaders.schema import FUNDING_CLASSES
from reporting.vocabulary import MEASURE_STATUSES

Q_MAX_CHARS = 200  # a title search longer than any title is noise, and a link may carry megabytes


@dataclass(frozen=True)
class FilterSpec:
    key: str
    label: str  # name of the label in the language catalogue
    help: str | None = None  # name of the help text in the catalogue
    # A list filter's known values: the name of a query in sql/facts/ whose `value` column lists them in
    # the order the panel offers them (and whose `name` column, if any, is how the data names them), or
    # the values themselves.
    choices: str | tuple[str, ...] = ()
    # How the values are named on screen and on paper: (the data's names of the values, catalogue) →
    # {value: name}; values without a name are shown as they are.
    names: Callable[[Mapping[str, str], ModuleType], dict[str, str]] | None = None
    text: bool = False  # free text (a search), not a list of known values
    # Shown only when there is a choice to make (the year, with one decree loaded, is no filter at all).
    only_if_several: bool = False
    # At most this many values (a link naming more keeps the last ones, in the order of the choices).
    max_values: int | None = None


def _round_names(data_names: Mapping[str, str], t: ModuleType) -> dict[str, str]:
    return {value: t.day(date.fromisoformat(value)) for value in data_names}


def _group_names(data_names: Mapping[str, str], t: ModuleType) -> dict[str, str]:
    return {key: f"{t.group_label(key)}. {name}" for key, name in data_names.items()}


FILTER_SPECS: tuple[FilterSpec, ...] = (
    # The roadmap's year identifies its decree: one roadmap a year (a measure is its year and its number).
    FilterSpec("year", "FILTER_YEAR", choices="year_options", only_if_several=True),
    FilterSpec("ministry", "FILTER_MINISTRY", choices="ministry_options"),
    FilterSpec("akimat", "FILTER_AKIMAT", help="FILTER_AKIMAT_HELP", choices="akimat_options"),
    # "D1", "D2", … for directions, "II", "III" for sections (loaders/groups.py)
    FilterSpec("direction", "FILTER_DIRECTION", choices="direction_options", names=_group_names),
    FilterSpec("funding", "FILTER_FUNDING", choices=FUNDING_CLASSES, names=lambda _, t: dict(t.FUNDING_CLASSES)),
    FilterSpec("report_to", "FILTER_REPORT_TO", choices="report_to_options", names=lambda _, t: dict(t.REPORT_TO)),
    # The reporting round whose status is shown (?round=2021-07-05), a date of one decree's calendar; the
    # other decrees loaded, and every decree without it, show their latest round anyone reported in
    # (RoadmapDB.chosen_rounds).
    FilterSpec("round", "FILTER_ROUND", help="FILTER_ROUND_HELP", choices="round_options", names=_round_names,
               max_values=1),
    # A measure's status in that round (sql/reports/round_statuses.sql), "not_reported" included.
    FilterSpec("status", "FILTER_STATUS", choices=MEASURE_STATUSES, names=lambda _, t: dict(t.STATUS_NAMES)),
    FilterSpec("q", "FILTER_Q", text=True),
)
SPECS = {spec.key: spec for spec in FILTER_SPECS}
LIST_KEYS = tuple(spec.key for spec in FILTER_SPECS if not spec.text)
TEXT_KEYS = tuple(spec.key for spec in FILTER_SPECS if spec.text)
LANG_KEY = "lang"
LINK_KEYS = (*SPECS, LANG_KEY)


class Filters:
    """The chosen filters as one immutable, hashable value (the cache key of every query).

    `Filters(ministry=("МКС",), q="проект")`; every filter is also an attribute (`filters.ministry`).
    List filters keep their values in the order given; empty ones are left out."""

    __slots__ = ("_values",)

    def __init__(self, **values: tuple[str, ...] | str) -> None:
        unknown = values.keys() - SPECS.keys()
        if unknown:
            raise TypeError(f"unknown filter {sorted(unknown)}; the filters are {list(SPECS)}")
        normalised = []
        for spec in FILTER_SPECS:
            value = values.get(spec.key, "" if spec.text else ())
            normalised.append((spec.key, str(value) if spec.text else tuple(value)))
        object.__setattr__(self, "_values", tuple(normalised))

    def __getattr__(self, key: str):
        for name, value in object.__getattribute__(self, "_values"):
            if name == key:
                return value
        raise AttributeError(key)

    def __setattr__(self, key, value):
        raise AttributeError("Filters is immutable")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Filters) and self._values == other._values

    def __hash__(self) -> int:
        return hash(self._values)

    def __reduce__(self):
        return (_from_pairs, (self._values,))

    def cache_key(self) -> tuple:
        """What identifies this value, for caches that cannot hash it themselves (st.cache_data's hash_funcs)."""
        return self._values

    def __repr__(self) -> str:
        return f"Filters({', '.join(f'{k}={v!r}' for k, v in self.active().items())})"

    def params(self) -> dict[str, object]:
        """The named parameters of sql/scope/kept.sql: one per filter, under its key."""
        return {key: value.strip() if SPECS[key].text else list(value) for key, value in self._values}

    @property
    def is_empty(self) -> bool:
        return not self.active()

    def active(self) -> dict[str, tuple[str, ...] | str]:
        """The filters that narrow the view, by key, in the order of FILTER_SPECS."""
        return {key: value for key, value in self._values if (value.strip() if isinstance(value, str) else value)}

    def link_pairs(self) -> list[tuple[str, str]]:
        """The filters as link parameters (a list filter's key repeated for each value)."""
        pairs = []
        for key, value in self.active().items():
            pairs += [(key, value)] if isinstance(value, str) else [(key, v) for v in value]
        return pairs


def _from_pairs(values: tuple) -> Filters:
    return Filters(**dict(values))


@dataclass(frozen=True)
class LinkView:
    """What a link asks for, once unknown keys and values are dropped."""
    filters: Filters
    lang: str | None  # None: the default language

    def query_string(self) -> str:
        """The canonical query string of this view: known keys and values only, in spec order."""
        pairs = self.filters.link_pairs() + ([(LANG_KEY, self.lang)] if self.lang else [])
        return urlencode(pairs)


def read_link(pairs: Iterable[tuple[str, str]], choices: Mapping[str, Iterable[str]],
              languages: Iterable[str] = ()) -> LinkView:
    """The one reading of a link's parameters, for the pages and the export routes alike.

    A list filter keeps the known values it names, each once, in the order of `choices` (so two links
    naming the same values in another order are the same view); a text filter takes its first value, cut
    to Q_MAX_CHARS; `lang` is kept when it names one of `languages`.  Anything else is dropped."""
    given: dict[str, list[str]] = {}
    for key, value in pairs:
        given.setdefault(key, []).append(value)
    values: dict[str, object] = {}
    for spec in FILTER_SPECS:
        wanted = given.get(spec.key, [])
        if spec.text:
            values[spec.key] = wanted[0][:Q_MAX_CHARS] if wanted else ""
        else:
            wanted_set = set(wanted)
            kept = tuple(v for v in choices.get(spec.key, ()) if v in wanted_set)
            values[spec.key] = kept[-spec.max_values:] if spec.max_values else kept
    lang = next(iter(given.get(LANG_KEY, [])), None)
    return LinkView(Filters(**values), lang if lang in set(languages) else None)


def value_names(data_names: Mapping[str, Mapping[str, str]], t: ModuleType) -> dict[str, dict[str, str]]:
    """How each filter's values are named in the language `t`, by filter key (see FilterSpec.names)."""
    return {spec.key: spec.names(data_names.get(spec.key, {}), t) for spec in FILTER_SPECS if spec.names}


def in_words(filters: Filters, names: Mapping[str, Mapping[str, str]], t: ModuleType) -> list[tuple[str, str]]:
    """The active filters as (label, values named) pairs, for the brief and anything else that says in
    words what was selected."""
    return [(label, words) for _, label, words in in_words_by_key(filters, names, t)]


def in_words_by_key(filters: Filters, names: Mapping[str, Mapping[str, str]],
                    t: ModuleType) -> list[tuple[str, str, str]]:
    """The same words with each filter's key: (key, label, values named), in the order of FILTER_SPECS (the
    pages' removable filters above their charts say exactly what the brief says)."""
    rows = []
    for key, value in filters.active().items():
        spec = SPECS[key]
        if spec.text:
            rows.append((key, getattr(t, spec.label), t.BRIEF_SEARCH.format(q=value.strip())))
        else:
            rows.append((key, getattr(t, spec.label), "; ".join(names.get(key, {}).get(v, v) for v in value)))
    return rows
