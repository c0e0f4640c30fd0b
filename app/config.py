"""Settings from the environment (DATABASE_URL, PARLEY_*), read when first asked for."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

# A checkout keeps migrations/ and seed/ beside app/; an installed copy run from
# the checkout finds them in the working directory instead.
_CHECKOUT = Path(__file__).resolve().parent.parent


def _beside_app(name: str) -> Path:
    candidate = _CHECKOUT / name
    return candidate if candidate.exists() else Path.cwd() / name


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
    cache_max_age: int = Field(default=300, ge=0, description="Cache-Control max-age in seconds")


@lru_cache
def get_settings() -> Settings:
    return Settings()
