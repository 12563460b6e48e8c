"""Plain text and Markdown: decode the bytes, whatever their encoding."""

from __future__ import annotations

import codecs
import re

from pactlens.errors import InputError
from pactlens.ingest.types import Extracted

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: C0 controls other than tab, newlines and form feed: text does not contain them.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def decode(data: bytes, name: str, declared: str | None = None) -> str:
    """Decode text bytes: BOM first, then UTF-8, then the ``declared`` charset (an HTML
    page's ``<meta charset>``), then charset-normalizer's best guess.

    Raises :class:`InputError` when the bytes are not text in any encoding.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                break
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _declared(data, declared) or _guess(data, name)
    if looks_binary(text):
        raise InputError(f"{name}: binary data, not a supported document type")
    return text


def _declared(data: bytes, encoding: str | None) -> str | None:
    if not encoding:
        return None
    try:
        return data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return None  # a wrong or unknown declaration: guess instead


def _guess(data: bytes, name: str) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{name}: binary data, not a supported document type (no text encoding fits)")
    return str(best)


def looks_binary(text: str) -> bool:
    """True when more than 1 % of a sample are control characters no text file holds."""
    sample = text[:65536]
    return bool(sample) and len(_CONTROL.findall(sample)) > max(1, len(sample) // 100)


def read_text(data: bytes, name: str, media_type: str = "text/plain") -> Extracted:
    return Extracted(text=decode(data, name), media_type=media_type)
