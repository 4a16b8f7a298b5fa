"""What depends on the contract in loaders/schema.py and the grouping rule in loaders/groups.py keeps
to them: the SQL that groups measures at load, and the colours of the funding classes."""
from __future__ import annotations

import itertools

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from loaders.files import legend_path
from loaders.groups import direction_of, group_key, group_order
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
        assert (key, order) == (group_key(section, direction), group_order(section, direction))
        assert direction_of(key) == direction


def test_every_funding_class_has_a_colour():
    assert set(FUNDING_COLOURS) == set(FUNDING_CLASSES)
