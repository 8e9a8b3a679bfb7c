"""Inputs of volunteer lists and of the volunteer mutations."""

from __future__ import annotations

from datetime import date
from enum import Enum

import strawberry

from api.schema.pagination import OrderDirection
from api.schema.people.types import PoliticalStatus, VolunteerStatus
from api.schema.scalars import RegionCode, SearchText


@strawberry.input(description="Filter for volunteers; all given conditions must hold.")
class VolunteerFilter:
    region: RegionCode | None = strawberry.field(
        default=None,
        description="Code of a region (6, 9 or 12 digits): volunteers registered "
        "in it and in every region under it.",
    )
    status: VolunteerStatus | None = strawberry.field(
        default=None, description="Registration status."
    )
    brigade: strawberry.ID | None = strawberry.field(
        default=None, description="Global ID of a brigade: its members."
    )
    registered_from: date | None = strawberry.field(
        default=None, description="Earliest registration date, included."
    )
    registered_to: date | None = strawberry.field(
        default=None, description="Latest registration date, included."
    )
    name_contains: SearchText | None = strawberry.field(
        default=None, description="Part of the Chinese name, e.g. 张."
    )


@strawberry.enum(description="Sort key of volunteers.")
class VolunteerOrderField(Enum):
    NUMBER = "number"
    NAME = "name"
    REGISTERED_ON = "registered_on"
    CONFIRMED_MINUTES = "confirmed_minutes"


@strawberry.input(description="Order of a volunteer list; ties are broken by id.")
class VolunteerOrder:
    field: VolunteerOrderField = VolunteerOrderField.NUMBER
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="A person registering as a volunteer.")
class RegisterVolunteerInput:
    name: str = strawberry.field(description="Name, at most 32 characters.")
    id_number: str = strawberry.field(
        description="18-character resident ID number; full-width digits and a "
        "lower-case x are accepted. Sex and birth date are taken from it."
    )
    phone: str = strawberry.field(description="Mainland mobile number.")
    region_id: strawberry.ID = strawberry.field(description="Global Region ID.")
    political_status: PoliticalStatus = strawberry.field(
        default=PoliticalStatus.MASSES, description="Political status."
    )
    tags: list[str] = strawberry.field(
        default_factory=list, description="Tags such as 退役军人 or 道德模范."
    )
    skills: list[str] = strawberry.field(
        default_factory=list, description="Skills such as 急救 or 手语."
    )
    brigade_id: strawberry.ID | None = strawberry.field(
        default=None, description="Global ID of a Brigade to join at once."
    )


@strawberry.input(description="A volunteer and a brigade.")
class BrigadeMembershipInput:
    volunteer_id: strawberry.ID = strawberry.field(description="Global Volunteer ID.")
    brigade_id: strawberry.ID = strawberry.field(description="Global Brigade ID.")
