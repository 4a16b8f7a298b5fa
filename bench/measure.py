"""Timing and the figures the benchmark reports: medians of several runs after a warm-up, with min and
max, each beside its target from the issue (if it has one) and whether it met it."""
from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

RUNS = 5  # timed runs per figure, after WARMUP untimed ones; the issue asks for at least 5
WARMUP = 1


@dataclass
class Figure:
    section: str
    name: str
    scale: str  # "1×", "1000×" or "" when the data size does not apply
    unit: str  # "ms", "MB" or "×" (a ratio)
    median: float
    low: float
    high: float
    runs: int
    target: str = ""  # as the issue words it, e.g. "< 150 ms"
    met: bool | None = None  # None: no target for this figure
    note: str = ""
    samples: list[float] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


def repeat(action: Callable[[], object], runs: int = RUNS, warmup: int = WARMUP) -> list[float]:
    """Seconds per call of `action`, warm-up calls not counted."""
    for _ in range(warmup):
        action()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return samples


def timing(section: str, name: str, scale: str, seconds: list[float], limit_ms: float | None = None,
           note: str = "") -> Figure:
    ms = [s * 1000 for s in seconds]
    median = statistics.median(ms)
    return Figure(
        section, name, scale, "ms", median, min(ms), max(ms), len(ms),
        target=f"< {limit_ms:g} ms" if limit_ms is not None else "",
        met=None if limit_ms is None else median < limit_ms,
        note=note, samples=[round(x, 2) for x in ms],
    )


def ratio(section: str, name: str, scale: str, slow: list[float], fast: list[float], at_least: float | None = None,
          note: str = "") -> Figure:
    """How many times faster `fast` is than `slow`: median over median, and the extremes (min/max pairing)."""
    value = statistics.median(slow) / statistics.median(fast)
    return Figure(
        section, name, scale, "×", value, min(slow) / max(fast), max(slow) / min(fast), min(len(slow), len(fast)),
        target=f"≥ {at_least:g}×" if at_least is not None else "",
        met=None if at_least is None else value >= at_least, note=note,
    )


def memory(section: str, name: str, scale: str, megabytes: float, limit_mb: float | None = None,
           note: str = "") -> Figure:
    return Figure(
        section, name, scale, "MB", megabytes, megabytes, megabytes, 1,
        target=f"< {limit_mb:g} MB" if limit_mb is not None else "",
        met=None if limit_mb is None else megabytes < limit_mb, note=note,
    )


def table(figures: list[Figure]) -> str:
    """The figures as a fixed-width text table, one line each, grouped by section."""
    header = ("section", "measurement", "scale", "median", "min", "max", "n", "target", "result")
    rows = []
    for f in figures:
        unit = f" {f.unit}" if f.unit != "×" else "×"
        rows.append((
            f.section, f.name + (f" ({f.note})" if f.note else ""), f.scale, f"{f.median:,.1f}{unit}",
            f"{f.low:,.1f}{unit}", f"{f.high:,.1f}{unit}", str(f.runs), f.target or "—",
            "—" if f.met is None else ("pass" if f.met else "MISS"),
        ))
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    right = {3, 4, 5, 6}

    def line(r) -> str:
        return "  ".join(c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths)))

    out = [line(header), "  ".join("-" * w for w in widths)]
    previous = None
    for f, r in zip(figures, rows):
        if previous is not None and f.section != previous:
            out.append("")
        out.append(line(r).rstrip())
        previous = f.section
    return "\n".join(out)
