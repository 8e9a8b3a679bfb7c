"""Decoding the global IDs that mutation inputs use to refer to objects."""

from __future__ import annotations

from strawberry.relay import GlobalID
from strawberry.relay.types import GlobalIDValueError

from domain.errors import InvalidInput


def decode_id(value: str, type_name: str, *, field: str) -> int:
    """Return the database id in a global ID of `type_name`, or raise InvalidInput."""
    try:
        global_id = GlobalID.from_id(value)
        node_id = int(global_id.node_id)
    except (GlobalIDValueError, ValueError):
        raise InvalidInput(f"invalid global ID {value!r}", field=field) from None
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
