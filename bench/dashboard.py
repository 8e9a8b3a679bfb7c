"""Measure the API under many identical concurrent queries.

Usage: python -m bench.dashboard [--database-url URL] [--requests N]
       [--concurrency C] [--time-limit SECONDS]

Without --database-url, a fresh SQLite file is migrated and loaded with the
`default` data set. For each case an API server is started with uvicorn on
a free loopback port and warmed up. Then `--concurrency` clients send
`--requests` copies of one query, stopping early at `--time-limit`. The
dashboard runs twice: with its cache (DASHBOARD_CACHE_SECONDS=5) and
without (0). Results are printed as a Markdown table on stdout.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

logger = logging.getLogger(__name__)

DASHBOARD_QUERY = """
query Dashboard {
  dashboard {
    registeredVolunteers
    brigadesByLevel { level count }
    halls
    hallCoverage { villagesWithHall administrativeVillages ratio }
    projectsByCategory { category count }
    activitiesThisMonth
    confirmedMinutes
    confirmedHours
    hoursByTown { townCode townName minutes hours }
  }
}
"""

REGIONS_QUERY = """
query Regions {
  regions(first: 100, filter: {level: TOWN}) {
    totalCount
    edges {
      node {
        code
        name
        parent { code name }
        children { code name isAdministrativeVillage }
      }
    }
  }
}
"""


@dataclass(frozen=True)
class Case:
    name: str
    query: str
    cache_seconds: int


CASES = (
    Case("dashboard, cache 5 s", DASHBOARD_QUERY, 5),
    Case("dashboard, no cache", DASHBOARD_QUERY, 0),
    Case("regions with parent and children", REGIONS_QUERY, 5),
)


@dataclass(frozen=True)
class Result:
    case: Case
    ok: int
    failed: int
    seconds: float
    latencies: list[float]

    def row(self) -> str:
        if not self.latencies:
            return f"| {self.case.name} | {self.ok} | {self.failed} | - | - | - | - |"
        cuts = statistics.quantiles(self.latencies, n=100, method="inclusive")
        return (
            f"| {self.case.name} | {self.ok} | {self.failed} "
            f"| {self.ok / self.seconds:.0f} "
            f"| {cuts[49] * 1000:.1f} | {cuts[94] * 1000:.1f} | {cuts[98] * 1000:.1f} |"
        )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _prepare_database(directory: Path) -> str:
    url = f"sqlite://{directory / 'bench.sqlite3'}"
    logger.info("migrating and loading the default data set into %s", url)
    subprocess.run(
        [sys.executable, "-m", "db.migrate", "--database-url", url], check=True
    )
    subprocess.run(
        [sys.executable, "-m", "dataset.load", "--size", "default"]
        + ["--database-url", url],
        check=True,
    )
    return url


async def _wait_until_healthy(
    base_url: str, server: asyncio.subprocess.Process
) -> None:
    deadline = time.monotonic() + 30
    async with httpx.AsyncClient(base_url=base_url) as http:
        while time.monotonic() < deadline:
            if server.returncode is not None:
                raise RuntimeError(f"API server exited with status {server.returncode}")
            try:
                if (await http.get("/healthz")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.1)
    raise TimeoutError(f"API server at {base_url} was not healthy within 30 s")


async def _check_query(base_url: str, query: str) -> str | None:
    """Run the query once; return the first GraphQL error message, if any."""
    async with httpx.AsyncClient(base_url=base_url, timeout=30) as http:
        response = await http.post("/graphql", json={"query": query})
    body = response.json()
    if body.get("errors"):
        return body["errors"][0]["message"]
    return None


async def _fire(
    base_url: str, case: Case, requests: int, concurrency: int, time_limit: float
) -> Result:
    latencies: list[float] = []
    failed = 0
    issued = 0
    started = time.perf_counter()
    deadline = started + time_limit

    async def worker() -> None:
        nonlocal failed, issued
        limits = httpx.Limits(max_connections=1)
        async with httpx.AsyncClient(
            base_url=base_url, limits=limits, timeout=60
        ) as http:
            while issued < requests and time.perf_counter() < deadline:
                issued += 1
                sent = time.perf_counter()
                try:
                    response = await http.post("/graphql", json={"query": case.query})
                    good = (
                        response.status_code == 200 and "errors" not in response.json()
                    )
                except httpx.HTTPError:
                    good = False
                if good:
                    latencies.append(time.perf_counter() - sent)
                else:
                    failed += 1

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return Result(
        case, len(latencies), failed, time.perf_counter() - started, latencies
    )


async def _run_case(
    database_url: str, case: Case, args: argparse.Namespace
) -> Result | None:
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DASHBOARD_CACHE_SECONDS": str(case.cache_seconds),
    }
    server = await asyncio.create_subprocess_exec(
        sys.executable,
        *("-m", "uvicorn", "api.app:create_app", "--factory"),
        *("--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"),
        env=env,
    )
    try:
        await _wait_until_healthy(base_url, server)
        error = await _check_query(base_url, case.query)
        if error is not None:
            logger.warning("skipping %s: the query failed: %s", case.name, error)
            return None
        await _fire(base_url, case, min(50, args.requests), 10, args.time_limit)
        logger.info("measuring %s", case.name)
        return await _fire(
            base_url, case, args.requests, args.concurrency, args.time_limit
        )
    finally:
        server.terminate()
        await server.wait()


async def _main(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-") as directory:
        database_url = args.database_url or _prepare_database(Path(directory))
        results = [await _run_case(database_url, case, args) for case in CASES]

    sys.stdout.write(
        f"{args.requests} requests, {args.concurrency} concurrent clients\n\n"
        "| query | ok | failed | requests/s | p50 ms | p95 ms | p99 ms |\n"
        "|---|---|---|---|---|---|---|\n"
    )
    for case, result in zip(CASES, results, strict=True):
        line = result.row() if result else f"| {case.name} | skipped: query failed |"
        sys.stdout.write(line + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url",
        help="a migrated, loaded database (default: a new SQLite file "
        "loaded with the default size)",
    )
    parser.add_argument(
        "--requests", type=int, default=500, help="requests per case (default 500)"
    )
    parser.add_argument(
        "--concurrency",
        type=int,
        default=100,
        help="concurrent clients, one connection each (default 100)",
    )
    parser.add_argument(
        "--time-limit",
        type=float,
        default=120.0,
        help="seconds after which a case stops sending (default 120)",
    )
    args = parser.parse_args()
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s"
    )
    # httpx logs every request at INFO, which would bury the progress lines.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    asyncio.run(_main(args))


if __name__ == "__main__":
    main()
