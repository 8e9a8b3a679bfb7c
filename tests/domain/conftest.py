"""Fixtures of the domain tests, shared with the security suite."""

from tests.api.security.conftest import world  # noqa: F401 - a pytest fixture
