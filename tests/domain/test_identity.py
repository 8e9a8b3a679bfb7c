"""Resident ID numbers and phones as the registration rule parses them."""

from __future__ import annotations

from datetime import date

import pytest

from domain.errors import InvalidInput
from domain.identity import normalize_phone, parse_resident_id

VALID = "33028219900517007X"  # check character X for these 17 digits

CASES = [
    # (input, expected number or None, expected message fragment)
    ("330282199005170074", None, "check digit is wrong"),
    ("330282199002300019", None, "impossible birth date 19900230"),
    ("330282900517001", None, "15 digits"),
    ("33028219900517007x", VALID, ""),
    ("３３０２８２１９９００５１７００７Ｘ", VALID, ""),
    ("33028219900517001", None, "17 digits followed by a digit or X"),
    ("330282210005170015", None, "outside 1900 to today"),
    # NFKC leaves Arabic-Indic and Devanagari digits as they are.
    ("٣٣٠٢٨٢١٩٩٠٠٥١٧٠٠٧X", None, "17 digits followed by a digit or X"),
    ("३३०२८२१९९००५१७००७X", None, "17 digits followed by a digit or X"),
    ("٣٣٠٢٨٢٩٠٠٥١٧٠٠١", None, "17 digits followed by a digit or X"),
]


def test_valid_number_checks_out() -> None:
    resident = parse_resident_id(VALID, today=date(2026, 1, 1))

    assert resident.birth_date == date(1990, 5, 17)
    assert resident.is_female is False  # 17th digit 7 is odd


@pytest.mark.parametrize(("value", "number", "message"), CASES)
def test_id_number_table(value: str, number: str | None, message: str) -> None:
    if number is not None:
        assert parse_resident_id(value, today=date(2026, 1, 1)).number == number
        return
    with pytest.raises(InvalidInput) as raised:
        parse_resident_id(value, today=date(2026, 1, 1))
    assert message in raised.value.message
    assert raised.value.field == "idNumber"


PHONE_CASES = [
    # (input, expected phone or None)
    ("+86 138-0000-1234", "13800001234"),
    ("１３８００００１２３４", "13800001234"),
    ("13٨٠٠١٣٨٠٠٠", None),
    ("13९११११२२२२", None),
    ("0574-63012345", None),
]


@pytest.mark.parametrize(("value", "phone"), PHONE_CASES)
def test_phone_table(value: str, phone: str | None) -> None:
    if phone is not None:
        assert normalize_phone(value) == phone
        return
    with pytest.raises(InvalidInput) as raised:
        normalize_phone(value)
    assert raised.value.field == "phone"


def test_phone_accepts_country_code_and_dashes() -> None:
    assert normalize_phone("+86 138-0000-1234") == "13800001234"


def test_phone_rejects_landline() -> None:
    with pytest.raises(InvalidInput) as raised:
        normalize_phone("0574-63012345")
    assert raised.value.field == "phone"
