"""A large synthetic dataset for the benchmark: many roadmaps of different years and regions.

    python -m testing.generate [--roadmaps 1000] [--out bench/out/x1000/roadmap.parquet] [--by-year DIR]

Every roadmap is the bundled 2021 decree (67 measures) re-dated to its year and, for a regional plan,
handed to that region's akimat, with amounts, funding forms and executors varied.  The result is
deterministic (fixed seed), passes loaders.schema.check_measures like a real build, and is written
with the loader's own atomic writer, so the app reads it exactly as it reads data/roadmap.parquet.
`--by-year` also writes one file per year (roadmap_<year>.parquet with its legend beside it), for
trying ROADMAP_DATA with a glob.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from loaders.build import write_atomically
from loaders.files import legend_path
from loaders.regions import oblasts_in, sort_key
from loaders.schema import LEGEND_SCHEMA, MEASURES_SCHEMA, check_measures

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "data" / "roadmap.parquet"
DEFAULT_OUT = ROOT / "bench" / "out" / "x1000" / "roadmap.parquet"
SEED = 20210209
FIRST_YEAR = 2017
PLANS_PER_YEAR = 100  # one national plan, the rest regional plans of each region in turn

# Real bodies that later roadmaps name; added so that the ministry filter has more than the 2021 choices.
EXTRA_BODIES = {
    "МФ": "Министерство финансов Республики Казахстан",
    "МНЭ": "Министерство национальной экономики Республики Казахстан",
    "МЦРИАП": "Министерство цифрового развития, инноваций и аэрокосмической промышленности Республики Казахстан",
    "МИД": "Министерство иностранных дел Республики Казахстан",
}
SWAPPABLE_CLASSES = ("within_existing_funds", "extrabudgetary", "not_required", "unspecified")


def cities_in(year: int) -> list[str]:
    capital = "г. Нур-Султан" if 2019 <= year <= 2021 else "г. Астана"
    return [capital, "г. Алматы", "г. Шымкент"]


def regions_in(year: int) -> list[str]:
    return sorted(oblasts_in(year) + cities_in(year), key=sort_key)


def _redate(value: date, year: int) -> date:
    # 29 February does not exist in every year; the template has none, but a later one might.
    return value.replace(year=year, day=min(value.day, 28) if value.month == 2 else value.day)


def generate(roadmaps: int, template: Path = TEMPLATE) -> tuple[pa.Table, pa.Table, dict]:
    """`roadmaps` plans of 67 measures each, numbered 1… across the whole set (numbers stay unique)."""
    rows = pq.read_table(template).to_pylist()
    legend_rows = pq.read_table(legend_path(template)).to_pylist()
    template_year = rows[0]["roadmap_year"]
    bodies = [r["abbreviation"] for r in legend_rows if r["kind"] == "body" and r["abbreviation"] != "АП"]
    legend_rows += [{"abbreviation": k, "full_name": v, "kind": "body"} for k, v in EXTRA_BODIES.items()]
    executors_pool = bodies + list(EXTRA_BODIES)
    rng = random.Random(SEED)
    out: list[dict] = []
    number = 0
    for plan in range(roadmaps):
        year = FIRST_YEAR + plan // PLANS_PER_YEAR
        slot = plan % PLANS_PER_YEAR
        regions = regions_in(year)
        region = None if slot == 0 else regions[(slot - 1) % len(regions)]
        for template_row in rows:
            number += 1
            r = dict(template_row)
            r["measure_no"] = number
            r["roadmap_year"] = year
            r["deadline_start"] = _redate(r["deadline_start"], year)
            r["deadline_end"] = _redate(r["deadline_end"], year)
            r["deadline_raw"] = r["deadline_raw"].replace(str(template_year), str(year))
            ministries = list(r["ministries"])
            if ministries and rng.random() < 0.3:
                ministries[rng.randrange(len(ministries))] = rng.choice(executors_pool)
                ministries = list(dict.fromkeys(ministries))
            if region is not None:
                # A regional plan: the region's akimat executes, ministries only sometimes co-execute.
                ministries = ministries if rng.random() < 0.4 else []
                akimats = [region]
                all_regions = False
            elif r["akimats_all_regions"]:
                akimats, all_regions = regions, True
            else:
                akimats = [a for a in r["akimats"] if a in regions] or ([] if ministries else [regions[0]])
                all_regions = False
            r["ministries"], r["akimats"], r["akimats_all_regions"] = ministries, akimats, all_regions
            r["executors_raw"] = ", ".join(ministries + ([f"акимат: {a}" for a in akimats] if not all_regions
                                                         else ["акиматы областей, городов республиканского значения"]))
            _vary_funding(r, rng)
            out.append(r)
    measures = pa.Table.from_pylist(out, schema=MEASURES_SCHEMA)
    legend = pa.Table.from_pylist(legend_rows, schema=LEGEND_SCHEMA)
    last_year = FIRST_YEAR + (roadmaps - 1) // PLANS_PER_YEAR
    metadata = {
        "title": f"Синтетический набор для замеров: {roadmaps} дорожных карт {FIRST_YEAR}–{last_year} годов",
        "synthetic": "true",
        "reporting_calendar": [],
    }
    return measures, legend, metadata


def _vary_funding(r: dict, rng: random.Random) -> None:
    """Amounts scaled, and about one measure in ten switched between an amount and another funding form;
    an amount goes with budget_amount and only with it, as the schema demands."""
    if rng.random() < 0.1:
        if r["funding_class"] == "budget_amount":
            r["funding_class"], r["cost_thousand_kzt"] = rng.choice(SWAPPABLE_CLASSES), None
        else:
            r["funding_class"], r["cost_thousand_kzt"] = "budget_amount", round(rng.lognormvariate(10.5, 1.2), 1)
        r["funding_note"] = None
    elif r["cost_thousand_kzt"] is not None:
        r["cost_thousand_kzt"] = round(r["cost_thousand_kzt"] * rng.uniform(0.3, 3.0), 1) or 0.1


def write(measures: pa.Table, legend: pa.Table, metadata: dict, out: Path) -> None:
    problems = check_measures(measures, legend)
    if problems:
        raise SystemExit(f"generated data fails validation: {problems[0]}")
    meta = {b"roadmap": json.dumps(metadata, ensure_ascii=False).encode("utf-8")}
    write_atomically({out: measures.replace_schema_metadata(meta),
                      legend_path(out): legend.replace_schema_metadata(meta)})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m testing.generate", description=__doc__.splitlines()[0])
    parser.add_argument("--roadmaps", type=int, default=1000,
                        help="plans of 67 measures (default 1000: 67,000 measures)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--by-year", type=Path, help="also write one file per year into this folder")
    args = parser.parse_args(argv)
    measures, legend, metadata = generate(args.roadmaps)
    write(measures, legend, metadata, args.out)
    print(f"wrote {measures.num_rows} measures to {args.out}")
    if args.by_year:
        years = measures.column("roadmap_year").to_pylist()
        for year in sorted(set(years)):
            part = measures.filter(pa.array([y == year for y in years]))
            write(part, legend, {**metadata, "roadmap_year": str(year)}, args.by_year / f"roadmap_{year}.parquet")
        print(f"wrote {len(set(years))} yearly files to {args.by_year}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
