from django.apps import AppConfig
from django.db.models.signals import post_migrate


class DiplomacyConfig(AppConfig):
    name = "diplomacy"
    verbose_name = "Diplomacy register"

    def ready(self):
        from diplomacy import (
            security,  # noqa: F401 - logs and rate-limits failed logins
            summaries,
        )
        from diplomacy.roles import create_roles
        from diplomacy.search_schema import ensure_sqlite_search

        summaries.connect()  # editors' changes recount the country pages they alter
        post_migrate.connect(create_roles, sender=self, dispatch_uid="diplomacy_create_roles")
        post_migrate.connect(
            ensure_sqlite_search, sender=self, dispatch_uid="diplomacy_sqlite_search"
        )
