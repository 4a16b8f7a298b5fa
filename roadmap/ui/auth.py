"""Sign-in (st.login, OpenID Connect) and what the signed-in user may do (reporting/rights.py)."""
from __future__ import annotations

import streamlit as st

from reporting.rights import Rights, rights
from roadmap import config


def configured() -> bool:
    """Whether sign-in is set up: an `[auth]` section in .streamlit/secrets.toml.  Without it the app is
    read-only and reports are taken by the operator's CLI."""
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all: Streamlit raises its own not-found error on access
        return False


def signed_in() -> bool:
    return configured() and bool(st.user.is_logged_in)


def current_rights(executors: list[str]) -> Rights | None:
    """The signed-in user's rights, or None when nobody is signed in."""
    if not signed_in():
        return None
    claims = st.user.to_dict()
    return rights(claims, executors, role_claim=config.ROLE_CLAIM, editor_role=config.EDITOR_ROLE,
                  executor_claim=config.EXECUTOR_CLAIM, reviewer_role=config.REVIEWER_ROLE)
