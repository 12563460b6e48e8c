"""Plain text and Markdown: decode the bytes, whatever their encoding."""

from __future__ import annotations

import codecs

from pactlens.errors import InputError
from pactlens.ingest.types import Extracted
from pactlens.regexes import lazy_re

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: C0 controls other than tab, newlines and form feed: text does not contain them.
_CONTROL = lazy_re(r"[\x00-\x08\x0e-\x1f\x7f]")


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
    wide = _wide_unicode(data)
    if wide is not None:
        return wide
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _declared(data, declared) or _guess(data, name)
    if looks_binary(text):
        raise InputError(f"{name}: binary data, not a supported document type")
    return text


def _wide_unicode(data: bytes) -> str | None:
    """UTF-32 or UTF-16 text written without a BOM, told by where its NUL bytes fall.

    Text in these encodings is mostly characters below U+0100 (Latin) or at
    least below U+10000, so every other byte (UTF-16) or three bytes in four
    (UTF-32) are NUL, at positions fixed by the byte order; ordinary text and
    binary formats do not show that regularity. The decoded text must then
    look like text too.
    """
    sample = data[:4096]
    if b"\x00" not in sample or len(sample) < 8:
        return None
    n = len(sample)

    def nul_share(offset: int, step: int) -> float:
        slots = sample[offset::step]
        return slots.count(0) / max(len(slots), 1)

    candidates = []
    if len(data) % 4 == 0:
        if min(nul_share(1, 4), nul_share(2, 4), nul_share(3, 4)) > 0.9:
            candidates.append("utf-32-le")
        if min(nul_share(0, 4), nul_share(1, 4), nul_share(2, 4)) > 0.9:
            candidates.append("utf-32-be")
    if len(data) % 2 == 0 and n >= 2:
        if nul_share(1, 2) > 0.6 and nul_share(0, 2) < 0.1:
            candidates.append("utf-16-le")
        if nul_share(0, 2) > 0.6 and nul_share(1, 2) < 0.1:
            candidates.append("utf-16-be")
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not looks_binary(text):
            return text
    return None


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
