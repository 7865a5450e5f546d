"""The WSGI module readies the app before its first request: gunicorn's
master imports it (`headway serve`), so every forked worker starts with the
views imported and the templates compiled. Without it each worker's first
request took about a second (seen in bench/load/: 0.9 s, then 65 ms)."""

from __future__ import annotations

from pathlib import Path

from django.template import engines
from django.urls import get_resolver

import headway
from headway import wsgi

PACKAGE = Path(headway.__file__).resolve().parent


def test_warm_compiles_every_template_headway_ships() -> None:
    shipped = sorted(PACKAGE.rglob("templates/**/*.html"))

    assert len(shipped) > 50
    assert wsgi.warm() == len(shipped)


def test_warm_leaves_the_compiled_templates_in_the_loaders_cache() -> None:
    wsgi.warm()
    cached: set[str] = set()
    loaders = list(engines["django"].engine.template_loaders)
    while loaders:  # django-template-partials wraps Django's cached loader
        loader = loaders.pop()
        cached |= set(getattr(loader, "get_template_cache", {}))
        loaders += getattr(loader, "loaders", [])

    assert "reviews/dashboard.html" in cached
    assert "base.html" in cached


def test_warm_builds_the_reverse_tables_of_every_namespace() -> None:
    wsgi.warm()
    resolver = get_resolver()

    assert resolver._populated
    for _prefix, included in resolver.namespace_dict.values():
        assert included._populated
