"""Where the files of one dataset lie relative to each other, for the loader that writes them and the
app that reads them."""
from __future__ import annotations

from pathlib import Path


def legend_path(out: Path) -> Path:
    """The legend beside its measures: roadmap.parquet → roadmap_legend.parquet."""
    return out.with_name(f"{out.stem}_legend{out.suffix}")
