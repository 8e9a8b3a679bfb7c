"""Role and scope checks of the rules.

Each check is a pure function over the actor and rows the rule has already
loaded, so a check never costs a query. Administrators pass every check.
"""

from __future__ import annotations

from collections.abc import Iterable

from db.models.enums import Role
from domain.actor import Actor
from domain.errors import Forbidden


def is_captain_of(actor: Actor, brigade_path: str | None) -> bool:
    """Check whether a captain's subtree contains the brigade with this path."""
    if actor.role is not Role.CAPTAIN or not actor.brigade_path or not brigade_path:
        return False
    return brigade_path.startswith(actor.brigade_path)


def is_convener_of(actor: Actor, alliance_id: int | None) -> bool:
    return (
        actor.role is Role.CONVENER
        and alliance_id is not None
        and actor.alliance_id == alliance_id
    )


def require_signed_in(actor: Actor) -> None:
    if actor.is_anonymous:
        raise Forbidden("sign in to do this")


def require_administrator(actor: Actor) -> None:
    if not actor.is_administrator:
        raise Forbidden("only an administrator may do this")


def require_staff(actor: Actor) -> None:
    """Administrators, captains and conveners: the roles that manage others."""
    if actor.role not in (Role.ADMINISTRATOR, Role.CAPTAIN, Role.CONVENER):
        raise Forbidden("only an administrator, a captain or a convener may do this")


def require_brigade(actor: Actor, brigade_path: str) -> None:
    """Allow administrators and captains of the brigade or one above it."""
    if actor.is_administrator or is_captain_of(actor, brigade_path):
        return
    raise Forbidden("only a captain of this brigade or one above it may do this")


def require_alliance(actor: Actor, alliance_id: int) -> None:
    if actor.is_administrator or is_convener_of(actor, alliance_id):
        return
    raise Forbidden("only the convener of this alliance may do this")


def require_project(
    actor: Actor, *, alliance_id: int | None, brigade_path: str | None
) -> None:
    """Allow the project's convener, a captain over its brigade, administrators."""
    if actor.is_administrator:
        return
    if is_convener_of(actor, alliance_id) or is_captain_of(actor, brigade_path):
        return
    raise Forbidden(
        "only the convener of the project's alliance or a captain of its brigade "
        "may do this"
    )


def require_self(actor: Actor, volunteer_id: int) -> None:
    """Allow the volunteer themself and administrators."""
    if actor.is_administrator or actor.volunteer_id == volunteer_id:
        return
    raise Forbidden("a volunteer may act only on their own signups and records")


def require_self_or_team(
    actor: Actor,
    volunteer_id: int,
    *,
    brigade_paths: Iterable[str] = (),
    alliance_id: int | None = None,
) -> None:
    """Allow the volunteer, captains over one of the given brigades, the convener."""
    if actor.is_administrator or actor.volunteer_id == volunteer_id:
        return
    require_team(actor, brigade_paths=brigade_paths, alliance_id=alliance_id)


def require_team(
    actor: Actor, *, brigade_paths: Iterable[str] = (), alliance_id: int | None = None
) -> None:
    """Allow captains over one of the given brigades and the alliance's convener."""
    if actor.is_administrator or is_convener_of(actor, alliance_id):
        return
    if any(is_captain_of(actor, path) for path in brigade_paths):
        return
    raise Forbidden(
        "only a captain of the team in charge or the alliance's convener may do this"
    )


def partner_reaches(
    actor: Actor, *, alliance_id: int | None = None, region_code: str = ""
) -> bool:
    """Check whether a partner key covers a row's alliance or region.

    A key's region code covers that region and every region under it.
    """
    if not actor.is_partner:
        return False
    if alliance_id is not None and alliance_id in actor.partner_alliance_ids:
        return True
    return bool(region_code) and any(
        region_code.startswith(code) for code in actor.partner_region_codes
    )


def can_review_projects(actor: Actor, alliance_id: int | None) -> bool:
    """Check whether the actor may read a project that is not public.

    Administrators read every draft and review in progress, a convener those
    of their alliance.
    """
    return actor.is_administrator or is_convener_of(actor, alliance_id)


def can_read_request(
    actor: Actor,
    *,
    alliance_id: int | None,
    brigade_path: str | None,
    region_code: str,
    home_region_code: str | None = None,
) -> bool:
    """Check whether staff may read a resident's service request.

    Administrators read all of them, a convener those dispatched to their
    alliance, and a captain those dispatched to a brigade in their subtree or
    located in the region of their brigade (`home_region_code`) or under it.
    """
    if actor.is_administrator or is_convener_of(actor, alliance_id):
        return True
    if is_captain_of(actor, brigade_path):
        return True
    return (
        actor.role is Role.CAPTAIN
        and bool(home_region_code)
        and region_code.startswith(home_region_code)
    )
