"""`headway serve`: the web app on this computer, with a one-time sign-in link."""

from __future__ import annotations

from typing import Any

import typer


def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", "-p", min=1, max=65535, help="Port."),
    workers: int = typer.Option(
        1, "--workers", min=1, max=32, help="Worker processes."
    ),
) -> None:
    """Serve the web app and print a link that signs you in."""
    from headway.cli.accounts import login_link
    from headway.core.bootstrap import ensure_initialised

    ensure_initialised()
    from django.conf import settings

    if settings.LOCAL_MODE:
        typer.echo(
            f"Headway is running. Open this link to sign in (valid 10 minutes):\n\n"
            f"    {login_link(host=host, port=port)}\n"
        )
        typer.echo("`headway login-url` prints a fresh link at any time. Ctrl-C stops.")
    else:
        typer.echo(
            f"Headway (server mode) listening on http://{host}:{port}/ "
            f"with {workers} worker process(es)"
        )
    run_gunicorn(host=host, port=port, workers=workers)


# Idle keep-alive connections stay open this long (gunicorn's default is 2 s).
# A client that pauses longer than that between requests, as a person does,
# raced the server's close: the load benchmark (bench/load/) lost a POST to
# "Remote end closed connection without response" about once a thousand.
KEEPALIVE_SECONDS = 10


def gunicorn_options(*, host: str, port: int, workers: int) -> dict[str, Any]:
    """The gunicorn settings `headway serve` runs with (docs/deploy.md)."""
    from django.conf import settings

    return {
        "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
        "workers": workers,
        "worker_class": "gthread",
        "threads": 4,
        "keepalive": KEEPALIVE_SECONDS,
        # Behind a reverse proxy in server mode: its access log is the one kept.
        "accesslog": None,
        "errorlog": "-",
        "loglevel": "warning",
        # A worker stuck longer than this is restarted; slow clients are the
        # proxy's to buffer.
        "timeout": 60,
        "graceful_timeout": 30,
        # Only the proxy's X-Forwarded-* are believed (HEADWAY_TRUSTED_PROXIES).
        "forwarded_allow_ips": ",".join(settings.TRUSTED_PROXIES_RAW) or "127.0.0.1",
        # Headers are capped here; bodies by the app before it reads them
        # (accounts.middleware.BodyLimitMiddleware) and by the proxy.
        "limit_request_line": 8190,
        "limit_request_fields": 100,
        "limit_request_field_size": 8190,
    }


def run_gunicorn(*, host: str, port: int, workers: int) -> None:
    from gunicorn.app.base import BaseApplication

    from headway.wsgi import application

    options = gunicorn_options(host=host, port=port, workers=workers)

    class HeadwayServer(BaseApplication):  # type: ignore[misc]  # gunicorn is untyped
        def load_config(self) -> None:
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            return application

    HeadwayServer().run()


def register(app: typer.Typer) -> None:
    from headway.cli.output import guarded

    app.command()(guarded(serve))
