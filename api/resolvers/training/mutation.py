"""Mutations of courses and training records."""

from __future__ import annotations

from datetime import date

from api.resolvers.ids import decode_id, decode_optional_id
from db.models.training import Course, TrainingRecord
from domain import training
from domain.actor import Actor


async def create_course(
    actor: Actor,
    *,
    name: str,
    minutes: int,
    held_on: date,
    content: str,
    organizer_id: str | None,
) -> Course:
    return await training.create_course(
        actor,
        name=name,
        minutes=minutes,
        held_on=held_on,
        content=content,
        organizer_id=decode_optional_id(organizer_id, "Unit", field="organizerId"),
    )


async def record_training(
    actor: Actor,
    *,
    course_id: str,
    volunteer_id: str,
    completed_on: date | None,
) -> TrainingRecord:
    return await training.record_training(
        actor,
        course_id=decode_id(course_id, "Course", field="courseId"),
        volunteer_id=decode_id(volunteer_id, "Volunteer", field="volunteerId"),
        completed_on=completed_on,
    )
