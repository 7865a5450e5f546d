"""Settings come from the environment and fail loudly on bad values."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db.utils import ConnectionHandler

from headway.settings import (
    database_from_url,
    env_bool,
    local_secret_key,
    sqlite_database,
)


def test_a_postgres_url_becomes_a_postgres_database() -> None:
    config = database_from_url("postgresql://me:s%40cret@db.example:6543/career")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["NAME"], config["USER"], config["PASSWORD"]) == (
        "career",
        "me",
        "s@cret",
    )
    assert (config["HOST"], config["PORT"]) == ("db.example", "6543")


def test_an_unknown_database_scheme_is_refused() -> None:
    with pytest.raises(ImproperlyConfigured, match="not supported"):
        database_from_url("mysql://x/y")


def test_a_boolean_that_is_not_one_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HEADWAY_DEBUG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="not a boolean"):
        env_bool("HEADWAY_DEBUG")


def test_the_local_secret_key_is_kept_owner_only_and_reused(tmp_path: Path) -> None:
    first = local_secret_key(tmp_path)
    assert stat.S_IMODE((tmp_path / "secret_key").stat().st_mode) == 0o600
    assert local_secret_key(tmp_path) == first
    assert len(first) >= 50


def test_sqlite_opens_with_wal_a_busy_timeout_and_foreign_keys(
    tmp_path: Path, django_db_blocker: Any
) -> None:
    handler = ConnectionHandler({"default": sqlite_database(tmp_path / "x.sqlite3")})
    connection = handler["default"]
    try:
        with django_db_blocker.unblock(), connection.cursor() as cursor:
            values = {}
            for pragma in ("journal_mode", "busy_timeout", "foreign_keys"):
                cursor.execute(f"PRAGMA {pragma}")
                values[pragma] = cursor.fetchone()[0]
    finally:
        connection.close()
    assert values["journal_mode"] == "wal"
    assert int(values["busy_timeout"]) >= 5000
    assert values["foreign_keys"] == 1


def run_python(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("HEADWAY_")}
    base.pop("DATABASE_URL", None)
    base.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return subprocess.run(
        [sys.executable, "-c", code],
        env=base | env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_server_mode_refuses_to_start_without_a_secret_key(tmp_path: Path) -> None:
    result = run_python(
        "import headway.settings",
        HEADWAY_MODE="server",
        HEADWAY_DATA_DIR=str(tmp_path),
    )
    assert result.returncode != 0
    assert "HEADWAY_SECRET_KEY must be set" in result.stderr


def test_server_mode_passes_the_deployment_checks(tmp_path: Path) -> None:
    result = run_python(
        "import django, os; from django.core.management import call_command;"
        "os.environ['DJANGO_SETTINGS_MODULE']='headway.settings'; django.setup();"
        "call_command('check', '--deploy', '--fail-level', 'WARNING')",
        HEADWAY_MODE="server",
        HEADWAY_DATA_DIR=str(tmp_path),
        HEADWAY_SECRET_KEY="x" * 20 + "a-long-random-production-secret-key-0123456789",
        HEADWAY_ALLOWED_HOSTS="headway.example.org",
        HEADWAY_PUBLIC_URL="https://headway.example.org",
        DATABASE_URL="postgresql://headway@db.example.org/headway",
    )
    assert result.returncode == 0, result.stderr


def test_server_mode_on_sqlite_fails_the_deployment_checks(tmp_path: Path) -> None:
    result = run_python(
        "import django, os; from django.core.management import call_command;"
        "os.environ['DJANGO_SETTINGS_MODULE']='headway.settings'; django.setup();"
        "call_command('check', '--deploy')",
        HEADWAY_MODE="server",
        HEADWAY_DATA_DIR=str(tmp_path),
        HEADWAY_SECRET_KEY="x" * 20 + "a-long-random-production-secret-key-0123456789",
        HEADWAY_ALLOWED_HOSTS="headway.example.org",
    )
    assert result.returncode != 0
    assert "headway.E003" in result.stderr


def test_a_storage_options_value_that_is_not_json_is_named(tmp_path: Path) -> None:
    result = run_python(
        "import headway.settings",
        HEADWAY_DATA_DIR=str(tmp_path),
        HEADWAY_STORAGE_OPTIONS="[1",
    )
    assert result.returncode != 0
    assert "HEADWAY_STORAGE_OPTIONS is not a JSON object" in result.stderr
