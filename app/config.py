"""Settings from the environment (DATABASE_URL, PARLEY_*), read when first asked for."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from limits import parse
from pydantic import AliasChoices, Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# A checkout keeps migrations/ and seed/ beside app/; an installed copy carries them
# inside the package (app/migrations, app/seed, see pyproject.toml).
_CHECKOUT = Path(__file__).resolve().parent.parent
_PACKAGE = Path(__file__).resolve().parent


def _beside_app(name: str) -> Path:
    candidate = _CHECKOUT / name
    return candidate if candidate.exists() else _PACKAGE / name


LOCAL_HOSTS = ["localhost", "127.0.0.1", "::1"]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PARLEY_", extra="ignore")

    database_url: str = Field(
        default="sqlite:///parley.db",
        validation_alias=AliasChoices("DATABASE_URL", "PARLEY_DATABASE_URL"),
        description="SQLAlchemy URL; sqlite:///path or postgresql://user@host/db",
    )
    seed_dir: Path = Field(default_factory=lambda: _beside_app("seed"))
    migrations_dir: Path = Field(default_factory=lambda: _beside_app("migrations"))
    cors_origins: list[str] = Field(default_factory=lambda: ["*"])
    public_url: str | None = Field(
        default=None,
        description="Base URL used in links and citations, e.g. https://parley.example",
    )
    allowed_hosts: list[str] = Field(
        default_factory=lambda: list(LOCAL_HOSTS),
        description="Host headers answered (`*.example.org` for subdomains, `*` for any); "
        "the host of public_url is always allowed",
    )
    cache_max_age: int = Field(default=300, ge=0, description="Cache-Control max-age in seconds")

    host: str = Field(default="127.0.0.1", description="Interface `parley serve` listens on")
    port: int = Field(default=8000, ge=1, le=65535)
    workers: int | None = Field(
        default=None,
        ge=1,
        description="Serving processes; by default one per core, at most MAX_DEFAULT_WORKERS",
    )
    log_level: Literal["debug", "info", "warning", "error", "critical"] = "info"

    pool_size: int = Field(default=10, ge=1, description="Database connections per process")
    pool_timeout: float = Field(
        default=5.0, gt=0, description="Seconds a request waits for a free connection"
    )
    statement_timeout: float = Field(
        default=10.0, gt=0, description="Seconds a request's database work may take"
    )
    render_cache_mb: int = Field(
        default=64,
        ge=0,
        description="Megabytes of rendered JSON each serving process keeps for reuse",
    )
    max_exports: int = Field(default=4, ge=1, description="Files streamed at once per process")
    rate_limit: str = Field(
        default="600/minute",
        description="Requests per client address (`limits` notation, e.g. 100/second; "
        "`none` turns it off)",
    )
    lock_wait: float = Field(
        default=120.0, gt=0, description="Seconds a load waits for another writer's lock"
    )

    @field_validator("rate_limit")
    @classmethod
    def _rate_limit(cls, value: str) -> str:
        if value.strip().lower() != "none":
            parse(value)  # raises ValueError with the reason
        return value

    @property
    def public_host(self) -> str | None:
        return urlsplit(self.public_url).hostname if self.public_url else None


def setting_errors(error: ValidationError) -> list[str]:
    """One line per malformed setting, named as it is set in the environment."""
    lines = []
    for problem in error.errors(include_url=False):
        field = str(problem["loc"][0]) if problem["loc"] else "settings"
        name = "DATABASE_URL" if field == "database_url" else f"PARLEY_{field.upper()}"
        lines.append(f"{name}={problem.get('input')!r}: {problem['msg']}")
    return lines


@lru_cache
def get_settings() -> Settings:
    return Settings()
