"""Serve the API with uvicorn on HOST:PORT (python -m api)."""

from __future__ import annotations

import logging

import uvicorn

from settings import load_settings


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
        ws="websockets",
    )


if __name__ == "__main__":
    main()
