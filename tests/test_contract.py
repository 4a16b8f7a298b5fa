"""What depends on the contract in loaders/schema.py and the grouping rule in loaders/groups.py keeps
to them: the SQL that groups measures at load, and the colours of the funding classes."""
from __future__ import annotations

import itertools

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from loaders.files import legend_path
from loaders.groups import direction_of, group_key, group_keys, group_order
from loaders.schema import FUNDING_CLASSES, SECTIONS
from roadmap.charts import FUNDING_COLOURS
from roadmap.queries import RoadmapDB
from tests.conftest import ROOT

DATA = ROOT / "data" / "roadmap.parquet"


def test_sql_groups_measures_as_loaders_groups_does():
    """Every section, with and without directions: sections the 2021 decree lacks included."""
    cases = list(itertools.product(SECTIONS, [None, 1, 2, 12]))
    table = pq.read_table(DATA).slice(0, len(cases))
    for name, values, kind in (("section", [s for s, _ in cases], pa.string()),
                               ("direction", [d for _, d in cases], pa.int32())):
        table = table.set_column(table.schema.get_field_index(name), name, pa.array(values, kind))
    db = RoadmapDB(table, pq.read_table(legend_path(DATA)), {})
    rows = db._run("SELECT section, direction, group_key, group_order FROM measures", {})
    for section, direction, key, order in rows.itertuples(index=False):
        direction = None if pd.isna(direction) else int(direction)
        assert (key, order) == (group_key(section, direction), group_order(section, direction))  # one decree
        assert direction_of(key) == direction


def test_every_funding_class_has_a_colour():
    assert set(FUNDING_COLOURS) == set(FUNDING_CLASSES)


def test_two_decrees_that_name_a_group_differently_keep_it_apart():
    """The same rule in SQL and in Python: a direction named differently in two years is two groups."""
    base = pq.read_table(DATA).slice(0, 4)
    rows = [("I", 1, 2021, "Личностное развитие"), ("I", 1, 2023, "Финансовая грамотность"),
            ("II", None, 2021, "Сопровождение"), ("II", None, 2023, "Сопровождение")]
    columns = {"section": (pa.string(), 0), "direction": (pa.int32(), 1), "roadmap_year": (pa.int32(), 2),
               "direction_name": (pa.string(), 3), "section_name": (pa.string(), 3)}
    for name, (kind, i) in columns.items():
        values = [r[i] if not (name == "direction_name" and r[1] is None) else None for r in rows]
        base = base.set_column(base.schema.get_field_index(name), name, pa.array(values, kind))
    base = base.set_column(base.schema.get_field_index("measure_no"), "measure_no", pa.array([1, 1, 2, 2], pa.int32()))
    db = RoadmapDB(base, pq.read_table(legend_path(DATA)), {})
    got = db._run("SELECT group_key, group_order FROM measures ORDER BY roadmap_year, measure_no", {})
    keys, orders = group_keys([r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows], [r[3] for r in rows])
    assert list(got.group_key) == ["2021-D1", "II", "2023-D1", "II"]
    assert sorted(zip(keys, orders)) == sorted(zip(got.group_key, got.group_order))
    order = dict(zip(got.group_key, got.group_order, strict=True))
    assert sorted(got.group_key, key=order.get) == ["2021-D1", "2023-D1", "II", "II"]

