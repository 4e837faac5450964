from django.apps import AppConfig


class BenchConfig(AppConfig):
    """Tools, not domain: benchmarks and the synthetic corpus (no models)."""

    name = "bench"
    verbose_name = "Benchmarks and synthetic data"
