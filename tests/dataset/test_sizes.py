"""Reading the --size option of the loader."""

from __future__ import annotations

import pytest

from dataset.sizes import MIN_VOLUNTEERS, Size, parse_size


@pytest.mark.parametrize(
    ("text", "volunteers", "projects", "activities"),
    [
        ("small", 400, 40, 80),
        ("default", 3000, 150, 600),
        ("cixi", 300_000, 1200, 60_000),
        ("5000", 5000, 250, 1000),
    ],
)
def test_size_counts(text: str, volunteers: int, projects: int, activities: int):
    size = parse_size(text)

    assert size == Size(volunteers)
    assert size.projects == projects
    assert size.activities == activities


@pytest.mark.parametrize("text", ["", "0", "297", "huge", "-5", "1e6"])
def test_size_rejects_invalid(text: str) -> None:
    with pytest.raises(ValueError, match="at least 298"):
        parse_size(text)


def test_size_minimum_is_one_captain_per_brigade() -> None:
    assert MIN_VOLUNTEERS == 298
    assert parse_size("298") == Size(298)
