"""Expected failures of mutations as schema data: an error type with a code.

Every mutation returns a union of its result and `MutationError`. The code
is one of the `DomainError` codes, and `field` names the input field at fault.
"""

from __future__ import annotations

from enum import Enum

import strawberry

from domain import errors


def _codes() -> dict[str, str]:
    codes = {errors.DomainError.code: errors.DomainError.code}
    for subclass in errors.DomainError.__subclasses__():
        codes[subclass.code] = subclass.code
    return codes


ErrorCode = strawberry.enum(
    Enum("ErrorCode", _codes()),
    description="Kind of an expected failure of a mutation.",
)


@strawberry.interface(description="An expected failure, returned as data.")
class Error:
    code: ErrorCode = strawberry.field(description="Kind of failure.")
    message: str = strawberry.field(
        description="Readable English sentence; it never contains personal data."
    )
    field: str | None = strawberry.field(
        description="Name of the input field at fault (camelCase), or null."
    )


@strawberry.type(description="The failure of a mutation: its code, message, field.")
class MutationError(Error):
    @classmethod
    def from_error(cls, error: errors.DomainError) -> MutationError:
        return cls(code=ErrorCode(error.code), message=error.message, field=error.field)
