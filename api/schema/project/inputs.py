"""Inputs of the project mutations."""

from __future__ import annotations

import strawberry

from db.models import enums

# NOTE: declared here until the project read types are merged; then this
# module imports both enums from api.schema.project.types instead.
DeliveryCategory = strawberry.enum(
    enums.DeliveryCategory,
    description="What a project delivers (五送): THEORY 送理论, POLICY 送政策, "
    "CULTURE 送文化, CIVILITY 送文明, WELLBEING 送服务.",
)
ProjectStatus = strawberry.enum(
    enums.ProjectStatus,
    description="Admission status (准入): DRAFT, SUBMITTED, ADMITTED, REJECTED, "
    "SUSPENDED, RETIRED.",
)


@strawberry.input(description="A new DRAFT project owned by a brigade or unit.")
class CreateProjectInput:
    name: str = strawberry.field(description="Unique name, at most 128 characters.")
    category: DeliveryCategory = strawberry.field(description="What it delivers.")
    platform_id: strawberry.ID = strawberry.field(description="Global Platform ID.")
    description: str = strawberry.field(default="", description="Description.")
    alliance_id: strawberry.ID | None = strawberry.field(
        default=None, description="Global ID of the platform's Alliance."
    )
    brigade_id: strawberry.ID | None = strawberry.field(
        default=None, description="Global ID of the owning Brigade."
    )
    unit_id: strawberry.ID | None = strawberry.field(
        default=None, description="Global ID of the owning Unit."
    )


@strawberry.input(description="Changes to a DRAFT or REJECTED project.")
class UpdateProjectInput:
    id: strawberry.ID = strawberry.field(description="Global Project ID.")
    name: str | None = strawberry.field(default=None, description="New name.")
    description: str | None = strawberry.field(default=None, description="Text.")
    category: DeliveryCategory | None = strawberry.field(
        default=None, description="New category."
    )


@strawberry.input(description="A step of the admission review.")
class ChangeProjectStatusInput:
    id: strawberry.ID = strawberry.field(description="Global Project ID.")
    status: ProjectStatus = strawberry.field(
        description="Requested status: SUBMITTED by the project's team; ADMITTED, "
        "REJECTED, SUSPENDED, RETIRED by administrators."
    )
    opinion: str = strawberry.field(
        default="",
        description="Reviewer's opinion; required for REJECTED and SUSPENDED.",
    )
