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
