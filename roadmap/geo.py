"""The region boundaries the map draws (data/geo/, Natural Earth, public domain): read once per process."""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from loaders.regions import canonical_geo_name

from .config import GEO_DIR


@cache
def region_geometry(geo_dir: Path = GEO_DIR) -> tuple[list, list]:
    """Region outlines as (canonical name, rings of (lon, lat)) and city points (name, lon, lat)."""
    shapes = []
    with open(geo_dir / "kz_regions_2021.geojson", encoding="utf-8") as f:
        for feature in json.load(f)["features"]:
            name = canonical_geo_name(feature["properties"])
            geometry = feature["geometry"]
            polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
            shapes.append((name, [[tuple(p) for p in polygon[0]] for polygon in polygons]))
    with open(geo_dir / "kz_regions_2021.points.json", encoding="utf-8") as f:
        points = [(canonical_geo_name(p["properties"]), *p["geometry"]["coordinates"])
                  for p in json.load(f)["features"]]
    return shapes, points
