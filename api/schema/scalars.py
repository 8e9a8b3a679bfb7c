"""Scalars shared by several domains."""

from __future__ import annotations

from typing import NewType

import strawberry

MAX_SEARCH_LENGTH = 64


def _parse_search_text(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError("search text must be a string")
    text = value.strip()
    if len(text) > MAX_SEARCH_LENGTH:
        raise ValueError(
            f"search text is {len(text)} characters long, "
            f"the maximum is {MAX_SEARCH_LENGTH}"
        )
    return text


SearchText = strawberry.scalar(
    NewType("SearchText", str),
    description=f"Text to search for in names, at most {MAX_SEARCH_LENGTH} "
    "characters; surrounding spaces are ignored.",
    serialize=str,
    parse_value=_parse_search_text,
)


# JSON numbers are exact as IEEE doubles up to 2^53, which JavaScript clients read.
MAX_LONG_INT = 2**53 - 1


def _parse_long_int(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValueError(f"a LongInt is a whole number, got {value!r}")
    if isinstance(value, str) and not (value.isascii() and value.isdigit()):
        raise ValueError(f"a LongInt is a whole number, got {value!r}")
    number = int(value)
    if abs(number) > MAX_LONG_INT:
        raise ValueError(f"a LongInt is at most 2^53 - 1 in size, got {value!r}")
    return number


def _serialize_long_int(value: int) -> int:
    if abs(value) > MAX_LONG_INT:
        raise ValueError(f"{value} does not fit in a LongInt")
    return int(value)


# GraphQL Int stops at 2^31 - 1, which sums over a province can pass.
LongInt = strawberry.scalar(
    NewType("LongInt", int),
    description="A whole number that may exceed the 32 bits of Int, serialized "
    "as a JSON number; exact up to 2^53 - 1 in size.",
    serialize=_serialize_long_int,
    parse_value=_parse_long_int,
)


REGION_CODE_LENGTHS = (6, 9, 12)


def _parse_region_code(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError("a region code must be a string of digits")
    code = value.strip()
    if code == "":
        return code
    if len(code) not in REGION_CODE_LENGTHS or not (code.isascii() and code.isdigit()):
        shown_code = (
            code if len(code) <= 16 else f"{code[:16]}... ({len(code)} characters)"
        )
        raise ValueError(
            f"region code {shown_code!r} is invalid: give 6, 9 or 12 ASCII digits, "
            "e.g. 330282"
        )
    return code


RegionCode = strawberry.scalar(
    NewType("RegionCode", str),
    description="Code of a region: 6 (county), 9 (town) or 12 (village) ASCII "
    "digits, e.g. 330282; an empty string means no region filter.",
    serialize=str,
    parse_value=_parse_region_code,
)
