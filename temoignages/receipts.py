"""Receipt codes: 128 random bits shown once to the author; only a SHA-256 digest is stored."""

import base64
import hashlib
import re
import secrets

RECEIPT_BYTES = 16  # 128 bits: guessing is hopeless even without the rate limit
_ALPHABET_RE = re.compile(r"[^A-Z2-7]")


def new_receipt_code() -> str:
    """``ABCD-EFGH-…``: base32 (no 0/1/8/9 to confuse with O/I/B/g), in groups of four."""
    raw = base64.b32encode(secrets.token_bytes(RECEIPT_BYTES)).decode().rstrip("=")
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def normalise(code: str) -> str:
    """Forgive case, spaces and dashes; a typed « O » or « I » is read as in the code."""
    return _ALPHABET_RE.sub("", (code or "")[:200].upper())


def hash_receipt(code: str) -> str:
    return hashlib.sha256(normalise(code).encode()).hexdigest()
