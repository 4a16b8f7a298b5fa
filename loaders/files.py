"""Where the files of one dataset lie relative to each other, for the loader that writes them and the
app that reads them."""
from __future__ import annotations

from pathlib import Path


def legend_path(out: Path) -> Path:
    """The legend beside its measures: roadmap.parquet → roadmap_legend.parquet."""
    return out.with_name(f"{out.stem}_legend{out.suffix}")


def is_legend(path: Path) -> bool:
    return path.stem.endswith("_legend")


def dataset_files(spec: str | Path) -> list[Path]:
    """The parquet files a dataset setting names: one path, or a glob whose matches are read in name
    order.  A glob such as data/*.parquet also matches the legends beside the files: those are skipped."""
    import glob

    text = str(spec)
    if not glob.has_magic(text):
        return [Path(text)]
    files = [Path(p) for p in sorted(glob.glob(text)) if not is_legend(Path(p))]
    if not files:
        raise FileNotFoundError(f"no parquet file matches {text}")
    return files
