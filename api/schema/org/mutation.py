"""Mutations of units, alliances and brigades."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from api.resolvers.org import mutation as resolve
from api.schema.errors import MutationError
from api.schema.org.inputs import (
    AllianceBrigadeInput,
    AllianceMemberInput,
    CreateAllianceInput,
    CreateBrigadeInput,
    CreateUnitInput,
    UpdateAllianceInput,
    UpdateBrigadeInput,
    UpdateUnitInput,
)
from api.schema.org.types import AllianceType, BrigadeType, UnitType
from api.schema.payload import actor_of, run_rule
from api.security.permissions import IsAccount, IsAdministrator

UnitPayload = Annotated[
    UnitType | MutationError,
    strawberry.union("UnitPayload", description="The unit, or why it failed."),
]
AlliancePayload = Annotated[
    AllianceType | MutationError,
    strawberry.union("AlliancePayload", description="The alliance, or why not."),
]
BrigadePayload = Annotated[
    BrigadeType | MutationError,
    strawberry.union("BrigadePayload", description="The brigade, or why not."),
]


@strawberry.type
class OrgMutation:
    @strawberry.mutation(
        permission_classes=[IsAdministrator],
        description="Create a unit (administrators).",
    )
    async def create_unit(self, info: Info, input: CreateUnitInput) -> UnitPayload:
        return await run_rule(
            resolve.create_unit(
                actor_of(info),
                name=input.name,
                kind=input.kind.value,
                region_id=input.region_id,
            ),
            UnitType.from_model,
        )

    @strawberry.mutation(
        permission_classes=[IsAdministrator],
        description="Edit a unit (administrators).",
    )
    async def update_unit(self, info: Info, input: UpdateUnitInput) -> UnitPayload:
        return await run_rule(
            resolve.update_unit(
                actor_of(info),
                unit_id=input.id,
                name=input.name,
                kind=input.kind.value if input.kind else None,
                region_id=input.region_id,
            ),
            UnitType.from_model,
        )

    @strawberry.mutation(
        permission_classes=[IsAdministrator],
        description="Create a platform's alliance (administrators).",
    )
    async def create_alliance(
        self, info: Info, input: CreateAllianceInput
    ) -> AlliancePayload:
        return await run_rule(
            resolve.create_alliance(
                actor_of(info),
                name=input.name,
                platform_id=input.platform_id,
                convener_id=input.convener_id,
                description=input.description,
            ),
            AllianceType.from_model,
        )

    @strawberry.mutation(
        permission_classes=[IsAccount], description="Edit an alliance (its convener)."
    )
    async def update_alliance(
        self, info: Info, input: UpdateAllianceInput
    ) -> AlliancePayload:
        return await run_rule(
            resolve.update_alliance(
                actor_of(info),
                alliance_id=input.id,
                name=input.name,
                description=input.description,
                convener_id=input.convener_id,
            ),
            AllianceType.from_model,
        )

    @strawberry.mutation(
        permission_classes=[IsAccount], description="Add a member unit to an alliance."
    )
    async def add_alliance_member(
        self, info: Info, input: AllianceMemberInput
    ) -> AlliancePayload:
        return await run_rule(
            resolve.change_alliance_member(
                actor_of(info),
                alliance_id=input.alliance_id,
                unit_id=input.unit_id,
                add=True,
            ),
            AllianceType.from_model,
        )

    @strawberry.mutation(
        permission_classes=[IsAccount],
        description="Remove a member unit from an alliance.",
    )
    async def remove_alliance_member(
        self, info: Info, input: AllianceMemberInput
    ) -> AlliancePayload:
        return await run_rule(
            resolve.change_alliance_member(
                actor_of(info),
                alliance_id=input.alliance_id,
                unit_id=input.unit_id,
                add=False,
            ),
            AllianceType.from_model,
        )

    @strawberry.mutation(
        permission_classes=[IsAccount], description="Enter a brigade into an alliance."
    )
    async def join_alliance(
        self, info: Info, input: AllianceBrigadeInput
    ) -> AlliancePayload:
        return await run_rule(
            resolve.change_alliance_brigade(
                actor_of(info),
                alliance_id=input.alliance_id,
                brigade_id=input.brigade_id,
                join=True,
            ),
            AllianceType.from_model,
        )

    @strawberry.mutation(
        permission_classes=[IsAccount], description="Take a brigade out of an alliance."
    )
    async def leave_alliance(
        self, info: Info, input: AllianceBrigadeInput
    ) -> AlliancePayload:
        return await run_rule(
            resolve.change_alliance_brigade(
                actor_of(info),
                alliance_id=input.alliance_id,
                brigade_id=input.brigade_id,
                join=False,
            ),
            AllianceType.from_model,
        )

    @strawberry.mutation(
        permission_classes=[IsAccount],
        description="Create a brigade one level below its parent; administrators "
        "create the city corps, captains brigades below their own.",
    )
    async def create_brigade(
        self, info: Info, input: CreateBrigadeInput
    ) -> BrigadePayload:
        return await run_rule(
            resolve.create_brigade(
                actor_of(info),
                name=input.name,
                level=input.level.value,
                region_id=input.region_id,
                parent_id=input.parent_id,
                captain_id=input.captain_id,
            ),
            BrigadeType.from_model,
        )

    @strawberry.mutation(
        permission_classes=[IsAccount],
        description="Rename a brigade or change its captain.",
    )
    async def update_brigade(
        self, info: Info, input: UpdateBrigadeInput
    ) -> BrigadePayload:
        return await run_rule(
            resolve.update_brigade(
                actor_of(info),
                brigade_id=input.id,
                name=input.name,
                captain_id=input.captain_id,
                remove_captain=input.remove_captain,
            ),
            BrigadeType.from_model,
        )
