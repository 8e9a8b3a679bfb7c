"""Inputs of hall lists and of the hall mutations."""

from __future__ import annotations

from enum import Enum

import strawberry

from api.schema.pagination import OrderDirection
from api.schema.scalars import RegionCode, SearchText


@strawberry.input(description="Filter for halls; all given conditions must hold.")
class HallFilter:
    region: RegionCode | None = strawberry.field(
        default=None,
        description="Code of a region (6, 9 or 12 digits): halls of villages in it "
        "or under it.",
    )
    brigade: strawberry.ID | None = strawberry.field(
        default=None, description="Global ID of the managing brigade."
    )
    min_star_rating: int | None = strawberry.field(
        default=None, description="Lowest star rating, 1-5, included."
    )
    name_contains: SearchText | None = strawberry.field(
        default=None, description="Part of the Chinese name, e.g. 礼堂."
    )


@strawberry.enum(description="Sort key of halls.")
class HallOrderField(Enum):
    NAME = "name"
    STAR_RATING = "star_rating"
    AREA = "area_m2"
    ID = "id"


@strawberry.input(description="Order of a hall list; ties are broken by id.")
class HallOrder:
    field: HallOrderField = HallOrderField.ID
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="The five haves (五有) a hall is assessed on.")
class FiveHavesInput:
    venue: bool = strawberry.field(default=False, description="Has a venue.")
    exhibition: bool = strawberry.field(default=False, description="Has exhibits.")
    activities: bool = strawberry.field(default=False, description="Holds activities.")
    team: bool = strawberry.field(default=False, description="Has a team.")
    mechanism: bool = strawberry.field(
        default=False, description="Has a working mechanism."
    )


@strawberry.input(description="A new cultural hall of a village.")
class CreateHallInput:
    name: str = strawberry.field(description="Name, at most 128 characters.")
    village_id: strawberry.ID = strawberry.field(
        description="Global ID of a VILLAGE Region without a hall."
    )
    area_m2: int = strawberry.field(description="Floor area in square metres, > 0.")
    star_rating: int = strawberry.field(description="Star rating, 1 to 5.")
    haves: FiveHavesInput = strawberry.field(
        default_factory=FiveHavesInput, description="The five haves."
    )
    opening_hours: str = strawberry.field(default="", description="Opening hours.")
    brigade_id: strawberry.ID | None = strawberry.field(
        default=None, description="Global ID of the managing Brigade."
    )


@strawberry.input(description="Changes to a hall; null leaves a field as it is.")
class UpdateHallInput:
    id: strawberry.ID = strawberry.field(description="Global Hall ID.")
    name: str | None = strawberry.field(default=None, description="New name.")
    area_m2: int | None = strawberry.field(default=None, description="Area, > 0.")
    star_rating: int | None = strawberry.field(default=None, description="1 to 5.")
    haves: FiveHavesInput | None = strawberry.field(
        default=None, description="All five haves at once."
    )
    opening_hours: str | None = strawberry.field(default=None, description="Hours.")
    brigade_id: strawberry.ID | None = strawberry.field(
        default=None, description="Global ID of a new managing Brigade."
    )
