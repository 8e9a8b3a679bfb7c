"""docker-compose.yml stays valid and speaks the settings' language.

Docker does not run in the test environment, so these tests read the file:
its shape, the services it promises, and that every variable it gives the
API is one that settings.py reads.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
NGINX = (ROOT / "deploy" / "nginx.conf").read_text()


def _setting_names() -> set[str]:
    source = (ROOT / "settings.py").read_text()
    return set(re.findall(r'"([A-Z][A-Z0-9_]+)"', source))


def test_compose_has_the_promised_services() -> None:
    services = COMPOSE["services"]

    assert set(services) == {"postgres", "redis", "migrate", "api-1", "api-2", "nginx"}
    assert services["migrate"]["command"] == ["python", "-m", "db.migrate"]


def test_api_variables_are_settings() -> None:
    names = _setting_names()

    for service in ("api-1", "api-2", "migrate"):
        environment = COMPOSE["services"][service]["environment"]
        unknown = set(environment) - names
        assert not unknown, f"{service} sets variables settings.py never reads"


def test_api_processes_share_database_and_redis() -> None:
    first = COMPOSE["services"]["api-1"]["environment"]
    second = COMPOSE["services"]["api-2"]["environment"]

    assert first["DATABASE_URL"] == second["DATABASE_URL"]
    assert first["REDIS_URL"] == "redis://redis:6379/0"
    assert first["PRODUCTION"] == "true"


def test_nginx_balances_both_processes() -> None:
    assert "server api-1:8000" in NGINX
    assert "server api-2:8000" in NGINX
    assert "proxy_set_header Upgrade $http_upgrade;" in NGINX
