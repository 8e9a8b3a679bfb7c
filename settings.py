"""Settings read once from environment variables.

Every name here is documented in the README and used by docker-compose.yml.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from decimal import Decimal


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return default if value in (None, "") else int(value)


def _env_float(name: str, default: float) -> float:
    value = os.environ.get(name)
    return default if value in (None, "") else float(value)


def _env_list(name: str) -> tuple[str, ...]:
    value = os.environ.get(name, "")
    return tuple(part.strip() for part in value.split(",") if part.strip())


def _env_thresholds(name: str, default: tuple[int, ...]) -> tuple[int, ...]:
    value = os.environ.get(name)
    if not value:
        return default
    thresholds = tuple(int(part) for part in value.split(","))
    if len(thresholds) != 5 or list(thresholds) != sorted(thresholds):
        raise ValueError(f"{name} must list 5 ascending hour counts, got {value!r}")
    return thresholds


# Used only outside production mode; check_production rejects it.
DEFAULT_SECRET_KEY = "embedded-default-secret-change-me-in-production"
# The key domain.pii falls back to outside production; repeated here because
# settings import nothing from the project.
DEFAULT_PII_KEY = "embedded-default-pii-key-not-for-production"


@dataclass(frozen=True)
class Settings:
    database_url: str = field(
        default_factory=lambda: os.environ.get(
            "DATABASE_URL", "sqlite://practice-center.sqlite3"
        )
    )
    redis_url: str = field(default_factory=lambda: os.environ.get("REDIS_URL", ""))
    host: str = field(default_factory=lambda: os.environ.get("HOST", "127.0.0.1"))
    port: int = field(default_factory=lambda: _env_int("PORT", 8000))
    debug: bool = field(default_factory=lambda: _env_bool("DEBUG", False))
    production: bool = field(default_factory=lambda: _env_bool("PRODUCTION", False))
    graphiql: bool | None = field(
        default_factory=lambda: (
            None if "GRAPHIQL" not in os.environ else _env_bool("GRAPHIQL", True)
        )
    )
    introspection: bool | None = field(
        default_factory=lambda: (
            None
            if "INTROSPECTION" not in os.environ
            else _env_bool("INTROSPECTION", True)
        )
    )
    secret_key: str = field(
        default_factory=lambda: os.environ.get("SECRET_KEY", DEFAULT_SECRET_KEY)
    )
    pii_key: str = field(default_factory=lambda: os.environ.get("PII_KEY", ""))
    max_page_size: int = field(default_factory=lambda: _env_int("MAX_PAGE_SIZE", 100))
    points_per_hour: Decimal = field(
        default_factory=lambda: Decimal(os.environ.get("POINTS_PER_HOUR", "1"))
    )
    star_thresholds: tuple[int, ...] = field(
        default_factory=lambda: _env_thresholds(
            "STAR_THRESHOLDS", (100, 300, 600, 1000, 1500)
        )
    )
    response_cache_seconds: float = field(
        default_factory=lambda: _env_float("RESPONSE_CACHE_SECONDS", 2)
    )
    dashboard_cache_seconds: int = field(
        default_factory=lambda: _env_int("DASHBOARD_CACHE_SECONDS", 5)
    )
    # Security: token lifetime and the limits on one request (docs/security.md).
    access_token_minutes: int = field(
        default_factory=lambda: _env_int("ACCESS_TOKEN_MINUTES", 60)
    )
    max_query_depth: int = field(
        default_factory=lambda: _env_int("MAX_QUERY_DEPTH", 10)
    )
    max_introspection_depth: int = field(
        default_factory=lambda: _env_int("MAX_INTROSPECTION_DEPTH", 20)
    )
    max_aliases: int = field(default_factory=lambda: _env_int("MAX_ALIASES", 15))
    max_tokens: int = field(default_factory=lambda: _env_int("MAX_TOKENS", 2000))
    max_query_cost: int = field(
        default_factory=lambda: _env_int("MAX_QUERY_COST", 20000)
    )
    max_body_bytes: int = field(
        default_factory=lambda: _env_int("MAX_BODY_BYTES", 65536)
    )
    # Addresses of proxies whose X-Forwarded-For is trusted (uvicorn's
    # forwarded_allow_ips); empty trusts no proxy headers at all.
    forwarded_allow_ips: str = field(
        default_factory=lambda: os.environ.get("FORWARDED_ALLOW_IPS", "")
    )
    rate_limit_requests: int = field(
        default_factory=lambda: _env_int("RATE_LIMIT_REQUESTS", 600)
    )
    rate_limit_window_seconds: int = field(
        default_factory=lambda: _env_int("RATE_LIMIT_WINDOW_SECONDS", 60)
    )

    def check_production(self) -> None:
        """Raise unless production mode has its own secrets set.

        Outside production the embedded defaults let the service run with no
        setup. In production they would sign tokens and encrypt personal data
        with keys that anyone who has this source can read.
        """
        if not self.production:
            return
        missing = [
            name
            for name, value in (
                ("SECRET_KEY", self.secret_key),
                ("PII_KEY", self.pii_key),
            )
            if not value or value in (DEFAULT_SECRET_KEY, DEFAULT_PII_KEY)
        ]
        if missing:
            raise RuntimeError(
                "production mode needs its own "
                + " and ".join(missing)
                + ": set them in the environment"
            )
        for name, value in (("SECRET_KEY", self.secret_key), ("PII_KEY", self.pii_key)):
            if len(value) < 32:
                raise RuntimeError(f"{name} must have at least 32 characters")

    # Live updates: see docs/live-updates.md.
    live_redis_channel: str = field(
        default_factory=lambda: os.environ.get(
            "LIVE_REDIS_CHANNEL", "practice-center:events"
        )
    )
    live_poll_seconds: float = field(
        default_factory=lambda: _env_float("LIVE_POLL_SECONDS", 2.0)
    )
    live_batch_size: int = field(
        default_factory=lambda: _env_int("LIVE_BATCH_SIZE", 500)
    )
    live_queue_size: int = field(
        default_factory=lambda: _env_int("LIVE_QUEUE_SIZE", 1000)
    )
    live_dashboard_interval_seconds: float = field(
        default_factory=lambda: _env_float("LIVE_DASHBOARD_INTERVAL_SECONDS", 1.0)
    )
    ws_init_timeout_seconds: float = field(
        default_factory=lambda: _env_float("WS_INIT_TIMEOUT_SECONDS", 10.0)
    )
    ws_max_subscriptions: int = field(
        default_factory=lambda: _env_int("WS_MAX_SUBSCRIPTIONS", 20)
    )
    ws_recheck_seconds: float = field(
        default_factory=lambda: _env_float("WS_RECHECK_SECONDS", 30.0)
    )
    ws_allowed_origins: tuple[str, ...] = field(
        default_factory=lambda: _env_list("WS_ALLOWED_ORIGINS")
    )

    @property
    def graphiql_enabled(self) -> bool:
        return (not self.production) if self.graphiql is None else self.graphiql

    @property
    def introspection_enabled(self) -> bool:
        if self.introspection is None:
            return not self.production
        return self.introspection


def load_settings() -> Settings:
    return Settings()
