"""Filter and order inputs of volunteer lists."""

from __future__ import annotations

from datetime import date
from enum import Enum

import strawberry

from api.schema.pagination import OrderDirection
from api.schema.people.types import VolunteerStatus


@strawberry.input(description="Filter for volunteers; all given conditions must hold.")
class VolunteerFilter:
    region: str | None = strawberry.field(
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
    name_contains: str | None = strawberry.field(
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
