"""/docs (Swagger UI) and /redoc (ReDoc), served with their assets from Parley itself.

The assets come from the fastapi-offline package (Swagger UI 5 and ReDoc 2, kept
current by its maintainer), so the explorer works on a machine without internet:
no script, stylesheet or font is fetched from anywhere else.
"""

from __future__ import annotations

from importlib import resources

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from app.web.render import ENVIRONMENT

ASSETS = str(resources.files("fastapi_offline").joinpath("static"))
ASSETS_URL = "/static/explorer"

router = APIRouter(include_in_schema=False)


@router.get("/docs", response_class=HTMLResponse)
async def swagger_ui(request: Request) -> HTMLResponse:
    return _explorer(request, "swagger.html")


@router.get("/redoc", response_class=HTMLResponse)
async def redoc(request: Request) -> HTMLResponse:
    return _explorer(request, "redoc.html")


def _explorer(request: Request, template: str) -> HTMLResponse:
    body = ENVIRONMENT.get_template(template).render(
        title=request.app.title, openapi_url=request.app.openapi_url, assets=ASSETS_URL
    )
    return HTMLResponse(body)
