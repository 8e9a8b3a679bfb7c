"""Service certificates, issued to volunteers and verifiable by anyone by number."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import datetime

from tortoise.transactions import in_transaction

from db.models.people import Volunteer
from db.models.service import Certificate
from domain.actor import Actor
from domain.errors import InvalidInput, NotFound
from domain.identity import mask_name
from domain.lookup import LOCAL_TIME, load, required_text, utc_now
from domain.outbox import record_audit
from domain.permissions import require_administrator

NUMBER_SHAPE = re.compile(r"CXC-[0-9]{4}-[0-9]{6,}")


def certificate_number(year: int, certificate_id: int) -> str:
    """CXC, the year of issue and the id in at least 6 digits: CXC-2026-000123."""
    return f"CXC-{year}-{certificate_id:06d}"


@dataclass(frozen=True)
class Verification:
    """The facts a certificate certifies, with no personal data but a masked name."""

    number: str
    volunteer_number: str
    masked_name: str
    minutes: int
    content: str
    issuer: str
    issued_at: datetime


async def issue_certificate(
    actor: Actor, *, volunteer_id: int, issuer: str, content: str = ""
) -> Certificate:
    """Certify the volunteer's confirmed minutes as of now (administrators)."""
    require_administrator(actor)
    issuer = required_text(issuer, field="issuer", max_length=128)
    async with in_transaction() as connection:
        volunteer = await load(Volunteer, volunteer_id, field="volunteerId")
        if volunteer.confirmed_minutes <= 0:
            raise InvalidInput(
                "the volunteer has no confirmed service to certify",
                field="volunteerId",
            )
        certificate = await Certificate.create(
            # The number derives from the id, known only after the insert.
            number=f"T{uuid.uuid4().hex[:24]}",
            volunteer=volunteer,
            minutes=volunteer.confirmed_minutes,
            content=content.strip(),
            issuer=issuer,
        )
        year = utc_now().astimezone(LOCAL_TIME).year
        certificate.number = certificate_number(year, certificate.id)
        await certificate.save(update_fields=["number"])
        await record_audit(
            connection,
            actor,
            action="issueCertificate",
            target=f"Certificate:{certificate.id}",
            detail={"number": certificate.number},
        )
    return certificate


async def find_certificate(number: str) -> Verification | None:
    """Return what the certificate with this number certifies, or None.

    Raises InvalidInput when the number does not have the CXC-2026-000123 form.
    """
    number = (number or "").strip().upper()
    if not NUMBER_SHAPE.fullmatch(number):
        raise InvalidInput(
            f"invalid certificate number {number!r}: expected the form CXC-2026-000123",
            field="number",
        )
    certificate = (
        await Certificate.filter(number=number).select_related("volunteer").first()
    )
    if certificate is None:
        return None
    volunteer = certificate.volunteer
    return Verification(
        number=certificate.number,
        volunteer_number=volunteer.number,
        masked_name=mask_name(volunteer.name),
        minutes=certificate.minutes,
        content=certificate.content,
        issuer=certificate.issuer,
        issued_at=certificate.issued_at,
    )


async def verify_certificate(number: str) -> Verification:
    """Return what the certificate with this number certifies, or raise NotFound."""
    found = await find_certificate(number)
    if found is None:
        raise NotFound(
            f"no certificate has the number {number.strip().upper()}", field="number"
        )
    return found
