"""Who may submit, from an ID token's claims (reporting/rights.py): table-driven."""
import pytest

from reporting.rights import identity, may_review, rights

KNOWN = ["МКС", "МОН", "Карагандинская область"]
CLAIMS = dict(role_claim="roadmap_role", editor_role="editor", executor_claim="roadmap_executor")

CASES = [
    # (claims, executors allowed, unknown executors named)
    ({"sub": "u1"}, (), ()),
    ({"sub": "u1", "roadmap_role": "editor"}, tuple(KNOWN), ()),
    ({"sub": "u1", "roadmap_role": ["viewer", "editor"]}, tuple(KNOWN), ()),  # Keycloak-style role lists
    ({"sub": "u1", "roadmap_role": "Editor"}, (), ()),  # a role is matched exactly, as the provider issues it
    ({"sub": "u1", "roadmap_role": "viewer"}, (), ()),
    ({"sub": "u1", "roadmap_executor": "МКС"}, ("МКС",), ()),
    ({"sub": "u1", "roadmap_executor": " МКС "}, ("МКС",), ()),
    ({"sub": "u1", "roadmap_executor": ["МОН", "Карагандинская область", "МОН"]},
     ("МОН", "Карагандинская область"), ()),
    ({"sub": "u1", "roadmap_executor": "МИНФИН"}, (), ("МИНФИН",)),
    ({"sub": "u1", "roadmap_executor": ["МКС", "МИНФИН"]}, ("МКС",), ("МИНФИН",)),
    ({"sub": "u1", "roadmap_executor": ""}, (), ()),
    ({"sub": "u1", "roadmap_executor": {"name": "МКС"}}, (), ()),  # not a string or a list of them
    ({"sub": "u1", "roadmap_executor": [1, None, "МКС"]}, ("МКС",), ()),
    ({"roadmap_role": "editor"}, (), ()),  # no subject: not a usable sign-in
    ({"name": "X", "roadmap_role": "editor"}, (), ()),  # a name is no subject either
    ({"sub": "  ", "roadmap_executor": "МКС"}, (), ()),
    ({"sub": "u1", "roadmap_role": "editor", "roadmap_executor": "МКС"}, tuple(KNOWN), ()),
]


@pytest.mark.parametrize(("claims", "allowed", "unknown"), CASES)
def test_rights_from_claims(claims, allowed, unknown):
    got = rights(claims, KNOWN, **CLAIMS)
    assert got.executors == allowed
    assert got.unknown == unknown
    assert got.may_submit == bool(allowed)


def test_the_claim_names_are_the_deployments():
    claims = {"sub": "u1", "groups": ["roadmap-editors"], "org": "МОН"}
    assert rights(claims, KNOWN, role_claim="groups", editor_role="roadmap-editors",
                  executor_claim="org").executors == tuple(KNOWN)
    assert rights(claims, KNOWN, role_claim="roles", editor_role="editor", executor_claim="org").executors == ("МОН",)


@pytest.mark.parametrize(("claims", "expected"), [
    ({"sub": "8f3a", "name": "Иванов И.", "email": "ivanov@gov.kz"}, "Иванов И. <ivanov@gov.kz> [sub 8f3a]"),
    ({"sub": "8f3a", "preferred_username": "ivanov"}, "ivanov [sub 8f3a]"),
    ({"sub": "8f3a", "email": "ivanov@gov.kz"}, "<ivanov@gov.kz> [sub 8f3a]"),
    ({"sub": "8f3a"}, "8f3a"),
    ({}, ""),
])
def test_the_identity_stored_is_the_tokens_never_a_typed_name(claims, expected):
    assert identity(claims) == expected


REVIEW_CASES = [
    # (claims, may review at all, review МКС's report sent by someone else, review its own sending)
    ({"sub": "r1", "roadmap_role": "reviewer"}, True, True, False),
    ({"sub": "r1", "roadmap_role": ["viewer", "reviewer"]}, True, True, False),
    ({"sub": "e1", "roadmap_role": "editor"}, True, True, False),  # an editor may review too
    ({"sub": "r1", "roadmap_role": "Reviewer"}, False, False, False),  # matched exactly
    ({"sub": "x1", "roadmap_executor": "МКС"}, False, False, False),  # an executor only submits
    ({"sub": "x1", "roadmap_role": "reviewer", "roadmap_executor": "МКС"}, True, False, False),  # not its own
    ({"sub": "x1", "roadmap_role": "editor", "roadmap_executor": "МКС"}, True, False, False),
    ({"roadmap_role": "reviewer"}, False, False, False),  # no subject: no rights at all
    ({"sub": "r1"}, False, False, False),
]


@pytest.mark.parametrize(("claims", "reviews", "others", "own_sending"), REVIEW_CASES)
def test_who_may_review(claims, reviews, others, own_sending):
    user = rights(claims, KNOWN, **CLAIMS, reviewer_role="reviewer")
    assert user.may_review == reviews
    assert may_review(user, "МКС", "Иванов [sub someone-else]") == others
    assert may_review(user, "МОН", user.identity) == own_sending  # a report this user sent is never theirs to review
    assert not may_review(None, "МКС", "x")
