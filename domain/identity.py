"""Resident ID numbers (GB 11643-1999) and mainland mobile phone numbers."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from domain.errors import InvalidInput

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARACTERS = "10X98765432"
# ASCII only: \d and str.isdigit() also take Arabic-Indic and Devanagari
# digits, which NFKC leaves as they are, so one number could be stored twice.
_ID_SHAPE = re.compile(r"[0-9]{17}[0-9X]")
_PHONE_SHAPE = re.compile(r"1[3-9][0-9]{9}")


@dataclass(frozen=True)
class ResidentId:
    number: str
    birth_date: date
    is_female: bool

    @property
    def region_code(self) -> str:
        return self.number[:6]


def check_character(first17: str) -> str:
    """Compute the GB 11643 check character (ISO 7064 MOD 11-2) of 17 digits."""
    total = sum(
        int(digit) * weight for digit, weight in zip(first17, _WEIGHTS, strict=True)
    )
    return _CHECK_CHARACTERS[total % 11]


def _normalize(value: str) -> str:
    # NFKC turns full-width digits and the full-width X into ASCII.
    return unicodedata.normalize("NFKC", value).strip().replace(" ", "").upper()


def parse_resident_id(value: str, *, today: date | None = None) -> ResidentId:
    """Validate an 18-character resident ID number and return its parts.

    Accepts full-width digits and a lower-case x, which are normalized, but
    no other digits than ASCII ones after that.
    Raises InvalidInput naming the field `idNumber` for any other problem.
    """
    number = _normalize(value)
    if len(number) == 15 and number.isascii() and number.isdigit():
        raise InvalidInput(
            "ID number has 15 digits, an old first-generation number: "
            "enter the 18-character second-generation number",
            field="idNumber",
        )
    if not _ID_SHAPE.fullmatch(number):
        raise InvalidInput(
            "ID number must be 17 digits followed by a digit or X", field="idNumber"
        )
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise InvalidInput(
            f"ID number contains an impossible birth date {number[6:14]}",
            field="idNumber",
        ) from None
    if born < date(1900, 1, 1) or born > (today or date.today()):
        raise InvalidInput(
            f"ID number contains a birth date {born.isoformat()} outside 1900 to today",
            field="idNumber",
        )
    if check_character(number[:17]) != number[17]:
        raise InvalidInput(
            "ID number check digit is wrong: check the number for a typo",
            field="idNumber",
        )
    return ResidentId(
        number=number, birth_date=born, is_female=int(number[16]) % 2 == 0
    )


def normalize_phone(value: str) -> str:
    """Validate a mainland mobile number, accepting +86, spaces and dashes."""
    phone = re.sub(r"[\s-]", "", _normalize(value))
    if phone.startswith("+86"):
        phone = phone[3:]
    if not _PHONE_SHAPE.fullmatch(phone):
        raise InvalidInput(
            "phone must be an 11-digit mainland mobile number starting with 13-19",
            field="phone",
        )
    return phone


def mask_id_number(number: str) -> str:
    """Keep the region code and the last four characters: 330282********1234."""
    return number[:6] + "*" * 8 + number[-4:]


def mask_phone(phone: str) -> str:
    """Keep the first three and last four digits: 138****5678."""
    return phone[:3] + "****" + phone[-4:]


def mask_name(name: str) -> str:
    """Reduce a Chinese name to its surname and a mask: 张*, 欧阳**."""
    if len(name) <= 1:
        return name
    return name[0] + "*" * (len(name) - 1)
