"""Keep resident ID numbers and mobile numbers out of every log record.

The record factory is replaced, so that each record is redacted once when it
is made, whatever logger or handler it then passes through: the message
with its arguments merged, and the text of an attached traceback.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from typing import Any

# Bounded by non-alphanumerics so that longer digit runs (timestamps, hashes)
# are left alone. The groups may be split by one space or dash each, as
# people write them: "330282 19900101 1231", "138-0013-8000".
ID_NUMBER_PATTERN = re.compile(
    r"(?<![0-9A-Za-z])\d{6}[- ]?\d{8}[- ]?\d{3}[0-9Xx](?![0-9A-Za-z])"
)
MOBILE_PATTERN = re.compile(
    r"(?<![0-9A-Za-z])(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?![0-9A-Za-z])"
)

_installed = False


def redact(text: str) -> str:
    text = ID_NUMBER_PATTERN.sub("[ID-NUMBER REDACTED]", text)
    return MOBILE_PATTERN.sub("[MOBILE REDACTED]", text)


def _redact_arg(value: object) -> object:
    """Redact a string argument; leave other values to the final check."""
    return redact(value) if isinstance(value, str) else value


def _redact_record(record: logging.LogRecord) -> None:
    # Arguments keep their shape (a tuple, or one mapping): formatters such
    # as uvicorn's access log unpack them.
    if isinstance(record.msg, str):
        record.msg = redact(record.msg)
    if isinstance(record.args, Mapping):
        record.args = {key: _redact_arg(value) for key, value in record.args.items()}
    elif isinstance(record.args, tuple):
        record.args = tuple(_redact_arg(value) for value in record.args)
    try:
        message = record.getMessage()
    except (TypeError, ValueError):
        # A malformed format string: keep the raw parts, redacted.
        message = f"{record.msg} {record.args}"
    redacted = redact(message)
    if redacted != message:
        # A number passed as a non-string argument: only the merged message
        # can be redacted.
        record.msg = redacted
        record.args = ()
    if record.exc_info and not record.exc_text:
        record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
    if record.stack_info:
        record.stack_info = redact(record.stack_info)


def install_log_redaction() -> None:
    """Wrap the log record factory once per process."""
    global _installed
    if _installed:
        return
    previous = logging.getLogRecordFactory()

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        _redact_record(record)
        return record

    logging.setLogRecordFactory(factory)
    _installed = True
