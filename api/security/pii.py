"""Personal data fields of a volunteer, shown per the rules of domain.privacy.

A volunteer type inherits `PersonalDataFields` and sets `personal` from its
row with `personal_fields(row)`. Each field decides from the actor alone,
so a page of volunteers costs no extra query. Every raw value read is noted,
and `RevealAudit` writes one REVEAL_PII audit entry per operation that
lists the volunteers and fields revealed, never the values.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextvars import ContextVar
from datetime import date

import strawberry
from strawberry.extensions import SchemaExtension
from strawberry.types import Info
from tortoise.transactions import in_transaction

from db.models.people import Volunteer
from domain.actor import Actor
from domain.identity import mask_name
from domain.outbox import record_audit
from domain.pii import current_cipher
from domain.privacy import Disclosure, PersonalFields, disclosure_for

# (volunteer id, field) pairs revealed in the current operation.
_revealed: ContextVar[set[tuple[int, str]] | None] = ContextVar(
    "revealed_personal_data", default=None
)


def personal_fields(row: Volunteer) -> PersonalFields:
    return PersonalFields(
        volunteer_id=row.id,
        name=row.name,
        birth_date=row.birth_date,
        id_number_cipher=row.id_number_cipher,
        id_number_masked=row.id_number_masked,
        phone_cipher=row.phone_cipher,
        phone_masked=row.phone_masked,
    )


def _note_reveal(volunteer_id: int, field: str) -> None:
    revealed = _revealed.get()
    if revealed is not None:
        revealed.add((volunteer_id, field))


def _raw(
    info: Info, fields: PersonalFields, field: str, cipher_text: str
) -> str | None:
    if disclosure_for(info.context.actor, fields.volunteer_id) is not Disclosure.FULL:
        return None
    _note_reveal(fields.volunteer_id, field)
    return current_cipher().decrypt(cipher_text)


def _masked(info: Info, fields: PersonalFields, masked: str) -> str | None:
    if disclosure_for(info.context.actor, fields.volunteer_id) is Disclosure.NONE:
        return None
    return masked


@strawberry.type
class PersonalDataFields:
    personal: strawberry.Private[PersonalFields]

    @strawberry.field(
        description="Name (姓名): in full for signed-in accounts, as surname plus "
        "mask (张*) for the public, partner keys and big screens."
    )
    def name(self, info: Info) -> str:
        if info.context.actor.role is None:
            return mask_name(self.personal.name)
        return self.personal.name

    @strawberry.field(
        description="Birth date, for the volunteer themself and administrators "
        "only; null for others, since with the masked ID number it would restore "
        "most of the number."
    )
    def birth_date(self, info: Info) -> date | None:
        disclosure = disclosure_for(info.context.actor, self.personal.volunteer_id)
        return self.personal.birth_date if disclosure is Disclosure.FULL else None

    @strawberry.field(
        description="Resident ID number (身份证号) in full, for the volunteer "
        "themself and administrators only (each read is audited); null for others."
    )
    def id_number(self, info: Info) -> str | None:
        return _raw(info, self.personal, "idNumber", self.personal.id_number_cipher)

    @strawberry.field(
        description="Mobile phone (手机号) in full, for the volunteer themself and "
        "administrators only (each read is audited); null for others."
    )
    def phone(self, info: Info) -> str | None:
        return _raw(info, self.personal, "phone", self.personal.phone_cipher)

    @strawberry.field(
        description="Resident ID number masked to its region code and last four "
        "characters (330282********1234), for signed-in accounts; null for the "
        "public, partner keys and big screens."
    )
    def id_number_masked(self, info: Info) -> str | None:
        return _masked(info, self.personal, self.personal.id_number_masked)

    @strawberry.field(
        description="Mobile phone masked to its first three and last four digits "
        "(138****5678), for signed-in accounts; null for the public, partner keys "
        "and big screens."
    )
    def phone_masked(self, info: Info) -> str | None:
        return _masked(info, self.personal, self.personal.phone_masked)


class RevealAudit(SchemaExtension):
    """Write one REVEAL_PII audit entry for the raw values an operation read.

    The entry is written before the response is sent, so no raw value
    leaves without its audit entry. NOTE: over a WebSocket a subscription is
    one operation, so its entry is written when the subscription ends.
    """

    async def on_operation(self) -> AsyncIterator[None]:  # type: ignore[override]
        revealed: set[tuple[int, str]] = set()
        token = _revealed.set(revealed)
        try:
            yield
        finally:
            _revealed.reset(token)
        if not revealed:
            return
        actor: Actor = self.execution_context.context.actor
        async with in_transaction() as connection:
            await record_audit(
                connection,
                actor,
                action="REVEAL_PII",
                target="volunteer",
                detail={
                    "volunteers": sorted({volunteer for volunteer, _ in revealed}),
                    "fields": sorted({field for _, field in revealed}),
                },
            )
