"""/docs (Swagger UI) and /redoc (ReDoc), served with their assets from Parley itself.

The assets come from the fastapi-offline package (Swagger UI 5 and ReDoc 2, kept
current by its maintainer), so the explorer works on a machine without internet:
no script, stylesheet or font is fetched from anywhere else. ReDoc's sidebar would
still ask a CDN for its logo; the Content-Security-Policy keeps every request on
this origin, so the browser never sends it.
"""

from __future__ import annotations

from importlib import resources

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from app.web.render import ENVIRONMENT

ASSETS = str(resources.files("fastapi_offline").joinpath("static"))
ASSETS_URL = "/static/explorer"

# Both explorers inject styles at run time; ReDoc builds its search worker from a blob.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "font-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; object-src 'none'"
)

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
    return HTMLResponse(body, headers={"Content-Security-Policy": CONTENT_SECURITY_POLICY})
