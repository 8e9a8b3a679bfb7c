"""Inputs of the volunteer academy mutations."""

from __future__ import annotations

from datetime import date

import strawberry


@strawberry.input(description="A new course.")
class CreateCourseInput:
    name: str = strawberry.field(description="Name, at most 128 characters.")
    minutes: int = strawberry.field(description="Length in whole minutes, over 0.")
    held_on: date = strawberry.field(description="Date it is held.")
    content: str = strawberry.field(default="", description="What it teaches.")
    organizer_id: strawberry.ID | None = strawberry.field(
        default=None, description="Global ID of the organizing Unit."
    )


@strawberry.input(description="A volunteer's completion of a course.")
class RecordTrainingInput:
    course_id: strawberry.ID = strawberry.field(description="Global Course ID.")
    volunteer_id: strawberry.ID = strawberry.field(description="Global Volunteer ID.")
    completed_on: date | None = strawberry.field(
        default=None, description="Date of completion; today when null."
    )
