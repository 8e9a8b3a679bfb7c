"""Scope checks as pure functions over the actor."""

from __future__ import annotations

import pytest

from db.models.enums import Role
from domain import permissions
from domain.actor import ANONYMOUS, Actor
from domain.errors import Forbidden

CAPTAIN = Actor(label="captain", role=Role.CAPTAIN, brigade_path="/1/4/")


@pytest.mark.parametrize(
    ("path", "allowed"),
    [("/1/4/", True), ("/1/4/37/", True), ("/1/", False), ("/1/40/", False)],
)
def test_captain_scope_is_subtree(path: str, allowed: bool) -> None:
    assert permissions.is_captain_of(CAPTAIN, path) is allowed


def test_administrator_passes_project_check() -> None:
    admin = Actor(label="admin", role=Role.ADMINISTRATOR)

    permissions.require_project(admin, alliance_id=None, brigade_path=None)


def test_convener_limited_to_own_alliance() -> None:
    convener = Actor(label="convener", role=Role.CONVENER, alliance_id=3)

    permissions.require_project(convener, alliance_id=3, brigade_path=None)
    with pytest.raises(Forbidden):
        permissions.require_project(convener, alliance_id=4, brigade_path=None)


def test_volunteer_limited_to_self() -> None:
    volunteer = Actor(label="v", role=Role.VOLUNTEER, volunteer_id=9)

    permissions.require_self(volunteer, 9)
    with pytest.raises(Forbidden):
        permissions.require_self(volunteer, 10)


def test_anonymous_is_not_staff() -> None:
    with pytest.raises(Forbidden):
        permissions.require_staff(ANONYMOUS)
