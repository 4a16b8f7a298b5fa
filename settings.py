"""The deployment's settings: every environment variable the product reads, and the paths they default to.

One home for them, below everything else (the loader, reporting and the app all read from here); the
README's table of environment variables is held equal to ``VARIABLES`` by tests/test_docs.py.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent
DATA_DIR = ROOT / "data"


@dataclass(frozen=True)
class Variable:
    name: str
    default: str
    means: str

    @property
    def value(self) -> str:
        return os.environ.get(self.name) or self.default


VARIABLES: dict[str, Variable] = {v.name: v for v in (
    Variable("ROADMAP_DATA", str(DATA_DIR / "roadmap.parquet"),
             "the dataset: a parquet file, or a glob of several decrees' files read as one (each legend beside "
             "its file)"),
    Variable("ROADMAP_REPORTS", str(DATA_DIR / "reports"),
             "the reports directory: every submission, each an immutable file; "
             "replicas may share it"),
    Variable("ROADMAP_REPORTS_POLL_SECONDS", "5",
             "how often an idle page looks for submissions stored by other sessions or replicas"),
    Variable("ROADMAP_ROLE_CLAIM", "roadmap_role", "the ID-token claim that holds a user's role"),
    Variable("ROADMAP_EDITOR_ROLE", "editor", "the role that may submit for any executor, and review"),
    Variable("ROADMAP_REVIEWER_ROLE", "reviewer",
             "the role that may review submissions: accept them, or return them with a reason"),
    Variable("ROADMAP_EXECUTOR_CLAIM", "roadmap_executor",
             "the ID-token claim naming the executor(s) a user may submit for"),
)}


def get(name: str) -> str:
    return VARIABLES[name].value


MEASURES_PARQUET = get("ROADMAP_DATA")
REPORTS_DIR = Path(get("ROADMAP_REPORTS"))
REPORTS_POLL_SECONDS = float(get("ROADMAP_REPORTS_POLL_SECONDS"))
ROLE_CLAIM = get("ROADMAP_ROLE_CLAIM")
EDITOR_ROLE = get("ROADMAP_EDITOR_ROLE")
REVIEWER_ROLE = get("ROADMAP_REVIEWER_ROLE")
EXECUTOR_CLAIM = get("ROADMAP_EXECUTOR_CLAIM")
