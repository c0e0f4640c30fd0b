"""Absolute URLs of resources, from the public base URL or the request's."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Urls:
    base: str  # without a trailing slash

    def document(self, slug: str) -> str:
        return f"{self.base}/v1/documents/{slug}"

    def utterance(self, uid: str) -> str:
        return f"{self.base}/v1/utterances/{uid}"

    def participant(self, slug: str) -> str:
        return f"{self.base}/v1/participants/{slug}"

    def topic(self, slug: str) -> str:
        return f"{self.base}/v1/topics/{slug}"


def utterance_id(document_slug: str, position: int) -> str:
    """Public id of a unit: stable across reloads of an unchanged record."""
    return f"{document_slug}.{position}"


def split_utterance_id(uid: str) -> tuple[str, int] | None:
    slug, _, position = uid.rpartition(".")
    if not slug or not (position.isascii() and position.isdecimal()) or len(position) > 9:
        return None
    return slug, int(position)
