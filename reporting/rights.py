"""Who may submit reports, from the claims of a signed-in user's ID token (pure: claims in, rights out).

The deployment names the claims (settings.py, from the environment):
    ROLE_CLAIM (roadmap_role) holding EDITOR_ROLE (editor)  → may submit for any executor, and review
    ROLE_CLAIM holding REVIEWER_ROLE (reviewer)             → may review (accept or return) submissions
    EXECUTOR_CLAIM (roadmap_executor) naming executors      → may submit for those executors only
    neither                                                 → reads, as everyone does
A claim may be a string or a list of strings (identity providers such as Keycloak put roles in lists);
executors are matched exactly as the decree names them ("МКС", "Карагандинская область").
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Rights:
    identity: str  # who the stored report says sent it: never a name the user typed
    executors: tuple[str, ...]  # whom this user may submit for, in the order given
    unknown: tuple[str, ...] = ()  # executors the token names that no loaded decree has
    may_review: bool = False  # a reviewer (or an editor) of МИОР: may accept or return submissions
    own: tuple[str, ...] = ()  # the executors the token itself names: whose reports this user may not review

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
           executor_claim: str, reviewer_role: str = "reviewer") -> Rights:
    """What a user with these ID-token claims may do, given every executor of the loaded decrees."""
    known = list(dict.fromkeys(executors))
    who = identity(claims)
    if not str(claims.get("sub") or "").strip():  # no subject: not a usable sign-in, whatever else it names
        return Rights(who, ())
    roles = _values(claims.get(role_claim))
    named = list(dict.fromkeys(_values(claims.get(executor_claim))))
    own = tuple(e for e in named if e in set(known))
    if editor_role in roles:
        return Rights(who, tuple(known), may_review=True, own=own)
    return Rights(who, own, tuple(e for e in named if e not in set(known)), may_review=reviewer_role in roles,
                  own=own)


def may_review(user: Rights | None, executor: str, submitter: str) -> bool:
    """Whether `user` may accept or return a submission of `executor` stored by `submitter`: a reviewer or
    editor, never on a report of an executor the user's own token names, nor on a report the user sent."""
    return bool(user and user.may_review and executor not in user.own
                and _subject(submitter) != _subject(user.identity))


def _subject(who: str) -> str:
    """The provider's stable subject in a stored identity ("… [sub 8f3…]"): a renamed account is the same user."""
    found = re.search(r"\[sub ([^\]]*)\]\s*$", who or "")
    return found.group(1) if found else (who or "")
