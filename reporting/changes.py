"""What a submission changes against the executor's earlier reports for the same round."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .validate import ReportRow


@dataclass(frozen=True)
class Changes:
    """What a submission changes against the executor's earlier reports for the same round."""
    newly_reported: tuple[tuple[int, int], ...]  # measures reported for the first time this round
    status_changed: tuple[tuple[tuple[int, int], str, str], ...]  # (measure, before, now)
    spent_changed: tuple[tuple[tuple[int, int], float | None, float | None], ...]
    comment_changed: tuple[tuple[int, int], ...]
    unchanged: tuple[tuple[int, int], ...]
    left_out: tuple[tuple[int, int], ...]  # reported before, not in this file: the earlier report stands

    @property
    def first_report(self) -> bool:
        return not (self.status_changed or self.spent_changed or self.comment_changed or self.unchanged
                    or self.left_out)

    def lines(self, t) -> list[str]:
        """One line per change, in the language of the catalogue `t`: the Reports page, the review and the CLI
        say it alike."""
        out = [f"{t.measure(no)}: {t.STATUS_NAMES.get(before, before)} → {t.STATUS_NAMES.get(now, now)}"
               for (_, no), before, now in self.status_changed]
        out += [f"{t.measure(no)}: " + t.REPORTS_CHANGE_SPENT.format(before=_amount(before, t), now=_amount(now, t))
                for (_, no), before, now in self.spent_changed]
        out += [f"{t.measure(no)}: {t.REPORTS_CHANGE_COMMENT}" for _, no in self.comment_changed]
        if self.newly_reported:
            out.append(t.REPORTS_NEWLY.format(measures=", ".join(str(no) for _, no in self.newly_reported)))
        if self.left_out:
            out.append(t.REPORTS_LEFT_OUT.format(measures=", ".join(str(no) for _, no in self.left_out)))
        return out


def _amount(value: float | None, t) -> str:
    return "—" if value is None else t.number(value, 1)


def _as_dict(row: Any) -> dict[str, Any]:
    if isinstance(row, ReportRow):
        return {"roadmap_year": row.roadmap_year, "measure_no": row.measure_no, "status": row.status,
                "spent_thousand_kzt": row.spent_thousand_kzt, "comment": row.comment}
    return dict(row)


def changes(previous_rows: Iterable[Any], new_rows: Iterable[Any]) -> Changes:
    """Compare the executor's previous reports for a round (its latest row per measure: latest_rows(…,
    executor=…, round=…) before the new file was stored) with a new submission's rows (ReportRow or
    mappings with roadmap_year, measure_no, status, spent_thousand_kzt, comment)."""
    before = {(r["roadmap_year"], r["measure_no"]): r for r in map(_as_dict, previous_rows)}
    after = {(r["roadmap_year"], r["measure_no"]): r for r in map(_as_dict, new_rows)}
    new, status, spent, comment, same = [], [], [], [], []
    for key in sorted(after):
        now, then = after[key], before.get(key)
        if then is None:
            new.append(key)
            continue
        changed = False
        if now["status"] != then["status"]:
            status.append((key, then["status"], now["status"]))
            changed = True
        if now.get("spent_thousand_kzt") != then.get("spent_thousand_kzt"):
            spent.append((key, then.get("spent_thousand_kzt"), now.get("spent_thousand_kzt")))
            changed = True
        if (now.get("comment") or None) != (then.get("comment") or None):
            comment.append(key)
            changed = True
        if not changed:
            same.append(key)
    left = tuple(k for k in sorted(before) if k not in after)
    return Changes(tuple(new), tuple(status), tuple(spent), tuple(comment), tuple(same), left)
