from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    """Ingestion: reading, extraction, resolution and loading (no models of its own)."""

    name = "articles"
    verbose_name = "Article ingestion"
