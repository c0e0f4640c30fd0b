"""Query functions: keyword-only, no HTTP. Each returns read models from app.schemas."""
