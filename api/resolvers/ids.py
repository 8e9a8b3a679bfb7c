"""Decoding the global IDs that mutation inputs use to refer to objects."""

from __future__ import annotations

from strawberry.relay import GlobalID
from strawberry.relay.types import GlobalIDValueError

from domain.errors import InvalidInput

# Row ids are 32-bit on the tables that global IDs name: a larger number names no row.
MAX_DATABASE_ID = 2**31 - 1


def decode_id(value: str, type_name: str, *, field: str) -> int:
    """Return the database id in a global ID of `type_name`, or raise InvalidInput."""
    try:
        global_id = GlobalID.from_id(value)
    except GlobalIDValueError:
        raise InvalidInput(f"invalid global ID {value!r}", field=field) from None
    # int() would also take " 1", "+1", "１" and "١" as other spellings of 1.
    text = global_id.node_id
    if not (text.isascii() and text.isdigit()) or int(text) > MAX_DATABASE_ID:
        raise InvalidInput(f"invalid global ID {value!r}", field=field)
    node_id = int(text)
    if global_id.type_name != type_name:
        raise InvalidInput(
            f"expected the ID of a {type_name}, got one of a {global_id.type_name}",
            field=field,
        )
    return node_id


def decode_optional_id(value: str | None, type_name: str, *, field: str) -> int | None:
    if value is None:
        return None
    return decode_id(value, type_name, field=field)


def encode_id(type_name: str, node_id: int) -> str:
    return str(GlobalID(type_name, str(node_id)))
