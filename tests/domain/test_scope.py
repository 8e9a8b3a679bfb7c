"""Scope checks compare the actor with loaded columns."""

from __future__ import annotations

from db.models.enums import Role
from domain.actor import ANONYMOUS, Actor
from domain.privacy import Disclosure, disclosure_for
from domain.scope import manages_alliance, manages_brigade, partner_reaches

CAPTAIN = Actor(label="CAPTAIN:c", role=Role.CAPTAIN, brigade_path="/1/4/")
CONVENER = Actor(label="CONVENER:c", role=Role.CONVENER, alliance_id=2)
PARTNER = Actor(
    label="PARTNER:p",
    partner_unit_id=1,
    partner_alliance_ids=frozenset({3}),
    partner_region_codes=frozenset({"330282001"}),
)
ADMIN = Actor(label="ADMINISTRATOR:a", role=Role.ADMINISTRATOR)


def test_captain_manages_own_subtree_only() -> None:
    assert manages_brigade(CAPTAIN, "/1/4/")
    assert manages_brigade(CAPTAIN, "/1/4/37/")
    assert not manages_brigade(CAPTAIN, "/1/5/")
    assert not manages_brigade(CAPTAIN, "/1/")
    assert not manages_brigade(CAPTAIN, "/1/41/")
    assert not manages_brigade(CONVENER, "/1/4/")
    assert manages_brigade(ADMIN, "/1/5/")


def test_convener_manages_own_alliance_only() -> None:
    assert manages_alliance(CONVENER, 2)
    assert not manages_alliance(CONVENER, 3)
    assert not manages_alliance(CONVENER, None)
    assert not manages_alliance(CAPTAIN, 2)


def test_partner_reaches_its_alliances_and_regions() -> None:
    assert partner_reaches(PARTNER, alliance_id=3)
    assert partner_reaches(PARTNER, region_code="330282001203")
    assert not partner_reaches(PARTNER, alliance_id=2, region_code="330282002")
    assert not partner_reaches(ANONYMOUS, alliance_id=3)


def test_disclosure_per_actor() -> None:
    volunteer = Actor(label="VOLUNTEER:v", role=Role.VOLUNTEER, volunteer_id=7)

    assert disclosure_for(volunteer, 7) is Disclosure.FULL
    assert disclosure_for(volunteer, 8) is Disclosure.MASKED
    assert disclosure_for(ADMIN, 8) is Disclosure.FULL
    assert disclosure_for(CAPTAIN, 8) is Disclosure.MASKED
    assert disclosure_for(PARTNER, 8) is Disclosure.NONE
    assert disclosure_for(ANONYMOUS, 8) is Disclosure.NONE
