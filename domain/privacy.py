"""Disclosure of a volunteer's personal data: what each actor reads, and in which form.

Three levels of disclosure, decided from the actor alone (no query):

- FULL: the volunteer themself and administrators read the decrypted ID
  number and phone. Each such read is audited as REVEAL_PII.
- MASKED: other signed-in accounts (captains, conveners, other volunteers)
  read `330282********1234` and `138****5678` and the full name. The birth
  date is withheld, because with the masked ID it restores all but the
  sequence digits of the number.
- NONE: the anonymous public, partner keys and big screens read no ID
  number, no phone, no birth date, and the name as surname plus mask.

The GraphQL fields that apply this are in api.security.pii.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import Enum

from domain.actor import Actor
from domain.permissions import is_captain_of


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


def may_read_records(
    actor: Actor, volunteer_id: int, brigade_paths: Iterable[str] = ()
) -> bool:
    """Return whether the actor may read a volunteer's own records.

    The records are signups, service records, the points ledger, certificates
    and training records. The actors with FULL disclosure read them, and so
    does a captain over one of `brigade_paths`, the volunteer's brigades,
    because captains confirm their team's hours. A captain still reads the
    ID number and phone masked.
    """
    if disclosure_for(actor, volunteer_id) is Disclosure.FULL:
        return True
    return any(is_captain_of(actor, path) for path in brigade_paths)


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
