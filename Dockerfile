FROM python:3.11-slim

WORKDIR /srv/parley
COPY pyproject.toml README.md ./
COPY app ./app
COPY migrations ./migrations
COPY seed ./seed
RUN pip install --no-cache-dir -e .

ENV DATABASE_URL=sqlite:////data/parley.db
VOLUME /data
EXPOSE 8000
# Applies migrations, loads seed/ if it is not loaded yet, then serves.
CMD ["parley", "serve", "--host", "0.0.0.0", "--port", "8000"]
