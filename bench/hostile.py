"""Hostile report files against a valid template: each kind of testing/hostile.py validated in a child process,
its verdict, peak memory and CPU beside the valid template's, and whether it stayed within the issue's bounds
(+150 MB of peak RSS, +3 s of CPU).  ``python -m bench.run --sections hostile``, or alone:

    python -m bench.hostile

The same files and the same measurement as tests/test_hostile_reports.py, which asserts what this prints.
"""
from __future__ import annotations

from bench.measure import Figure
from testing import hostile


def verdicts() -> tuple[hostile.Run, list[hostile.Verdict]]:
    valid = hostile.measure_valid()
    found = []
    for kind in hostile.KINDS:
        print(f"  {kind.key} …", flush=True)
        found.append(hostile.Verdict(kind, hostile.measure_kind(kind), valid))
    return valid, found


def report(valid: hostile.Run, found: list[hostile.Verdict]) -> str:
    """One line per kind: verdict, peak RSS, its excess over the valid template, CPU, its excess, bounds."""
    header = ("hostile file", "verdict", "peak RSS", "+ vs valid", "CPU", "+ vs valid", "within bounds")
    rows = [("valid template (the reference)", valid.summary, f"{valid.rss_mb:,.0f} MB", "—",
             f"{valid.cpu_s:.2f} s", "—", "—")]
    for v in found:
        failures = v.failures()
        rows.append((v.kind.label, v.run.summary, f"{v.run.rss_mb:,.0f} MB", f"{v.rss_over:+,.0f} MB",
                     f"{v.run.cpu_s:.2f} s", f"{v.cpu_over:+.2f} s",
                     "yes" if not failures else "NO: " + "; ".join(failures)))
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    right = {2, 3, 4, 5}

    def line(r) -> str:
        return "  ".join(c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths))).rstrip()

    return "\n".join([line(header), "  ".join("-" * w for w in widths), *map(line, rows)])


def figures(valid: hostile.Run, found: list[hostile.Verdict]) -> list[Figure]:
    """For bench/results.json: each kind's peak RSS over the valid template's, its target the bound, and the
    verdict and CPU in the note."""
    out = []
    for v in found:
        out.append(Figure(
            "hostile", v.kind.label, "", "MB", v.rss_over, v.rss_over, v.rss_over, 1,
            target=f"< +{hostile.RSS_OVER_VALID_MB} MB, < +{hostile.CPU_OVER_VALID_S:g} s, {v.kind.expected}",
            met=not v.failures(),
            note=f"{v.run.summary}; peak {v.run.rss_mb:,.0f} MB; CPU {v.run.cpu_s:.2f} s ({v.cpu_over:+.2f} s)"))
    return out


def main() -> int:
    valid, found = verdicts()
    print(report(valid, found))
    return 0 if all(not v.failures() for v in found) else 1


if __name__ == "__main__":
    raise SystemExit(main())
