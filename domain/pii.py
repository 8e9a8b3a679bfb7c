"""Encryption at rest and keyed hashing of personal data.

One secret from PII_KEY yields two keys through HKDF: an AES key for
Fernet (reversible, for the person and administrators) and an HMAC key for
the lookup hash (deterministic, for uniqueness and "find by phone").
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
from dataclasses import dataclass
from functools import lru_cache

from cryptography.fernet import Fernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

logger = logging.getLogger(__name__)

# Used only when PII_KEY is unset outside production, so that the embedded
# default runs with no setup. Data written with it is readable by anyone who
# has this source, which is why production mode rejects it.
EMBEDDED_DEFAULT_KEY = "embedded-default-pii-key-not-for-production"


def _derive(secret: bytes, purpose: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=purpose).derive(
        secret
    )


@dataclass(frozen=True)
class PiiCipher:
    fernet: Fernet
    hash_key: bytes

    @classmethod
    def from_secret(cls, secret: str) -> PiiCipher:
        raw = secret.encode()
        encryption_key = base64.urlsafe_b64encode(_derive(raw, b"pii-encryption"))
        return cls(fernet=Fernet(encryption_key), hash_key=_derive(raw, b"pii-lookup"))

    def encrypt(self, value: str) -> str:
        return self.fernet.encrypt(value.encode()).decode()

    def decrypt(self, token: str) -> str:
        return self.fernet.decrypt(token.encode()).decode()

    def lookup_hash(self, value: str) -> str:
        return hmac.new(self.hash_key, value.encode(), hashlib.sha256).hexdigest()


@lru_cache(maxsize=4)
def cipher_for(secret: str) -> PiiCipher:
    return PiiCipher.from_secret(secret)


def current_cipher() -> PiiCipher:
    """Return the cipher for the configured PII_KEY."""
    from settings import load_settings

    settings = load_settings()
    if settings.pii_key:
        return cipher_for(settings.pii_key)
    if settings.production:
        raise RuntimeError("PII_KEY must be set in production mode")
    return cipher_for(EMBEDDED_DEFAULT_KEY)
