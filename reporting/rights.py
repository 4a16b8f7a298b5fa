"""Who may submit reports, from the claims of a signed-in user's ID token (pure: claims in, rights out).

The deployment names the claims (settings.py, from the environment):
    ROLE_CLAIM (roadmap_role) holding EDITOR_ROLE (editor)  → may submit for any executor
    EXECUTOR_CLAIM (roadmap_executor) naming executors      → may submit for those executors only
    neither                                                 → reads, as everyone does
A claim may be a string or a list of strings (identity providers such as Keycloak put roles in lists);
executors are matched exactly as the decree names them ("МКС", "Карагандинская область").
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Rights:
    identity: str  # who the stored report says sent it: never a name the user typed
    executors: tuple[str, ...]  # whom this user may submit for, in the order given
    unknown: tuple[str, ...] = ()  # executors the token names that no loaded decree has

    @property
    def may_submit(self) -> bool:
        return bool(self.executors)


def _values(claim: object) -> list[str]:
    if isinstance(claim, str):
        return [claim.strip()] if claim.strip() else []
    if isinstance(claim, Iterable) and not isinstance(claim, Mapping | bytes):
        return [str(v).strip() for v in claim if isinstance(v, str) and v.strip()]
    return []


def identity(claims: Mapping[str, object]) -> str:
    """The signed-in user as stored with a report: a readable name and the provider's stable subject
    ("Иванов И. <ivanov@gov.kz> [sub 8f3…]"), so that a renamed account still identifies the sender."""
    sub = str(claims.get("sub") or "").strip()
    readable = next((str(claims[k]).strip() for k in ("name", "preferred_username") if claims.get(k)), "")
    email = str(claims.get("email") or "").strip()
    parts = [p for p in (readable, f"<{email}>" if email else "") if p]
    label = " ".join(parts) or sub
    return f"{label} [sub {sub}]" if sub and label != sub else label


def rights(claims: Mapping[str, object], executors: Iterable[str], *, role_claim: str, editor_role: str,
           executor_claim: str) -> Rights:
    """What a user with these ID-token claims may do, given every executor of the loaded decrees."""
    known = list(dict.fromkeys(executors))
    who = identity(claims)
    if not str(claims.get("sub") or "").strip():  # no subject: not a usable sign-in, whatever else it names
        return Rights(who, ())
    if editor_role in _values(claims.get(role_claim)):
        return Rights(who, tuple(known))
    named = list(dict.fromkeys(_values(claims.get(executor_claim))))
    known_set = set(known)
    return Rights(who, tuple(e for e in named if e in known_set), tuple(e for e in named if e not in known_set))
