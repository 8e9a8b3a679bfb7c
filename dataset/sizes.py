"""How much generated population a load creates, by name or volunteer count."""

from __future__ import annotations

from dataclasses import dataclass

# small: tests; default: `make serve`; cixi: the scale of Cixi itself, where
# about 300,000 of 2 million residents are registered volunteers.
NAMED_SIZES = {"small": 400, "default": 3000, "cixi": 300_000}

# Each brigade has its own captain: 1 corps, 24 town brigades, 273 squads.
MIN_VOLUNTEERS = 1 + 24 + 273


@dataclass(frozen=True)
class Size:
    volunteers: int

    @property
    def projects(self) -> int:
        """One project per 20 volunteers, between 40 and 1,200 projects."""
        return min(1200, max(40, self.volunteers // 20))

    @property
    def activities(self) -> int:
        """One activity per 5 volunteers, at least 80."""
        return max(80, self.volunteers // 5)


def parse_size(text: str) -> Size:
    """Read `small`, `default`, `cixi` or a number of volunteers."""
    if text in NAMED_SIZES:
        return Size(NAMED_SIZES[text])
    if text.isdigit() and int(text) >= MIN_VOLUNTEERS:
        return Size(int(text))
    names = ", ".join(NAMED_SIZES)
    raise ValueError(
        f"size must be one of {names} or a number of volunteers of at least "
        f"{MIN_VOLUNTEERS} (one captain per brigade), got {text!r}"
    )
