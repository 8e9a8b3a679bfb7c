"""The actor of an action: the identity whose role and scope the rules check."""

from __future__ import annotations

from dataclasses import dataclass, field

from db.models.enums import Role


@dataclass(frozen=True)
class Actor:
    """An authenticated caller, or the anonymous public.

    `brigade_path` is the path of a captain's brigade ("/1/4/"): the captain
    may act on every brigade whose path starts with it. `alliance_id` is a
    convener's alliance. A partner key carries the alliances and region codes
    it was issued for.
    """

    label: str = "ANONYMOUS"
    role: Role | None = None
    account_id: int | None = None
    volunteer_id: int | None = None
    brigade_path: str | None = None
    alliance_id: int | None = None
    partner_unit_id: int | None = None
    partner_alliance_ids: frozenset[int] = field(default_factory=frozenset)
    partner_region_codes: frozenset[str] = field(default_factory=frozenset)
    client_address: str = ""

    @property
    def is_anonymous(self) -> bool:
        return self.role is None and self.partner_unit_id is None

    @property
    def is_administrator(self) -> bool:
        return self.role is Role.ADMINISTRATOR

    @property
    def is_partner(self) -> bool:
        return self.partner_unit_id is not None


ANONYMOUS = Actor()

# The loader and command-line tools act as this administrator.
SYSTEM = Actor(label="SYSTEM", role=Role.ADMINISTRATOR)
