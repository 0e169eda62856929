"""Decoding article bytes: UTF-8 (with or without BOM), UTF-16, else a legacy 8-bit or CJK
encoding: cp1252, the usual one of English news, unless charset-normalizer finds the bytes
clearly in another script's encoding (KOI8-R, cp1251, GBK, Shift-JIS ...).

>>> decode_bytes("café".encode("utf-8"))
('café', [])
"""

from __future__ import annotations

from typing import Optional


class ReadError(Exception):
    """A whole input (file or path) could not be read."""


# ---------------------------------------------------------------------------- decoding


def decode_bytes(data: bytes, name: str = "<bytes>") -> tuple[str, list[str]]:
    """Decode article bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252.

    Returns ``(text, warnings)``; raises :class:`ReadError` for binary data.

    >>> decode_bytes("café".encode("utf-8"))
    ('café', [])
    >>> decode_bytes(b"caf\\xe9")[0]
    'café'
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError as exc:
            raise ReadError(f"{name}: invalid UTF-16 after its byte order mark ({exc.reason})") from None
    if b"\x00" in data:
        guess = _utf16_without_bom(data)
        if guess is not None:
            return guess, [f"{name}: UTF-16 without a byte order mark; decoded by guess"]
        pos = data.index(b"\x00")
        raise ReadError(f"{name}: binary data (NUL byte at offset {pos}), not a text article")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        text, encoding = decode_legacy(data)
        return text, [
            f"{name}: line {line}: invalid UTF-8 (byte 0x{data[exc.start]:02x} at offset "
            f"{exc.start}); decoded as {encoding}"
        ]


# cp1252 is kept unless more than this share of the letters it gives are not ASCII: Western
# text has a few accented letters, other scripts read as cp1252 are nearly all of them
FOREIGN_SHARE = 0.3
MAX_CHAOS = 0.1  # charset-normalizer's mess ratio above which its guess is not trusted


def decode_legacy(data: bytes) -> tuple[str, str]:
    """Text that is not UTF-8: ``(text, encoding)``.

    cp1252 (the encoding of old Western news files, as before), unless the letters it gives
    are mostly not ASCII and charset-normalizer finds a coherent decoding in another
    encoding (Cyrillic, Greek, Chinese, Japanese ... legacy files), which is then used.

    >>> decode_legacy("Xi’s visit to the café".encode("cp1252"))
    ('Xi’s visit to the café', 'cp1252')
    >>> decode_legacy(("Путин встретился с Си Цзиньпином в Москве. " * 2).encode("koi8_r"))[1]
    'koi8_r'
    """
    text = data.decode("cp1252", errors="replace")
    letters = sum(ch.isalpha() for ch in text)
    foreign = sum(ch.isalpha() and ord(ch) > 127 for ch in text)
    if not letters or foreign <= FOREIGN_SHARE * letters:
        return text, "cp1252"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.chaos > MAX_CHAOS or not best.coherence or best.encoding in ("cp1252", "ascii"):
        return text, "cp1252"
    return str(best), best.encoding


def _utf16_without_bom(data: bytes) -> Optional[str]:
    """The text of UTF-16 bytes that carry no byte order mark, when they clearly are (NULs
    on one side, nearly all printable), else None."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_nuls = data[0::2].count(0) / (len(data) / 2)
    odd_nuls = data[1::2].count(0) / (len(data) / 2)
    encoding = (
        "utf-16-le"
        if odd_nuls > 0.6 and even_nuls < 0.05
        else ("utf-16-be" if even_nuls > 0.6 and odd_nuls < 0.05 else None)
    )
    if encoding is None:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    printable = sum(c.isprintable() or c in "\r\n\t" for c in text)
    return text if "\x00" not in text and printable >= 0.95 * len(text) else None
