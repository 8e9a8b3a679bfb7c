"""Mutations of cultural halls."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from api.resolvers.venue import mutation as resolve
from api.schema.errors import MutationError
from api.schema.payload import actor_of, run_rule
from api.schema.venue.inputs import CreateHallInput, FiveHavesInput, UpdateHallInput
from api.schema.venue.types import HallType
from api.security.permissions import IsAccount
from domain.halls import FiveHaves


def _haves(value: FiveHavesInput | None) -> FiveHaves | None:
    if value is None:
        return None
    return FiveHaves(
        venue=value.venue,
        exhibition=value.exhibition,
        activities=value.activities,
        team=value.team,
        mechanism=value.mechanism,
    )


HallPayload = Annotated[
    HallType | MutationError,
    strawberry.union("HallPayload", description="The hall, or why it failed."),
]


@strawberry.type
class VenueMutation:
    @strawberry.mutation(
        permission_classes=[IsAccount], description="Create a village's cultural hall."
    )
    async def create_hall(self, info: Info, input: CreateHallInput) -> HallPayload:
        return await run_rule(
            resolve.create_hall(
                actor_of(info),
                name=input.name,
                village_id=input.village_id,
                area_m2=input.area_m2,
                star_rating=input.star_rating,
                haves=_haves(input.haves),
                opening_hours=input.opening_hours,
                brigade_id=input.brigade_id,
            ),
            HallType.from_model,
        )

    @strawberry.mutation(permission_classes=[IsAccount], description="Edit a hall.")
    async def update_hall(self, info: Info, input: UpdateHallInput) -> HallPayload:
        return await run_rule(
            resolve.update_hall(
                actor_of(info),
                hall_id=input.id,
                name=input.name,
                area_m2=input.area_m2,
                star_rating=input.star_rating,
                haves=_haves(input.haves),
                opening_hours=input.opening_hours,
                brigade_id=input.brigade_id,
            ),
            HallType.from_model,
        )
