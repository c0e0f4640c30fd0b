"""Turning the bytes of a source file into numbered lines, or saying why not."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from app.ingest.model import Line, ParseError

# Control characters other than tab, newline and carriage return never occur in
# a transcript; more than a few of them means the file is not text at all.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def content_hash(data: bytes, sidecar: bytes = b"") -> str:
    """SHA-256 of the file, and of its sidecar if it has one (a changed sidecar reloads)."""
    digest = hashlib.sha256(data)
    if sidecar:
        digest.update(b"\0sidecar\0" + sidecar)
    return digest.hexdigest()


def decode(data: bytes, source: str) -> list[Line]:
    """Numbered lines of a UTF-8 text file (a BOM and CRLF line ends are accepted)."""
    if not data.strip():
        raise ParseError(source, None, "the file is empty; expected a transcript in UTF-8 text")
    if b"\x00" in data[:8192]:
        raise ParseError(
            source, None, "this is a binary file (it contains NUL bytes); expected UTF-8 text"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ParseError(
            source,
            data[: exc.start].count(b"\n") + 1,
            f"byte 0x{data[exc.start]:02x} at offset {exc.start} is not valid UTF-8; "
            "expected a UTF-8 text file (re-save it as UTF-8)",
        ) from None
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        if CONTROL_CHARACTERS.search(line):
            raise ParseError(
                source, number, "control characters in the text; expected a plain UTF-8 transcript"
            )
    return [Line(number, line.rstrip()) for number, line in enumerate(lines, start=1)]


def paragraphs(lines: list[Line]) -> list[list[Line]]:
    """Blank-line separated blocks of lines."""
    blocks: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line.text.strip():
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks
