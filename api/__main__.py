"""Serve the API with uvicorn on HOST:PORT (python -m api)."""

from __future__ import annotations

import logging
from typing import Any

import uvicorn

from settings import Settings, load_settings


def uvicorn_options(settings: Settings) -> dict[str, Any]:
    """Build the uvicorn options that the settings decide, shared with the tests.

    Proxy headers are trusted only from FORWARDED_ALLOW_IPS: uvicorn's own
    default trusts them from loopback, which would let any local client
    pick the address its rate limit counts against.
    """
    return {
        "ws": "websockets",
        "ws_max_size": settings.max_body_bytes,
        "proxy_headers": bool(settings.forwarded_allow_ips),
        "forwarded_allow_ips": settings.forwarded_allow_ips or "",
    }


def main() -> None:
    settings = load_settings()
    logging.basicConfig(
        level=logging.DEBUG if settings.debug else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s %(message)s",
    )
    uvicorn.run(
        "api.app:create_app",
        factory=True,
        host=settings.host,
        port=settings.port,
        log_level="info",
        **uvicorn_options(settings),
    )


if __name__ == "__main__":
    main()
