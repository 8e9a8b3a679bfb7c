"""The GraphiQL page works in a real browser with no internet access.

Headless Chromium is started with every non-loopback request sent to a
dead proxy and every host name unresolvable, then driven over the
DevTools protocol: it opens `/graphql`, runs a query and shows the result.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import shutil
import time
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
import websockets

from api.app import create_app
from db.models.enums import RegionLevel
from db.models.geo import Region
from settings import Settings

CHROMIUM_INSTALL = (
    "Chromium is required for the GraphiQL test: install it with "
    "`apt-get update && apt-get install -y chromium` (or `make test`, which does)"
)
CITY_QUERY = '{ region(code: "330282") { name level } }'
TIMEOUT_SECONDS = 30


def _chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        pytest.fail(CHROMIUM_INSTALL)
    return path


class DevTools:
    """A minimal DevTools protocol client for one page target."""

    def __init__(self, socket: websockets.ClientConnection) -> None:
        self.socket = socket
        self.ids = itertools.count(1)
        self.events: list[dict[str, Any]] = []

    async def send(self, method: str, **params: Any) -> dict[str, Any]:
        message_id = next(self.ids)
        await self.socket.send(
            json.dumps({"id": message_id, "method": method, "params": params})
        )
        while True:
            message = json.loads(await self.socket.recv())
            if message.get("id") == message_id:
                if "error" in message:
                    raise RuntimeError(f"{method} failed: {message['error']}")
                return message["result"]
            self.events.append(message)

    async def evaluate(self, expression: str) -> Any:
        result = await self.send(
            "Runtime.evaluate", expression=expression, returnByValue=True
        )
        return result["result"].get("value")

    async def wait_for(self, expression: str) -> Any:
        """Evaluate `expression` until it is truthy; fail after the timeout."""
        deadline = time.monotonic() + TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            value = await self.evaluate(expression)
            if value:
                return value
            await asyncio.sleep(0.2)
        body = await self.evaluate("document.body.innerText")
        pytest.fail(f"timed out waiting for {expression!r}; page text: {body!r}")

    def requested_urls(self) -> list[str]:
        return [
            event["params"]["request"]["url"]
            for event in self.events
            if event.get("method") == "Network.requestWillBeSent"
        ]


async def _debugger_port(profile: Path, process: asyncio.subprocess.Process) -> int:
    port_file = profile / "DevToolsActivePort"
    deadline = time.monotonic() + TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if process.returncode is not None:
            pytest.fail(f"Chromium exited with status {process.returncode}")
        if port_file.exists() and port_file.read_text().strip():
            return int(port_file.read_text().splitlines()[0])
        await asyncio.sleep(0.1)
    pytest.fail("Chromium did not open its DevTools port in time")


@pytest.fixture
async def devtools(tmp_path: Path) -> AsyncIterator[DevTools]:
    profile = tmp_path / "chromium-profile"
    process = await asyncio.create_subprocess_exec(
        _chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
        # Loopback bypasses the proxy by default; everything else is cut off.
        "--proxy-server=127.0.0.1:9",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
        "--remote-debugging-port=0",
        "about:blank",
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )
    try:
        port = await _debugger_port(profile, process)
        async with httpx.AsyncClient() as http:
            targets = (await http.get(f"http://127.0.0.1:{port}/json/list")).json()
        page = next(target for target in targets if target["type"] == "page")
        async with websockets.connect(
            page["webSocketDebuggerUrl"], max_size=None
        ) as socket:
            yield DevTools(socket)
    finally:
        process.terminate()
        await process.wait()


async def test_graphiql_runs_query_offline(server_url: str, devtools: DevTools) -> None:
    await Region.create(code="330282", name="慈溪市", level=RegionLevel.CITY, kind="市")
    await devtools.send("Network.enable")
    await devtools.send("Page.enable")

    await devtools.send(
        "Page.navigate", url=f"{server_url}/graphql?q={quote(CITY_QUERY)}"
    )
    await devtools.wait_for("!!document.querySelector('.graphiql-execute-button')")
    await devtools.evaluate(
        "document.querySelector('.graphiql-execute-button').click()"
    )
    result = await devtools.wait_for(
        "(document.querySelector('.result-window') || {}).innerText?.includes('慈溪市')"
        " && document.querySelector('.result-window').innerText"
    )

    assert '"name": "慈溪市"' in result
    assert '"level": "CITY"' in result
    outside = [
        url
        for url in devtools.requested_urls()
        if not url.startswith((server_url, "data:", "about:"))
    ]
    assert outside == []


async def test_graphiql_assets_are_served(client: httpx.AsyncClient) -> None:
    page = await client.get("/graphql", headers={"Accept": "text/html"})
    script = await client.get("/static/graphiql/graphiql.min.js")

    assert page.status_code == 200
    assert "/static/graphiql/react.production.min.js" in page.text
    assert "unpkg.com" not in page.text
    assert script.status_code == 200
    assert script.headers["content-type"].startswith(
        ("text/javascript", "application/javascript")
    )


async def test_graphiql_disabled_serves_nothing(settings: Settings) -> None:
    app = create_app(replace(settings, graphiql=False), manage_database=False)
    transport = httpx.ASGITransport(app=app)

    async with httpx.AsyncClient(transport=transport, base_url="http://api") as http:
        page = await http.get("/graphql", headers={"Accept": "text/html"})
        script = await http.get("/static/graphiql/graphiql.min.js")

    assert page.status_code == 404
    assert "GraphiQL" not in page.text
    assert script.status_code == 404
