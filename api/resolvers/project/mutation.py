"""Mutations of practice projects and their admission review."""

from __future__ import annotations

from api.resolvers.ids import decode_id, decode_optional_id
from db.models.enums import DeliveryCategory, ProjectStatus
from db.models.project import Project
from domain import admission
from domain.actor import Actor


async def create_project(
    actor: Actor,
    *,
    name: str,
    category: str,
    platform_id: str,
    description: str,
    alliance_id: str | None,
    brigade_id: str | None,
    unit_id: str | None,
) -> Project:
    return await admission.create_project(
        actor,
        name=name,
        category=DeliveryCategory(category),
        platform_id=decode_id(platform_id, "Platform", field="platformId"),
        description=description,
        alliance_id=decode_optional_id(alliance_id, "Alliance", field="allianceId"),
        brigade_id=decode_optional_id(brigade_id, "Brigade", field="brigadeId"),
        unit_id=decode_optional_id(unit_id, "Unit", field="unitId"),
    )


async def update_project(
    actor: Actor,
    *,
    project_id: str,
    name: str | None,
    description: str | None,
    category: str | None,
) -> Project:
    return await admission.update_project(
        actor,
        project_id=decode_id(project_id, "Project", field="id"),
        name=name,
        description=description,
        category=DeliveryCategory(category) if category else None,
    )


async def change_project_status(
    actor: Actor, *, project_id: str, status: str, opinion: str
) -> Project:
    return await admission.change_project_status(
        actor,
        project_id=decode_id(project_id, "Project", field="id"),
        status=ProjectStatus(status),
        opinion=opinion,
    )
