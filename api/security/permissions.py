"""Permission classes declared on fields and mutations.

Each reads only `info.context.actor`, which the request's authentication
already built, so a permission costs no query however many objects a list
returns. Scope checks against rows (a captain's subtree, a convener's
alliance) live in `domain.permissions` and compare the actor with loaded
columns.
"""

from __future__ import annotations

from typing import Any

from strawberry.permission import BasePermission
from strawberry.types import Info

from db.models.enums import Role


class IsAuthenticated(BasePermission):
    """Any signed-in account or partner key."""

    message = "Sign in, or send an API key, to read or change this."
    error_extensions = {"code": "UNAUTHENTICATED"}

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        return not info.context.actor.is_anonymous


class IsAccount(BasePermission):
    """A signed-in account of any role; partner keys are not accounts."""

    message = "Sign in with an account to read or change this."
    error_extensions = {"code": "UNAUTHENTICATED"}

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        return info.context.actor.role is not None


class IsAdministrator(BasePermission):
    message = "Only administrators may do this."
    error_extensions = {"code": "FORBIDDEN"}

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        return info.context.actor.is_administrator


class IsPartner(BasePermission):
    message = "Only partner API keys may do this."
    error_extensions = {"code": "FORBIDDEN"}

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        return info.context.actor.is_partner


def HasRole(*roles: Role) -> type[BasePermission]:  # noqa: N802 - reads as a class
    """Build a permission that admits accounts with one of `roles`.

    Administrators are always admitted, since they manage everything.
    """
    allowed = frozenset(roles) | {Role.ADMINISTRATOR}
    names = ", ".join(sorted(str(role) for role in allowed))

    class HasRolePermission(BasePermission):
        message = f"Only these roles may do this: {names}."
        error_extensions = {"code": "FORBIDDEN"}

        def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
            return info.context.actor.role in allowed

    HasRolePermission.__name__ = "HasRole_" + "_".join(sorted(allowed))
    return HasRolePermission


class IsStaffOrPartner(BasePermission):
    """Administrators, captains, conveners and partner keys."""

    message = "Only administrators, captains, conveners and partner keys may do this."
    error_extensions = {"code": "FORBIDDEN"}

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        actor = info.context.actor
        return actor.is_partner or actor.role in (
            Role.ADMINISTRATOR,
            Role.CAPTAIN,
            Role.CONVENER,
        )


class IsStaff(BasePermission):
    """Administrators, captains and conveners; not volunteers or partner keys."""

    message = "Only administrators, captains and conveners may read this."
    error_extensions = {"code": "FORBIDDEN"}

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        return info.context.actor.role in (
            Role.ADMINISTRATOR,
            Role.CAPTAIN,
            Role.CONVENER,
        )
