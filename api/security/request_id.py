"""The id of the request being served, for logs and masked errors."""

from __future__ import annotations

import secrets
from contextvars import ContextVar

current_request_id: ContextVar[str] = ContextVar("current_request_id", default="")


def new_request_id() -> str:
    return secrets.token_hex(8)
