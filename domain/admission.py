"""Practice projects and their admission review (准入).

DRAFT -> SUBMITTED -> ADMITTED | REJECTED; ADMITTED -> SUSPENDED | RETIRED;
SUSPENDED -> ADMITTED (reinstated) | RETIRED. A rejected project may be
edited and submitted again (REJECTED -> SUBMITTED). Every transition writes
a ProjectReview with who made it, when and the opinion.
"""

from __future__ import annotations

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from db.models.enums import DeliveryCategory, ProjectStatus
from db.models.org import Alliance, Brigade, Platform, Unit
from db.models.project import Project, ProjectReview
from domain.actor import Actor
from domain.errors import Duplicate, InvalidInput, InvalidTransition
from domain.lookup import load, required_text
from domain.outbox import record_audit, record_event
from domain.permissions import require_administrator, require_project

S = ProjectStatus

# Allowed transitions, and whether the reviewer must give an opinion.
TRANSITIONS: dict[tuple[ProjectStatus, ProjectStatus], bool] = {
    (S.DRAFT, S.SUBMITTED): False,
    (S.REJECTED, S.SUBMITTED): False,
    (S.SUBMITTED, S.ADMITTED): False,
    (S.SUBMITTED, S.REJECTED): True,
    (S.ADMITTED, S.SUSPENDED): True,
    (S.ADMITTED, S.RETIRED): False,
    (S.SUSPENDED, S.ADMITTED): False,
    (S.SUSPENDED, S.RETIRED): False,
}

# Transitions the project's own team makes; all others are the center's.
TEAM_TRANSITIONS = {(S.DRAFT, S.SUBMITTED), (S.REJECTED, S.SUBMITTED)}


def _project_scope(project: Project) -> dict:
    brigade = project.brigade if project.brigade_id else None
    return {
        "alliance_id": project.alliance_id,
        "brigade_path": brigade.path if brigade else None,
    }


async def create_project(
    actor: Actor,
    *,
    name: str,
    category: DeliveryCategory,
    platform_id: int,
    description: str = "",
    alliance_id: int | None = None,
    brigade_id: int | None = None,
    unit_id: int | None = None,
) -> Project:
    """Create a DRAFT project owned by a brigade or a unit, within an alliance."""
    name = required_text(name, field="name", max_length=128)
    if brigade_id is None and unit_id is None:
        raise InvalidInput(
            "a project needs an owning brigade or unit", field="brigadeId"
        )
    try:
        async with in_transaction() as connection:
            platform = await load(Platform, platform_id, field="platformId")
            alliance = (
                await load(Alliance, alliance_id, field="allianceId")
                if alliance_id is not None
                else None
            )
            brigade = (
                await load(Brigade, brigade_id, field="brigadeId")
                if brigade_id is not None
                else None
            )
            unit = (
                await load(Unit, unit_id, field="unitId")
                if unit_id is not None
                else None
            )
            require_project(
                actor,
                alliance_id=alliance.id if alliance else None,
                brigade_path=brigade.path if brigade else None,
            )
            if alliance is not None and alliance.platform_id != platform.id:
                raise InvalidInput(
                    "the alliance belongs to another platform", field="allianceId"
                )
            if await Project.filter(name=name).exists():
                raise Duplicate(f"a project named {name} exists", field="name")
            project = await Project.create(
                name=name,
                description=description.strip(),
                category=category,
                platform=platform,
                alliance=alliance,
                brigade=brigade,
                unit=unit,
            )
            await record_audit(
                connection,
                actor,
                action="createProject",
                target=f"Project:{project.id}",
            )
    except IntegrityError as exc:
        raise Duplicate("a project with this name exists", field="name") from exc
    return project


async def update_project(
    actor: Actor,
    *,
    project_id: int,
    name: str | None = None,
    description: str | None = None,
    category: DeliveryCategory | None = None,
) -> Project:
    """Edit a project while it is a draft or after a rejection."""
    try:
        async with in_transaction() as connection:
            project = await load(
                Project, project_id, field="id", for_update=True, related=("brigade",)
            )
            require_project(actor, **_project_scope(project))
            if project.status not in (S.DRAFT, S.REJECTED):
                raise InvalidTransition(
                    f"a project in status {project.status} cannot be edited: "
                    "only DRAFT and REJECTED projects can",
                    field="id",
                )
            if name is not None:
                project.name = required_text(name, field="name", max_length=128)
                if (
                    await Project.filter(name=project.name)
                    .exclude(id=project.id)
                    .exists()
                ):
                    raise Duplicate(f"a project named {name} exists", field="name")
            if description is not None:
                project.description = description.strip()
            if category is not None:
                project.category = category
            await project.save()
            await record_audit(
                connection,
                actor,
                action="updateProject",
                target=f"Project:{project.id}",
            )
    except IntegrityError as exc:
        raise Duplicate("a project with this name exists", field="name") from exc
    return project


async def change_project_status(
    actor: Actor, *, project_id: int, status: ProjectStatus, opinion: str = ""
) -> Project:
    """Move a project through the admission review and record the review.

    Raises InvalidTransition naming the current and the requested status
    when the move is not allowed, and InvalidInput when a rejection or a
    suspension comes without an opinion.
    """
    status = ProjectStatus(status)
    opinion = (opinion or "").strip()
    async with in_transaction() as connection:
        project = await load(
            Project, project_id, field="id", for_update=True, related=("brigade",)
        )
        current = ProjectStatus(project.status)
        move = (current, status)
        if move not in TRANSITIONS:
            raise InvalidTransition(
                f"project cannot go from {current} to {status}", field="status"
            )
        if move in TEAM_TRANSITIONS:
            require_project(actor, **_project_scope(project))
        else:
            require_administrator(actor)
        if TRANSITIONS[move] and not opinion:
            raise InvalidInput(
                f"an opinion is required to move a project to {status}",
                field="opinion",
            )
        project.status = status
        await project.save(update_fields=["status", "updated_at"])
        await ProjectReview.create(
            project=project,
            from_status=current,
            to_status=status,
            actor=actor.label,
            opinion=opinion,
        )
        await record_event(
            connection,
            topic="PROJECT",
            kind=status.value,
            object_id=project.id,
            alliance_id=project.alliance_id,
            project_id=project.id,
            category=project.category,
            payload={"from": current.value, "to": status.value},
        )
        await record_audit(
            connection,
            actor,
            action="changeProjectStatus",
            target=f"Project:{project.id}",
            detail={"from": current.value, "to": status.value},
        )
    return project


async def submit_project(actor: Actor, project_id: int) -> Project:
    return await change_project_status(actor, project_id=project_id, status=S.SUBMITTED)


async def admit_project(actor: Actor, project_id: int, opinion: str = "") -> Project:
    return await change_project_status(
        actor, project_id=project_id, status=S.ADMITTED, opinion=opinion
    )


async def reject_project(actor: Actor, project_id: int, opinion: str) -> Project:
    return await change_project_status(
        actor, project_id=project_id, status=S.REJECTED, opinion=opinion
    )
