"""Full-text search: one query language, compiled for SQLite FTS5 and PostgreSQL tsvector."""
