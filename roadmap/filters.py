"""The dashboard's filters as one immutable value, and the SQL parameters it binds.

Pages never look at widgets: they get a Filters, and the query layer turns it into named
parameters for one fixed WHERE clause (sql/filtered.sql), so no value ever becomes SQL text.
"""
from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Filters:
    ministry: tuple[str, ...] = ()
    akimat: tuple[str, ...] = ()
    direction: tuple[str, ...] = ()  # group keys: "D1", "D2", … for directions, "II", "III" for sections
    funding: tuple[str, ...] = ()
    report_to: tuple[str, ...] = ()
    q: str = ""

    def params(self) -> dict[str, object]:
        return {
            "ministry": list(self.ministry),
            "akimat": list(self.akimat),
            "direction": list(self.direction),
            "funding": list(self.funding),
            "report_to": list(self.report_to),
            "q": self.q.strip(),
        }

    @property
    def is_empty(self) -> bool:
        return self == Filters()

    def active(self) -> dict[str, object]:
        """The filters that narrow the view, by key, for file names and captions."""
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}


LIST_KEYS = ("ministry", "akimat", "direction", "funding", "report_to")
