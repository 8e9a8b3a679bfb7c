"""Registering volunteers, and their joining and leaving of brigades."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from db.models.enums import PoliticalStatus, Role, Sex
from db.models.geo import Region
from db.models.org import Brigade, BrigadeMember
from db.models.people import Volunteer
from domain.actor import Actor
from domain.errors import Duplicate, Forbidden, NotFound
from domain.identity import (
    mask_id_number,
    mask_phone,
    normalize_phone,
    parse_resident_id,
)
from domain.lookup import load, local_date, required_text, utc_now
from domain.outbox import record_audit, record_event
from domain.permissions import require_brigade, require_self_or_team
from domain.pii import current_cipher

VOLUNTEER_NUMBER_PREFIX = "CX"


def volunteer_number(volunteer_id: int) -> str:
    """Format the public volunteer number: CX and the id in at least 8 digits."""
    return f"{VOLUNTEER_NUMBER_PREFIX}{volunteer_id:08d}"


async def register_volunteer(
    actor: Actor,
    *,
    name: str,
    id_number: str,
    phone: str,
    region_id: int,
    political_status: PoliticalStatus = PoliticalStatus.MASSES,
    tags: Sequence[str] = (),
    skills: Sequence[str] = (),
    brigade_id: int | None = None,
    today: date | None = None,
) -> Volunteer:
    """Register one person as a volunteer, by themself or by an organization.

    Sex and birth date come from the ID number. One person registers once:
    an ID number or phone already registered raises Duplicate naming
    `idNumber` or `phone`, also when two registrations race.
    """
    if actor.role is Role.VOLUNTEER:
        # A volunteer account belongs to someone already registered.
        raise Forbidden("a volunteer account cannot register volunteers")
    name = required_text(name, field="name", max_length=32)
    resident = parse_resident_id(id_number, today=today)
    phone = normalize_phone(phone)
    cipher = current_cipher()
    id_hash = cipher.lookup_hash(resident.number)
    phone_hash = cipher.lookup_hash(phone)

    try:
        async with in_transaction() as connection:
            region = await load(Region, region_id, field="regionId")
            brigade = None
            if brigade_id is not None:
                brigade = await load(Brigade, brigade_id, field="brigadeId")
                require_brigade(actor, brigade.path)
            await _reject_duplicates(id_hash, phone_hash)
            volunteer = await Volunteer.create(
                # The public number derives from the id, known after the insert.
                number=f"T{uuid.uuid4().hex[:15]}",
                name=name,
                sex=Sex.FEMALE if resident.is_female else Sex.MALE,
                birth_date=resident.birth_date,
                id_number_cipher=cipher.encrypt(resident.number),
                id_number_hash=id_hash,
                id_number_masked=mask_id_number(resident.number),
                phone_cipher=cipher.encrypt(phone),
                phone_hash=phone_hash,
                phone_masked=mask_phone(phone),
                region=region,
                political_status=political_status,
                tags=_clean_list(tags),
                skills=_clean_list(skills),
                registered_on=today or local_date(utc_now()),
            )
            volunteer.number = volunteer_number(volunteer.id)
            await volunteer.save(update_fields=["number"])
            if brigade is not None:
                await BrigadeMember.create(brigade=brigade, volunteer=volunteer)
            await record_event(
                connection,
                topic="VOLUNTEER",
                kind="REGISTERED",
                object_id=volunteer.id,
                region_code=region.code,
                payload={"number": volunteer.number},
            )
            await record_audit(
                connection,
                actor,
                action="registerVolunteer",
                target=f"Volunteer:{volunteer.id}",
                detail={"brigadeId": brigade_id},
            )
    except IntegrityError as exc:
        # Another registration with the same ID number or phone committed
        # between the duplicate check and the insert.
        await _reject_duplicates(id_hash, phone_hash)
        raise Duplicate("this person is already registered") from exc
    return volunteer


async def _reject_duplicates(id_hash: str, phone_hash: str) -> None:
    taken = await Volunteer.filter(id_number_hash=id_hash).exists()
    if taken:
        raise Duplicate("ID number is already registered", field="idNumber")
    taken = await Volunteer.filter(phone_hash=phone_hash).exists()
    if taken:
        raise Duplicate("phone is already registered", field="phone")


def _clean_list(values: Sequence[str]) -> list[str]:
    """Strip, drop empties and duplicates, keep the given order."""
    cleaned: list[str] = []
    for value in values:
        text = value.strip()
        if text and text not in cleaned:
            cleaned.append(text)
    return cleaned


async def join_brigade(actor: Actor, *, volunteer_id: int, brigade_id: int) -> None:
    """Add a volunteer to a brigade: the volunteer themself or its captains."""
    async with in_transaction() as connection:
        volunteer = await load(Volunteer, volunteer_id, field="volunteerId")
        brigade = await load(Brigade, brigade_id, field="brigadeId")
        require_self_or_team(actor, volunteer.id, brigade_paths=[brigade.path])
        if await BrigadeMember.filter(brigade=brigade, volunteer=volunteer).exists():
            raise Duplicate("volunteer is already a member", field="brigadeId")
        await BrigadeMember.create(brigade=brigade, volunteer=volunteer)
        await record_event(
            connection,
            topic="VOLUNTEER",
            kind="JOINED_BRIGADE",
            object_id=volunteer.id,
            payload={"brigadeId": brigade.id},
        )
        await record_audit(
            connection,
            actor,
            action="joinBrigade",
            target=f"Volunteer:{volunteer.id}",
            detail={"brigadeId": brigade.id},
        )


async def leave_brigade(actor: Actor, *, volunteer_id: int, brigade_id: int) -> None:
    """Remove a volunteer from a brigade: the volunteer themself or its captains."""
    async with in_transaction() as connection:
        volunteer = await load(Volunteer, volunteer_id, field="volunteerId")
        brigade = await load(Brigade, brigade_id, field="brigadeId")
        require_self_or_team(actor, volunteer.id, brigade_paths=[brigade.path])
        removed = await BrigadeMember.filter(
            brigade=brigade, volunteer=volunteer
        ).delete()
        if not removed:
            raise NotFound("volunteer is not a member", field="brigadeId")
        await record_event(
            connection,
            topic="VOLUNTEER",
            kind="LEFT_BRIGADE",
            object_id=volunteer.id,
            payload={"brigadeId": brigade.id},
        )
        await record_audit(
            connection,
            actor,
            action="leaveBrigade",
            target=f"Volunteer:{volunteer.id}",
            detail={"brigadeId": brigade.id},
        )
