"""Filters of live subscriptions; all given conditions must hold."""

from __future__ import annotations

import strawberry

from api.schema.project.types import DeliveryCategory

_ALLIANCE = "Alliance (志愿服务联盟): its global ID or its numeric id."
_WITHIN = "Code of a region: keeps changes in it and in every region under it."
_CATEGORY = "Delivery category (五送) of the changed object."


@strawberry.input(description="Which activity changes to receive.")
class ActivityUpdateFilter:
    alliance: strawberry.ID | None = strawberry.field(
        default=None, description=_ALLIANCE
    )
    within: str | None = strawberry.field(default=None, description=_WITHIN)
    category: DeliveryCategory | None = strawberry.field(
        default=None, description=_CATEGORY
    )
    project: strawberry.ID | None = strawberry.field(
        default=None, description="Project (实践项目): its global ID or numeric id."
    )


@strawberry.input(description="Which service request changes to receive.")
class ServiceRequestUpdateFilter:
    alliance: strawberry.ID | None = strawberry.field(
        default=None, description=_ALLIANCE
    )
    within: str | None = strawberry.field(default=None, description=_WITHIN)
    category: DeliveryCategory | None = strawberry.field(
        default=None, description=_CATEGORY
    )
