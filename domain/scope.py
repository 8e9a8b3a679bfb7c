"""Scope checks: does an actor reach a brigade, an alliance or a region?

Each check compares the actor with columns of a row that is already loaded
(a brigade's `path`, a project's `alliance_id`, a region code), so checking
a whole page of rows costs no query.
"""

from __future__ import annotations

from db.models.enums import Role
from domain.actor import Actor
from domain.errors import Forbidden


def manages_brigade(actor: Actor, brigade_path: str) -> bool:
    """Administrators, and captains of this brigade or one above it."""
    if actor.is_administrator:
        return True
    return (
        actor.role is Role.CAPTAIN
        and actor.brigade_path is not None
        and brigade_path.startswith(actor.brigade_path)
    )


def manages_alliance(actor: Actor, alliance_id: int | None) -> bool:
    """Administrators, and the convener of this alliance."""
    if actor.is_administrator:
        return True
    return (
        actor.role is Role.CONVENER
        and alliance_id is not None
        and actor.alliance_id == alliance_id
    )


def partner_reaches(
    actor: Actor, *, alliance_id: int | None = None, region_code: str = ""
) -> bool:
    """A partner key reaches rows of its alliances or under its region codes."""
    if not actor.is_partner:
        return False
    if alliance_id is not None and alliance_id in actor.partner_alliance_ids:
        return True
    return bool(region_code) and any(
        region_code.startswith(code) for code in actor.partner_region_codes
    )


def require(allowed: bool, message: str) -> None:
    """Raise Forbidden unless a scope check passed."""
    if not allowed:
        raise Forbidden(message)
