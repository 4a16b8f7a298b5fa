"""The charts drawn for a phone's width (`narrow=True`): a bar's title above it and only its number on the
axis, the map's labels only where they fit.  The browser suite (tests/browser/test_layout.py) checks what the
browser then draws; these check the figures themselves, from the bundled data."""
from __future__ import annotations

from datetime import date

import pytest

from i18n import kk, ru
from roadmap import charts, config, geo
from roadmap.charts.executors import MAP_LAT_STRETCH, MAP_SCALE, _fitting_labels
from roadmap.filters import Filters
from roadmap.queries import RoadmapDB
from tests.helpers import DATA


@pytest.fixture(scope="module")
def db() -> RoadmapDB:
    return RoadmapDB.open(DATA)


@pytest.mark.parametrize("t", [ru, kk])
def test_a_phones_gantt_writes_each_title_above_its_bar_and_numbers_the_axis(db, t):
    bars = db.filtered("gantt_measures", Filters(), limit=config.GANTT_MAX_BARS)
    wide = charts.gantt(bars, [], date(2021, 6, 1), t=t)
    narrow = charts.gantt(bars, [], date(2021, 6, 1), t=t, narrow=True)
    numbers = charts.measure_labels(bars, t)
    assert set(narrow.layout.yaxis.categoryarray) == set(numbers)
    assert all(" · " in label for label in wide.layout.yaxis.categoryarray)  # the desktop keeps titled labels
    titles = {a.y: a.text for a in narrow.layout.annotations if a.yref == "y"}
    assert set(titles) == set(numbers)
    for number, title in zip(numbers, bars.title, strict=True):
        assert title.startswith(titles[number].rstrip("…")[:20])
        assert len(titles[number]) <= 41
    assert narrow.layout.height > wide.layout.height  # a row of its own for each title


def test_a_phones_ranked_costs_keep_the_axis_title_and_write_titles_above_bars(db):
    ranked = db.filtered("ranked_costs", Filters(), limit=config.RANKED_MAX_BARS)
    fig = charts.ranked_costs(ranked, t=ru, narrow=True)
    assert list(fig.data[0].y) == charts.measure_labels(ranked, ru)
    assert fig.layout.xaxis.title.text == ru.COL_COST
    assert len([a for a in fig.layout.annotations if a.yref == "y"]) == len(ranked)


def _boxes(fig, size: int, scale: float):
    for a in fig.layout.annotations:
        if a.xref in (None, "x"):
            half_w = (0.62 * size * len(a.text) / 2 + 2) / scale
            half_h = (0.65 * size + 1) / (scale * MAP_LAT_STRETCH)
            yield a.text, (a.x - half_w, a.y - half_h, a.x + half_w, a.y + half_h)


@pytest.mark.parametrize("narrow", [False, True])
def test_the_maps_labels_never_cover_one_another(db, narrow):
    workload = db.filtered("executor_workload", Filters())
    akimats = workload[workload.executor_kind == "akimat"]
    shapes, points = geo.region_geometry()
    named = dict(zip(akimats.executor, akimats.named_measures, strict=True))
    collective = dict(zip(akimats.executor, akimats.measures - akimats.named_measures, strict=True))
    fig = charts.region_map(named, shapes, points, t=ru, collective=collective, narrow=narrow)
    boxes = list(_boxes(fig, 10 if narrow else 12, MAP_SCALE[narrow]))
    assert len(boxes) >= 8  # most regions keep their number
    for i, (_, a) in enumerate(boxes):
        for _, b in boxes[i + 1:]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
    assert fig.layout.height < 400 if narrow else fig.layout.height >= 400


def test_a_label_that_does_not_fit_gives_way_to_the_region_with_more_measures_of_its_own():
    labelled = [("small", 70.0, 50.0), ("busy", 70.5, 50.0), ("far", 80.0, 45.0)]
    counts = {"small": 0, "busy": 3, "far": 0}
    fitting = _fitting_labels(labelled, lambda name: "0 + 46", lambda name: -counts[name], 12, 14.5)
    assert fitting == {"busy", "far"}
    # Far enough apart at a desktop's scale, the two fit; at a phone's they do not.
    apart = [("a", 70.0, 50.0), ("b", 73.5, 50.0)]
    assert _fitting_labels(apart, lambda name: "0 + 46", lambda name: 0, 12, 14.5) == {"a", "b"}
    assert len(_fitting_labels(apart, lambda name: "0 + 46", lambda name: 0, 12, 7.5)) == 1
    # A city's marker is no place for a label either.
    assert _fitting_labels([("a", 70.0, 50.0)], lambda name: "1", lambda name: 0, 12, 14.5,
                           markers=[(70.0, 50.0)]) == set()
