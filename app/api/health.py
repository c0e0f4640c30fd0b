"""Liveness and readiness probes."""

from __future__ import annotations

from fastapi import APIRouter, Request
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

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
    return Health(status="ok")


@router.get(
    "/readyz",
    operation_id="checkReadiness",
    summary="The database is reachable and migrated",
    response_model=Health,
    responses=problems(503),
)
def readyz(request: Request) -> Health:
    engine = request.app.state.engine
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        current = is_current(engine)
    except SQLAlchemyError as exc:
        raise Unavailable(
            f"the database cannot be reached ({type(exc).__name__}); check DATABASE_URL"
        ) from None
    if not current:
        raise Unavailable("the database is not at the newest migration; run `parley migrate`")
    return Health(status="ready")
