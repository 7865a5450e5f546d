"""`headway check`, `headway backup` / `restore`, and `serve --workers`."""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from headway.cli import app
from headway.cli.serve import gunicorn_options

STRONG_KEY = secrets.token_urlsafe(50)


def headway(
    data_dir: Path, *arguments: str, stdin: str = "", **env: str
) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("HEADWAY_")}
    base["HEADWAY_WARM"] = "0"
    base.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "headway", *arguments],
        env=base | {"HEADWAY_DATA_DIR": str(data_dir)} | env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def titles(data_dir: Path, *user: str, **env: str) -> list[str]:
    result = headway(data_dir, *user, "entries", "--json", **env)
    assert result.returncode == 0, result.stderr
    return [entry["title"] for entry in json.loads(result.stdout)]


# --- backup and restore ------------------------------------------------------


@pytest.mark.sqlite_file
def test_a_sqlite_backup_restores_to_what_was_saved(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert headway(data, "log", "Before the backup").returncode == 0
    copy = tmp_path / "copy.sqlite3"
    made = headway(data, "backup", "-o", str(copy))
    assert made.returncode == 0, made.stderr
    assert oct(copy.stat().st_mode & 0o777) == "0o600"
    assert headway(data, "log", "After the backup").returncode == 0
    restored = headway(data, "restore", str(copy), "--yes")
    assert restored.returncode == 0, restored.stderr
    assert "as it was before the restore" in restored.stdout
    assert titles(data) == ["Before the backup"]
    # The data replaced by the restore is kept in backups/, whole.
    kept = next((data / "backups").glob("*before-restore.sqlite3"))
    assert headway(data, "restore", str(kept), "--yes").returncode == 0
    assert sorted(titles(data)) == ["After the backup", "Before the backup"]


@pytest.mark.sqlite_file
def test_a_backup_never_overwrites_a_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    existing = tmp_path / "existing"
    existing.write_text("keep me")
    result = headway(data, "backup", "-o", str(existing))
    assert result.returncode == 1
    assert "exists" in result.stderr
    assert existing.read_text() == "keep me"


@pytest.mark.sqlite_file
def test_restore_asks_first_and_refuses_what_is_not_a_headway_backup(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    assert headway(data, "log", "Kept").returncode == 0
    copy = tmp_path / "copy.sqlite3"
    assert headway(data, "backup", "-o", str(copy)).returncode == 0
    assert headway(data, "log", "Also kept").returncode == 0
    declined = headway(data, "restore", str(copy), stdin="n\n")
    assert declined.returncode == 1
    assert "Nothing restored" in declined.stderr
    junk = tmp_path / "notes.txt"
    junk.write_text("not a database")
    refused = headway(data, "restore", str(junk), "--yes")
    assert refused.returncode == 1
    assert "is not a SQLite database" in refused.stderr
    assert sorted(titles(data)) == ["Also kept", "Kept"]


POSTGRES_URL = os.environ.get(
    "HEADWAY_TEST_PG_ADMIN_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)


def postgres_reachable() -> bool:
    if shutil.which("psql") is None:
        return False
    probe = subprocess.run(
        ["psql", POSTGRES_URL, "-c", "select 1"], capture_output=True, check=False
    )
    return probe.returncode == 0


@pytest.mark.skipif(
    shutil.which("pg_dump") is None or not postgres_reachable(),
    reason="needs pg_dump and a PostgreSQL server",
)
def test_a_postgres_backup_restores_with_pg_dump_and_pg_restore(
    tmp_path: Path,
) -> None:
    name = f"headway_backup_{uuid.uuid4().hex[:8]}"
    subprocess.run(["psql", POSTGRES_URL, "-c", f"CREATE DATABASE {name}"], check=True)
    try:
        url = POSTGRES_URL.rsplit("/", 1)[0] + f"/{name}"
        env = {
            "HEADWAY_MODE": "server",
            "DATABASE_URL": url,
            "HEADWAY_SECRET_KEY": STRONG_KEY,
        }
        data = tmp_path / "data"
        assert headway(data, "init", **env).returncode == 0
        added = headway(
            data, "user", "add", "dana", "--password-stdin",
            stdin="correct horse battery staple\n", **env,
        )  # fmt: skip
        assert added.returncode == 0, added.stderr
        user = ("--user", "dana")
        assert headway(data, *user, "log", "Before", **env).returncode == 0
        dump = tmp_path / "headway.pgdump"
        made = headway(data, "backup", "-o", str(dump), **env)
        assert made.returncode == 0, made.stderr
        assert dump.read_bytes()[:5] == b"PGDMP"
        assert headway(data, *user, "log", "After", **env).returncode == 0
        restored = headway(data, "restore", str(dump), "--yes", **env)
        assert restored.returncode == 0, restored.stderr
        assert titles(data, *user, **env) == ["Before"]
    finally:
        subprocess.run(
            [
                "psql",
                POSTGRES_URL,
                "-c",
                f"DROP DATABASE IF EXISTS {name} WITH (FORCE)",
            ],
            check=False,
        )


# --- headway check -------------------------------------------------------------


@pytest.fixture
def private_data_dir(
    settings: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Path:
    # Set for the whole session when the browser tests are collected; Django's
    # deploy check (rightly) calls it an error.
    monkeypatch.delenv("DJANGO_ALLOW_ASYNC_UNSAFE", raising=False)
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    settings.DATA_DIR = folder
    return folder


def test_check_passes_a_sound_local_setup(
    settings: Any, private_data_dir: Path
) -> None:
    settings.SECRET_KEY = STRONG_KEY
    result = CliRunner().invoke(app, ["check"])
    assert result.exit_code == 0, result.output
    assert "Headway check passed: 0 error(s)" in result.stdout


def test_check_fails_a_bad_server_setup_naming_each_problem(
    settings: Any, private_data_dir: Path
) -> None:
    settings.LOCAL_MODE = False
    settings.DEBUG = True
    settings.SECRET_KEY = "changeme"
    settings.ALLOWED_HOSTS = []
    settings.SECURE_HSTS_SECONDS = 0
    settings.BASE_URL = "http://headway.example.org"
    result = CliRunner().invoke(app, ["check"])
    assert result.exit_code == 1
    out = result.stdout
    assert "ERROR headway.E001: HEADWAY_SECRET_KEY is weak" in out
    assert "ERROR headway.E002: HEADWAY_DEBUG is on in server mode" in out
    assert "ERROR headway.E004: HEADWAY_ALLOWED_HOSTS is empty" in out
    assert "WARNING headway.W007" in out
    assert "security.W004" in out  # Django's own deploy check (HSTS)
    assert "fix: " in out
    assert "check failed" in result.stderr


def test_check_finds_a_data_file_others_can_read(
    settings: Any, private_data_dir: Path
) -> None:
    settings.SECRET_KEY = STRONG_KEY
    leaked = private_data_dir / "headway.sqlite3"
    leaked.write_bytes(b"")
    leaked.chmod(0o644)
    result = CliRunner().invoke(app, ["check"])
    assert result.exit_code == 1
    assert "headway.E008" in result.stdout
    assert str(leaked) in result.stdout


# --- serve --workers ---------------------------------------------------------


def test_serve_runs_gunicorn_with_the_workers_asked_for(
    settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.LOCAL_MODE = False
    ran: dict[str, Any] = {}
    monkeypatch.setattr(
        "headway.cli.serve.run_gunicorn", lambda **options: ran.update(options)
    )
    result = CliRunner().invoke(app, ["serve", "--workers", "3", "--port", "8100"])
    assert result.exit_code == 0, result.output
    assert ran == {"host": "127.0.0.1", "port": 8100, "workers": 3}
    assert "with 3 worker process(es)" in result.stdout


def test_the_gunicorn_settings_cap_headers_and_use_threads(settings: Any) -> None:
    settings.TRUSTED_PROXIES_RAW = ["10.0.0.2"]
    options = gunicorn_options(host="::1", port=8000, workers=4)
    assert options["bind"] == "[::1]:8000"
    assert options["workers"] == 4
    assert options["worker_class"] == "gthread"
    assert options["limit_request_line"] == 8190
    assert options["forwarded_allow_ips"] == "10.0.0.2"
