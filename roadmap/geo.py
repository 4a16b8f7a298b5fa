"""The region boundaries the map draws (data/geo/, Natural Earth, public domain): read once per process."""
from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path

from loaders.regions import canonical_geo_name

from .config import GEO_DIR, MAP_OUTLINE_TOLERANCE

Point = tuple[float, float]
DIGITS = 4  # decimals of a degree kept (~10 m): the browser is sent a short number, not seventeen digits


@cache
def region_geometry(geo_dir: Path = GEO_DIR, tolerance: float = MAP_OUTLINE_TOLERANCE) -> tuple[list, list]:
    """Region outlines as (canonical name, rings of (lon, lat)) and city points (name, lon, lat); each ring keeps
    the points that matter at `tolerance` degrees (`simplified`)."""
    shapes = []
    with open(geo_dir / "kz_regions_2021.geojson", encoding="utf-8") as f:
        for feature in json.load(f)["features"]:
            name = canonical_geo_name(feature["properties"])
            geometry = feature["geometry"]
            polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
            rings = [[(round(lon, DIGITS), round(lat, DIGITS)) for lon, lat in polygon[0]] for polygon in polygons]
            shapes.append((name, [simplified(ring, tolerance) for ring in rings]))
    with open(geo_dir / "kz_regions_2021.points.json", encoding="utf-8") as f:
        points = [(canonical_geo_name(p["properties"]), *p["geometry"]["coordinates"])
                  for p in json.load(f)["features"]]
    return shapes, points


def simplified(ring: list[Point], tolerance: float) -> list[Point]:
    """The ring with the points Douglas-Peucker finds it can leave out (each within `tolerance` of the line
    the kept points draw); its first and last points, and so its closing, are always kept."""
    if len(ring) < 4 or tolerance <= 0:
        return ring
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    spans = [(0, len(ring) - 1)]
    while spans:
        first, last = spans.pop()
        (x1, y1), (x2, y2) = ring[first], ring[last]
        dx, dy = x2 - x1, y2 - y1
        length = math.hypot(dx, dy)
        farthest, at = 0.0, None
        for i in range(first + 1, last):
            x, y = ring[i]
            # from the chord between the span's ends; a closed ring's chord is a point, so the distance to it
            away = abs(dy * (x - x1) - dx * (y - y1)) / length if length else math.hypot(x - x1, y - y1)
            if away > farthest:
                farthest, at = away, i
        if at is not None and farthest > tolerance:
            keep[at] = True
            spans += [(first, at), (at, last)]
    return [point for point, kept in zip(ring, keep, strict=True) if kept]
