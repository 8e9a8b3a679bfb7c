"""Mutations of the volunteer academy."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from api.resolvers.training import mutation as resolve
from api.schema.errors import MutationError
from api.schema.payload import actor_of, run_rule
from api.schema.training.inputs import CreateCourseInput, RecordTrainingInput
from api.schema.training.types import CourseType, TrainingRecordType
from api.security.permissions import IsAccount, IsAdministrator

CoursePayload = Annotated[
    CourseType | MutationError,
    strawberry.union("CoursePayload", description="The course, or why it failed."),
]
TrainingRecordPayload = Annotated[
    TrainingRecordType | MutationError,
    strawberry.union(
        "TrainingRecordPayload", description="The training record, or why it failed."
    ),
]


@strawberry.type
class TrainingMutation:
    @strawberry.mutation(
        permission_classes=[IsAdministrator],
        description="Create a course (administrators).",
    )
    async def create_course(
        self, info: Info, input: CreateCourseInput
    ) -> CoursePayload:
        return await run_rule(
            resolve.create_course(
                actor_of(info),
                name=input.name,
                minutes=input.minutes,
                held_on=input.held_on,
                content=input.content,
                organizer_id=input.organizer_id,
            ),
            CourseType.from_model,
        )

    @strawberry.mutation(
        permission_classes=[IsAccount],
        description="Record that a volunteer completed a course; once per course.",
    )
    async def record_training(
        self, info: Info, input: RecordTrainingInput
    ) -> TrainingRecordPayload:
        return await run_rule(
            resolve.record_training(
                actor_of(info),
                course_id=input.course_id,
                volunteer_id=input.volunteer_id,
                completed_on=input.completed_on,
            ),
            TrainingRecordType.from_model,
        )
