"""Mutations of practice projects and their admission review."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from api.resolvers.project import mutation as resolve
from api.schema.errors import MutationError
from api.schema.payload import actor_of, run_rule
from api.schema.project.inputs import (
    ChangeProjectStatusInput,
    CreateProjectInput,
    UpdateProjectInput,
)
from api.schema.project.types import ProjectType
from api.security.permissions import IsAccount

ProjectPayload = Annotated[
    ProjectType | MutationError,
    strawberry.union("ProjectPayload", description="The project, or why not."),
]


@strawberry.type
class ProjectMutation:
    @strawberry.mutation(
        permission_classes=[IsAccount], description="Create a DRAFT project."
    )
    async def create_project(
        self, info: Info, input: CreateProjectInput
    ) -> ProjectPayload:
        return await run_rule(
            resolve.create_project(
                actor_of(info),
                name=input.name,
                category=input.category.value,
                platform_id=input.platform_id,
                description=input.description,
                alliance_id=input.alliance_id,
                brigade_id=input.brigade_id,
                unit_id=input.unit_id,
            ),
            ProjectType.from_model,
        )

    @strawberry.mutation(
        permission_classes=[IsAccount], description="Edit a DRAFT or REJECTED project."
    )
    async def update_project(
        self, info: Info, input: UpdateProjectInput
    ) -> ProjectPayload:
        return await run_rule(
            resolve.update_project(
                actor_of(info),
                project_id=input.id,
                name=input.name,
                description=input.description,
                category=input.category.value if input.category else None,
            ),
            ProjectType.from_model,
        )

    @strawberry.mutation(
        permission_classes=[IsAccount],
        description="Move a project through the admission review; records who, "
        "when and the opinion. An illegal move gives INVALID_TRANSITION.",
    )
    async def change_project_status(
        self, info: Info, input: ChangeProjectStatusInput
    ) -> ProjectPayload:
        return await run_rule(
            resolve.change_project_status(
                actor_of(info),
                project_id=input.id,
                status=input.status.value,
                opinion=input.opinion,
            ),
            ProjectType.from_model,
        )
