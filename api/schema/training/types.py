"""Types of the volunteer academy: courses and training records."""

from __future__ import annotations

from datetime import date

import strawberry
from strawberry import relay
from strawberry.types import Info

from api.resolvers.ids import encode_id
from api.schema.node import row_ids
from api.schema.people.types import OWN_RECORD_NODE
from api.security.records import readable_rows
from db.models.training import Course, TrainingRecord


@strawberry.type(name="Course", description="A course of the volunteer academy.")
class CourseType:
    id: strawberry.ID = strawberry.field(description="Global ID.")
    name: str = strawberry.field(description="Name of the course.")
    content: str = strawberry.field(description="What it teaches.")
    minutes: int = strawberry.field(description="Length in whole minutes.")
    held_on: date = strawberry.field(description="Date it is held.")
    organizer_id: strawberry.ID | None = strawberry.field(
        description="Global ID of the organizing Unit, or null."
    )

    @classmethod
    def from_model(cls, row: Course) -> CourseType:
        organizer = row.organizer_id
        return cls(
            id=strawberry.ID(encode_id("Course", row.id)),
            name=row.name,
            content=row.content,
            minutes=row.minutes,
            held_on=row.held_on,
            organizer_id=strawberry.ID(encode_id("Unit", organizer))
            if organizer
            else None,
        )


@strawberry.type(
    name="TrainingRecord",
    description="A volunteer's completion of a course" + OWN_RECORD_NODE,
)
class TrainingRecordType(relay.Node):
    id: relay.NodeID[int]
    course_id: strawberry.ID = strawberry.field(description="Global Course ID.")
    volunteer_id: strawberry.ID = strawberry.field(description="Global Volunteer ID.")
    completed_on: date = strawberry.field(description="Date of completion.")

    @classmethod
    def from_model(cls, row: TrainingRecord) -> TrainingRecordType:
        return cls(
            id=row.id,
            course_id=strawberry.ID(encode_id("Course", row.course_id)),
            volunteer_id=strawberry.ID(encode_id("Volunteer", row.volunteer_id)),
            completed_on=row.completed_on,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids, required: bool = False):
        loader = info.context.loaders.training_record_by_id
        rows = await readable_rows(info, await loader.load_many(row_ids(node_ids)))
        return [cls.from_model(row) if row else None for row in rows]
