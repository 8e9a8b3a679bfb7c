"""The app as `python -m api` runs it: its own process, its own connections."""

from __future__ import annotations

import asyncio
import os
import sys
import time

import httpx

from tests.servers import free_port


async def test_served_app_reaches_database(database_url: str) -> None:
    port = free_port()
    server = await asyncio.create_subprocess_exec(
        sys.executable,
        *("-m", "uvicorn", "api.app:create_app", "--factory"),
        *("--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"),
        env={**os.environ, "DATABASE_URL": database_url},
    )
    statuses = []
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as http:
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline and 200 not in statuses:
                try:
                    statuses.append((await http.get("/healthz")).status_code)
                except httpx.TransportError:
                    await asyncio.sleep(0.1)
    finally:
        server.terminate()
        await server.wait()

    assert statuses[-1:] == [200], statuses
    assert 503 not in statuses
