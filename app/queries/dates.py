"""Date filters over a chronology key (app.models.UNDATED): `Document.chronology`, or the
`document_date` that turns and topic links copy from it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.sql.elements import ColumnElement

from app.models import UNDATED


def within(
    key: Any, date_from: dt.date | None, date_to: dt.date | None
) -> list[ColumnElement[bool]]:
    """Conditions keeping the keys from `date_from` to `date_to`, both included. An
    undated record matches no date filter: its key, after every date, is cut off even
    when no `date_to` is given. One range on the key, so its index serves it."""
    if date_from is None and date_to is None:
        return []
    conditions: list[ColumnElement[bool]] = [key < UNDATED]
    if date_from is not None:
        conditions.append(key >= date_from)
    if date_to is not None:
        conditions.append(key <= date_to)
    return conditions
