"""Courses of the volunteer academy (志愿者学院) and training records."""

from __future__ import annotations

from datetime import date

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from db.models.org import BrigadeMember, Unit
from db.models.people import Volunteer
from db.models.training import Course, TrainingRecord
from domain.actor import Actor
from domain.errors import Duplicate, InvalidInput
from domain.lookup import load, local_date, required_text, utc_now
from domain.outbox import record_audit
from domain.permissions import require_administrator, require_team


async def create_course(
    actor: Actor,
    *,
    name: str,
    minutes: int,
    held_on: date,
    content: str = "",
    organizer_id: int | None = None,
) -> Course:
    require_administrator(actor)
    name = required_text(name, field="name", max_length=128)
    if minutes <= 0:
        raise InvalidInput(
            f"minutes must be more than 0, got {minutes}", field="minutes"
        )
    try:
        async with in_transaction() as connection:
            organizer = (
                await load(Unit, organizer_id, field="organizerId")
                if organizer_id is not None
                else None
            )
            if await Course.filter(name=name, held_on=held_on).exists():
                raise Duplicate("this course is already held on that day", field="name")
            course = await Course.create(
                name=name,
                minutes=minutes,
                held_on=held_on,
                content=content.strip(),
                organizer=organizer,
            )
            await record_audit(
                connection, actor, action="createCourse", target=f"Course:{course.id}"
            )
    except IntegrityError as exc:
        raise Duplicate(
            "this course is already held on that day", field="name"
        ) from exc
    return course


async def record_training(
    actor: Actor,
    *,
    course_id: int,
    volunteer_id: int,
    completed_on: date | None = None,
) -> TrainingRecord:
    """Record that a volunteer completed a course: once per course and volunteer."""
    try:
        async with in_transaction() as connection:
            course = await load(Course, course_id, field="courseId")
            volunteer = await load(Volunteer, volunteer_id, field="volunteerId")
            if not actor.is_administrator:
                paths = await BrigadeMember.filter(volunteer=volunteer).values_list(
                    "brigade__path", flat=True
                )
                require_team(actor, brigade_paths=paths)
            if await TrainingRecord.filter(course=course, volunteer=volunteer).exists():
                raise Duplicate(
                    "volunteer already completed this course", field="volunteerId"
                )
            completed_on = completed_on or local_date(utc_now())
            if completed_on < course.held_on:
                raise InvalidInput(
                    "completion cannot be before the course is held",
                    field="completedOn",
                )
            record = await TrainingRecord.create(
                course=course, volunteer=volunteer, completed_on=completed_on
            )
            await record_audit(
                connection,
                actor,
                action="recordTraining",
                target=f"TrainingRecord:{record.id}",
            )
    except IntegrityError as exc:
        raise Duplicate(
            "volunteer already completed this course", field="volunteerId"
        ) from exc
    return record
