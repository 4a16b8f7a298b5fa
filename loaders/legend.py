"""One entry of a decree's abbreviation legend: what layout reads and vocabulary, calendar and the tests
use.  Its own module, so that layout (which needs vocabulary's month names) and vocabulary (which needs the
legend) do not import each other."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class LegendEntry:
    abbreviation: str
    full_name: str
    kind: str  # "body" (a ministry or other state body) | "budget"
    line: int
