"""The one exception hierarchy for expected failures of the rules.

The GraphQL layer turns each of these into a typed error in a mutation's
payload, carrying `code` and `field`. Anything else is unexpected and masked.
"""

from __future__ import annotations


class DomainError(Exception):
    """An expected failure: invalid input, a forbidden state, a conflict."""

    code = "INVALID"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class InvalidInput(DomainError):
    code = "INVALID_INPUT"


class NotFound(DomainError):
    code = "NOT_FOUND"


class Duplicate(DomainError):
    code = "DUPLICATE"


class InvalidTransition(DomainError):
    code = "INVALID_TRANSITION"


class CapacityFull(DomainError):
    code = "CAPACITY_FULL"


class ScheduleConflict(DomainError):
    code = "SCHEDULE_CONFLICT"


class NotEligible(DomainError):
    code = "NOT_ELIGIBLE"


class InsufficientPoints(DomainError):
    code = "INSUFFICIENT_POINTS"


class IdempotencyConflict(DomainError):
    code = "IDEMPOTENCY_CONFLICT"


class Forbidden(DomainError):
    code = "FORBIDDEN"
