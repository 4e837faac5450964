"""Bytes to text: the size limit, byte order marks, binary files, guessed encodings."""

from __future__ import annotations

import codecs
import re

MAX_BYTES = 5_000_000


class ReadError(Exception):
    """A file that cannot be imported; the message says why (the caller adds the file name)."""


def check_size(n_bytes: int, limit: int | None = MAX_BYTES) -> None:
    """Refuse files above ``limit`` bytes (no limit when ``limit`` is None or 0)."""
    if limit and n_bytes > limit:
        raise ReadError(f"larger than the limit ({n_bytes:,} bytes; the limit is {limit:,})")


# --------------------------------------------------------------------------- decoding

_BOMS = (
    # UTF-32 first: its little-endian BOM begins with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BINARY_MAGIC = (
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "ZIP or Office document"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xd0\xcf\x11\xe0", "Word/OLE document"),
    (b"\x7fELF", "executable"),
    (b"Rar!", "RAR archive"),
    (b"7z\xbc\xaf", "7z archive"),
)
# Control characters that never occur in text (tab, newlines, form feed, vertical tab do).
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_CONTROL_SAMPLE = 200_000
_MAX_CONTROL_SHARE = 0.02
_MAX_CHAOS = 0.2  # charset_normalizer's mess ratio above which a guess is not trusted


def decode(data: bytes) -> str:
    """Decode a file's bytes: UTF-8 (BOM or not), UTF-16/32 with a BOM, else a confident guess."""
    if not data.strip():
        raise ReadError("empty document")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as error:
                raise ReadError(
                    f"invalid {encoding.upper()} despite its byte order mark (byte {error.start})"
                ) from None
            return _checked_text(text)
    for magic, kind in _BINARY_MAGIC:
        if data.startswith(magic):
            raise ReadError(f"binary file ({kind})")
    if b"\x00" in data:
        encoding = _sniff_utf16(data)
        if encoding is None:
            if data.count(0) > max(3, len(data) // 1000):
                raise ReadError("binary file (contains NUL bytes)")
            data = data.replace(b"\x00", b"")  # a few stray NULs in a text file: drop them
        else:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise ReadError("binary file (contains NUL bytes)") from None
            return _checked_text(text)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        text = _utf8_cut_short(data, error) or _detected_text(data)
    return _checked_text(text)


def _utf8_cut_short(data: bytes, error: UnicodeDecodeError) -> str | None:
    """UTF-8 whose only fault is a last character cut short (a truncated copy or download):
    the text without that character, rather than a guess at another encoding that would
    turn every other accented letter into two wrong ones."""
    if error.reason != "unexpected end of data" or error.end != len(data):
        return None
    try:
        return data[: error.start].decode("utf-8")
    except UnicodeDecodeError:
        return None


def _sniff_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII-range text leaves a NUL in every other byte."""
    sample = data[:8192]
    sample = sample[: len(sample) - len(sample) % 2]
    half = len(sample) // 2
    if half < 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _detected_text(data: bytes) -> str:
    from charset_normalizer import from_bytes

    results = from_bytes(data)
    best = results.best()
    if best is not None:
        # cp1250 and cp1252 often tie on Western text; the Western page is the likelier
        for match in results:
            if (
                match.encoding == "cp1252"
                and match.chaos <= best.chaos
                and match.coherence >= best.coherence
            ):
                best = match
                break
    if best is None or best.encoding is None or best.chaos > _MAX_CHAOS:
        raise ReadError("not valid UTF-8 and the encoding could not be detected")
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        raise ReadError("not valid UTF-8 and the encoding could not be detected") from None


def _checked_text(text: str) -> str:
    if "\x00" in text:
        text = text.replace("\x00", "")  # PostgreSQL refuses NUL in text columns
    sample = text[:_CONTROL_SAMPLE]
    if sample:
        controls = len(_CONTROL_CHARS.findall(sample))
        if controls > 3 and controls > _MAX_CONTROL_SHARE * len(sample):
            raise ReadError(
                f"binary file ({controls} control characters in the first {len(sample):,})"
            )
    if not text.strip():
        raise ReadError("empty document")
    return text
