"""Mutations of activities and their positions."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from api.resolvers.activity import mutation as resolve
from api.schema.activity.inputs import (
    AddPositionInput,
    ChangeActivityStatusInput,
    ScheduleActivityInput,
)
from api.schema.activity.types import ActivityType, PositionType
from api.schema.errors import MutationError
from api.schema.payload import actor_of, run_rule
from api.security.permissions import IsAccount

ActivityPayload = Annotated[
    ActivityType | MutationError,
    strawberry.union("ActivityPayload", description="The activity, or why not."),
]
PositionPayload = Annotated[
    PositionType | MutationError,
    strawberry.union("PositionPayload", description="The position, or why not."),
]


@strawberry.type
class ActivityMutation:
    @strawberry.mutation(
        permission_classes=[IsAccount], description="Schedule a PLANNED activity."
    )
    async def schedule_activity(
        self, info: Info, input: ScheduleActivityInput
    ) -> ActivityPayload:
        return await run_rule(
            resolve.schedule_activity(
                actor_of(info),
                project_id=input.project_id,
                title=input.title,
                starts_at=input.starts_at,
                ends_at=input.ends_at,
                hall_id=input.hall_id,
                address=input.address,
                region_id=input.region_id,
                description=input.description,
            ),
            ActivityType.from_model,
        )

    @strawberry.mutation(
        permission_classes=[IsAccount],
        description="Add a position to a PLANNED or OPEN activity.",
    )
    async def add_position(
        self, info: Info, input: AddPositionInput
    ) -> PositionPayload:
        return await run_rule(
            resolve.add_position(
                actor_of(info),
                activity_id=input.activity_id,
                name=input.name,
                places=input.places,
                required_skills=input.required_skills,
                min_age=input.min_age,
            ),
            PositionType.from_model,
        )

    @strawberry.mutation(
        permission_classes=[IsAccount],
        description="Move an activity on: PLANNED -> OPEN -> ONGOING -> FINISHED, "
        "or CANCELLED before it finishes. Finishing closes missed check-outs "
        "at the scheduled end, or at the finish when that comes first.",
    )
    async def change_activity_status(
        self, info: Info, input: ChangeActivityStatusInput
    ) -> ActivityPayload:
        return await run_rule(
            resolve.change_activity_status(
                actor_of(info), activity_id=input.id, status=input.status.value
            ),
            ActivityType.from_model,
        )
