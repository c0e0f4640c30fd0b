"""Absolute URLs of resources, from the public base URL or the request's."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Urls:
    base: str  # without a trailing slash

    def document(self, slug: str) -> str:
        return f"{self.base}/v1/documents/{slug}"

    def utterance(self, public_id: str) -> str:
        return f"{self.base}/v1/utterances/{public_id}"

    def participant(self, slug: str) -> str:
        return f"{self.base}/v1/participants/{slug}"

    def topic(self, slug: str) -> str:
        return f"{self.base}/v1/topics/{slug}"


def utterance_id(document_slug: str, position: int) -> str:
    """Public id of an utterance: stable across reloads of an unchanged record."""
    return f"{document_slug}.{position}"


def split_utterance_id(public_id: str) -> tuple[str, int] | None:
    slug, _, position = public_id.rpartition(".")
    if not slug or not (position.isascii() and position.isdecimal()) or len(position) > 9:
        return None
    return slug, int(position)


# Characters an id cannot hold: it is one segment of the URLs built from it, sent
# unescaped in `url` fields, Link headers and citations, and as a file name in exports.
_UNSAFE_ID = re.compile(r"""[\s/\\?#%<>"'`{}|^\[\]\x00-\x1f\x7f]""")


def id_problem(value: str) -> str | None:
    """Why `value` cannot be a document or participant id, or None when it can."""
    if bad := _UNSAFE_ID.search(value):
        return f"it contains {bad.group()!r}, which cannot stand in a URL path unescaped"
    if value.startswith(".") or ".." in value:
        return "it starts with '.' or contains '..', which URLs read as a path step"
    return None
