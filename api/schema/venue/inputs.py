"""Filter and order inputs of hall lists."""

from __future__ import annotations

from enum import Enum

import strawberry

from api.schema.pagination import OrderDirection


@strawberry.input(description="Filter for halls; all given conditions must hold.")
class HallFilter:
    region: str | None = strawberry.field(
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
    name_contains: str | None = strawberry.field(
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
