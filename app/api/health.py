"""Liveness and readiness probes."""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app.api.deps import DatabaseDep
from app.api.docs import problems
from app.errors import Unavailable
from app.migrate import is_current
from app.schemas import Health

router = APIRouter(tags=["health"])


@router.get(
    "/healthz",
    operation_id="checkLiveness",
    summary="The process is alive",
    response_model=Health,
)
async def healthz() -> Health:
    """Answered by the event loop alone: it never waits for the database."""
    return Health(status="ok")


@router.get(
    "/readyz",
    operation_id="checkReadiness",
    summary="The database is reachable and migrated",
    response_model=Health,
    responses=problems(503),
)
async def readyz(db: DatabaseDep) -> Health:
    def check(session: Session) -> bool:
        try:
            session.execute(text("SELECT 1"))
            return is_current(session.connection())
        except SQLAlchemyError as exc:
            raise Unavailable(
                f"the database cannot be reached ({type(exc).__name__}); check DATABASE_URL"
            ) from None

    if not await db(check):
        raise Unavailable("the database is not at the newest migration; run `parley migrate`")
    return Health(status="ready")
