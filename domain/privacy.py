"""Who sees which personal data of a volunteer, and in which form.

Three levels of disclosure, decided from the actor alone (no query):

- FULL: the volunteer themself and administrators read the decrypted ID
  number and phone. Each such read is audited as REVEAL_PII.
- MASKED: other signed-in accounts (captains, conveners, other volunteers)
  read `330282********1234` and `138****5678` and the full name. The birth
  date is withheld, because with the masked ID it restores all but the
  sequence digits of the number.
- NONE: the anonymous public, partner keys and big screens read no ID
  number, no phone, no birth date, and the name as surname plus mask.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from domain.actor import Actor
from domain.identity import mask_name
from domain.pii import PiiCipher


class Disclosure(Enum):
    FULL = "FULL"
    MASKED = "MASKED"
    NONE = "NONE"


def disclosure_for(actor: Actor, volunteer_id: int) -> Disclosure:
    if actor.is_administrator or (
        actor.volunteer_id is not None and actor.volunteer_id == volunteer_id
    ):
        return Disclosure.FULL
    if actor.role is not None:
        return Disclosure.MASKED
    return Disclosure.NONE


@dataclass(frozen=True)
class PersonalFields:
    """The stored personal columns of one volunteer row."""

    volunteer_id: int
    name: str
    birth_date: date
    id_number_cipher: str
    id_number_masked: str
    phone_cipher: str
    phone_masked: str


@dataclass(frozen=True)
class PersonalView:
    """Personal data as one actor may read it; None where withheld."""

    disclosure: Disclosure
    name: str
    birth_date: date | None
    id_number: str | None
    phone: str | None

    @property
    def revealed_fields(self) -> tuple[str, ...]:
        """Fields whose raw value this view holds, for the REVEAL_PII audit."""
        if self.disclosure is not Disclosure.FULL:
            return ()
        return ("idNumber", "phone")


def personal_view(
    actor: Actor,
    fields: PersonalFields,
    cipher: PiiCipher,
    *,
    wanted: frozenset[str] = frozenset({"idNumber", "phone"}),
) -> PersonalView:
    """Build the view of one volunteer's personal data for one actor.

    Only the raw values named in `wanted` are decrypted, so a query that
    asks for the name alone neither decrypts nor audits anything.
    """
    disclosure = disclosure_for(actor, fields.volunteer_id)
    if disclosure is Disclosure.FULL:
        return PersonalView(
            disclosure=disclosure,
            name=fields.name,
            birth_date=fields.birth_date,
            id_number=(
                cipher.decrypt(fields.id_number_cipher)
                if "idNumber" in wanted
                else None
            ),
            phone=cipher.decrypt(fields.phone_cipher) if "phone" in wanted else None,
        )
    if disclosure is Disclosure.MASKED:
        return PersonalView(
            disclosure=disclosure,
            name=fields.name,
            birth_date=None,
            id_number=fields.id_number_masked,
            phone=fields.phone_masked,
        )
    return PersonalView(
        disclosure=disclosure,
        name=mask_name(fields.name),
        birth_date=None,
        id_number=None,
        phone=None,
    )
