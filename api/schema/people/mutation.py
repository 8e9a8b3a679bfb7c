"""Mutations of volunteers: registration and brigade membership."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from api.resolvers.people import mutation as resolve
from api.schema.errors import MutationError
from api.schema.payload import actor_of, run_rule
from api.schema.people.inputs import BrigadeMembershipInput, RegisterVolunteerInput
from api.schema.people.types import VolunteerType
from api.security.permissions import IsAccount

VolunteerPayload = Annotated[
    VolunteerType | MutationError,
    strawberry.union("VolunteerPayload", description="The volunteer, or why not."),
]


@strawberry.type
class PeopleMutation:
    @strawberry.mutation(
        description="Register a volunteer, by themself or by an organization. "
        "An ID number or phone already registered gives DUPLICATE naming the field."
    )
    async def register_volunteer(
        self, info: Info, input: RegisterVolunteerInput
    ) -> VolunteerPayload:
        return await run_rule(
            resolve.register_volunteer(
                actor_of(info),
                name=input.name,
                id_number=input.id_number,
                phone=input.phone,
                region_id=input.region_id,
                political_status=input.political_status.value,
                tags=input.tags,
                skills=input.skills,
                brigade_id=input.brigade_id,
            ),
            VolunteerType.from_model,
        )

    @strawberry.mutation(
        permission_classes=[IsAccount], description="Add a volunteer to a brigade."
    )
    async def join_brigade(
        self, info: Info, input: BrigadeMembershipInput
    ) -> VolunteerPayload:
        return await run_rule(
            resolve.join_brigade(
                actor_of(info),
                volunteer_id=input.volunteer_id,
                brigade_id=input.brigade_id,
            ),
            VolunteerType.from_model,
        )

    @strawberry.mutation(
        permission_classes=[IsAccount], description="Remove a volunteer from a brigade."
    )
    async def leave_brigade(
        self, info: Info, input: BrigadeMembershipInput
    ) -> VolunteerPayload:
        return await run_rule(
            resolve.leave_brigade(
                actor_of(info),
                volunteer_id=input.volunteer_id,
                brigade_id=input.brigade_id,
            ),
            VolunteerType.from_model,
        )
