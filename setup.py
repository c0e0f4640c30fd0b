"""What pyproject.toml cannot say: migrations/ and seed/ sit beside app/ in the checkout
and are installed inside it (app/migrations, app/seed), so that `pip install .` alone
can migrate a database and load the seed (see app/config.py)."""

from setuptools import find_packages, setup

setup(
    packages=[
        *find_packages(include=["app", "app.*"]),
        "app.migrations",
        "app.migrations.versions",
        "app.seed",
    ],
    package_dir={"app.migrations": "migrations", "app.seed": "seed"},
)
