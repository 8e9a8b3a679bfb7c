"""Tortoise configuration shared by the server, the loader, the CLI and tests."""

from __future__ import annotations

import os
from typing import Any

MODEL_MODULES = [
    "db.models.geo",
    "db.models.org",
    "db.models.people",
    "db.models.venue",
    "db.models.project",
    "db.models.activity",
    "db.models.service",
    "db.models.request",
    "db.models.training",
    "db.models.outbox",
    "db.models.access",
]


def tortoise_config(database_url: str | None = None) -> dict[str, Any]:
    """Build the Tortoise config for one database URL (default: DATABASE_URL)."""
    url = database_url or os.environ.get(
        "DATABASE_URL", "sqlite://practice-center.sqlite3"
    )
    return {
        "connections": {"default": url},
        "apps": {
            "models": {
                "models": MODEL_MODULES,
                "default_connection": "default",
                "migrations": "migrations",
            }
        },
        "use_tz": True,
        "timezone": "UTC",
    }


# Read by the `tortoise` command line through [tool.tortoise] in pyproject.toml.
TORTOISE_ORM = tortoise_config()
