"""The WSGI application, ready to serve before its first request.

Importing this module sets Django up and then does once what every
worker's first request would otherwise pay for (about a second: the URL
configuration imports every view and builds the API's schema, and each
page's templates are compiled). `headway serve` imports it in gunicorn's
master, so the workers it forks start warm.
"""

from __future__ import annotations

import os
from pathlib import Path

from django.core.wsgi import get_wsgi_application
from django.urls import URLResolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "headway.settings")
application = get_wsgi_application()


def _reverse_ready(resolver: URLResolver) -> None:
    """Build the lookup tables `reverse()` fills on first use, namespaces too."""
    resolver.reverse_dict  # noqa: B018  built on first access
    for _prefix, included in resolver.namespace_dict.values():
        _reverse_ready(included)


def warm() -> int:
    """Import the URL configuration and compile Headway's templates.

    Returns how many templates were compiled; Django's cached template
    loader keeps them for the life of the process.
    """
    from django.template import engines
    from django.template.utils import get_app_template_dirs
    from django.urls import get_resolver

    _reverse_ready(get_resolver())  # imports every view and the API
    engine = engines["django"]
    package = Path(__file__).resolve().parent
    compiled = 0
    # engine.template_dirs misses the apps' folders: django-template-partials
    # wraps the loaders and turns APP_DIRS off.
    for directory in (*engine.dirs, *get_app_template_dirs("templates")):
        root = Path(str(directory))
        if package not in root.parents:
            continue  # Django's own (admin, forms) are compiled when used
        for path in sorted(root.rglob("*.html")):
            engine.get_template(path.relative_to(root).as_posix())
            compiled += 1
    return compiled


warm()
