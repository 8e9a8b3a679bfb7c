"""Disclosure of personal data and partner scope, from the actor alone."""

from __future__ import annotations

from db.models.enums import Role
from domain.actor import ANONYMOUS, Actor
from domain.permissions import partner_reaches
from domain.privacy import Disclosure, disclosure_for, may_read_records

CAPTAIN = Actor(label="CAPTAIN:c", role=Role.CAPTAIN, brigade_path="/1/4/")
PARTNER = Actor(
    label="PARTNER:p",
    partner_unit_id=1,
    partner_alliance_ids=frozenset({3}),
    partner_region_codes=frozenset({"330282001"}),
)
ADMIN = Actor(label="ADMINISTRATOR:a", role=Role.ADMINISTRATOR)


def test_partner_reaches_its_alliances_and_regions() -> None:
    assert partner_reaches(PARTNER, alliance_id=3)
    assert partner_reaches(PARTNER, region_code="330282001203")
    assert not partner_reaches(PARTNER, alliance_id=2, region_code="330282002")
    assert not partner_reaches(ANONYMOUS, alliance_id=3)
    assert not partner_reaches(ADMIN, alliance_id=3)


def test_disclosure_per_actor() -> None:
    volunteer = Actor(label="VOLUNTEER:v", role=Role.VOLUNTEER, volunteer_id=7)

    assert disclosure_for(volunteer, 7) is Disclosure.FULL
    assert disclosure_for(volunteer, 8) is Disclosure.MASKED
    assert disclosure_for(ADMIN, 8) is Disclosure.FULL
    assert disclosure_for(CAPTAIN, 8) is Disclosure.MASKED
    assert disclosure_for(PARTNER, 8) is Disclosure.NONE
    assert disclosure_for(ANONYMOUS, 8) is Disclosure.NONE


def test_records_readers_per_actor() -> None:
    volunteer = Actor(label="VOLUNTEER:v", role=Role.VOLUNTEER, volunteer_id=7)

    assert may_read_records(volunteer, 7)
    assert not may_read_records(volunteer, 8)
    assert may_read_records(ADMIN, 8)
    assert not may_read_records(CAPTAIN, 8)
    assert not may_read_records(CAPTAIN, 8, ["/1/5/"])
    assert may_read_records(CAPTAIN, 8, ["/1/5/", "/1/4/9/"])
    assert not may_read_records(PARTNER, 8)
    assert not may_read_records(ANONYMOUS, 8)
