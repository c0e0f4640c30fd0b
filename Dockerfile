# Parley's image: build a virtual environment in one stage, run it in another as a
# user without privileges. tests/test_image_recipe.py runs this file's build steps in
# a fresh virtual environment, so a change here is tested without a container engine.

FROM python:3.11.11-slim-bookworm AS build
ENV VIRTUAL_ENV=/opt/parley PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
RUN python -m venv "$VIRTUAL_ENV"
WORKDIR /src
# Dependencies before the code: this layer is rebuilt only when pyproject.toml changes.
COPY pyproject.toml ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" > requirements.txt && "$VIRTUAL_ENV/bin/pip" install -r requirements.txt
COPY setup.py README.md ./
COPY app ./app
COPY migrations ./migrations
COPY seed ./seed
# A wheel install, not an editable one: migrations and seed travel inside the package.
RUN "$VIRTUAL_ENV/bin/pip" install --no-deps .

FROM python:3.11.11-slim-bookworm
RUN useradd --system --uid 10001 --home-dir /data --create-home parley
COPY --from=build /opt/parley /opt/parley
ENV PATH=/opt/parley/bin:$PATH \
    DATABASE_URL=sqlite:////data/parley.db \
    PARLEY_HOST=0.0.0.0 \
    PARLEY_PORT=8000
USER parley
WORKDIR /data
VOLUME /data
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s --start-period=30s CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen(f\"http://127.0.0.1:{os.environ.get('PARLEY_PORT', '8000')}/healthz\", timeout=2)"]
# Applies migrations (one replica at a time), loads seed/ if it is not loaded yet,
# then serves.
CMD ["parley", "serve"]
