from __future__ import annotations

from typing import Any

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "headway.accounts"
    label = "accounts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        user_logged_in.connect(theme_into_session, dispatch_uid="headway-theme")


def theme_into_session(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    """Keep the owner's colour theme in the session they just opened, so that
    no page pays a query for it (the header's toggle keeps both current)."""
    from headway.accounts.models import Profile
    from headway.core.context_processors import THEME_SESSION_KEY

    session = getattr(request, "session", None)
    if session is None:
        return
    theme = Profile.objects.filter(owner=user).values_list("theme", flat=True).first()
    session[THEME_SESSION_KEY] = theme or "system"
