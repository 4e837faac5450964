"""Settings read from the environment; the production configuration passes the deploy check."""

import os
import subprocess
import sys
from unittest import mock, skipUnless

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.test import SimpleTestCase, TestCase

from config.settings import database_from_url


def clean_environment():
    """This process's environment without what tests set (the browser tests allow async)."""
    drop = {"SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE", "DJANGO_SETTINGS_MODULE"}
    return {k: v for k, v in os.environ.items() if k not in drop}


def manage(*args, **env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={**clean_environment(), **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


class DatabaseUrlTests(SimpleTestCase):
    def test_sqlite_relative_and_absolute(self):
        self.assertEqual(database_from_url("sqlite:////tmp/x.db")["NAME"], "/tmp/x.db")
        relative = database_from_url("sqlite:///data/x.db")["NAME"]
        self.assertEqual(relative, str(settings.BASE_DIR / "data" / "x.db"))

    def test_sqlite_page_cache_from_the_environment(self):
        def init_command():
            return database_from_url("sqlite:////tmp/x.db")["OPTIONS"]["init_command"]

        self.assertIn("PRAGMA cache_size=-65536;", init_command())
        with mock.patch.dict(os.environ, {"SQLITE_CACHE_MB": "8"}):
            self.assertIn("PRAGMA cache_size=-8192;", init_command())

    def test_postgres(self):
        db = database_from_url("postgres://user:p%40ss@db.example:6543/register?sslmode=require")
        self.assertEqual(db["ENGINE"], "django.db.backends.postgresql")
        self.assertEqual(
            (db["USER"], db["PASSWORD"], db["HOST"], db["PORT"], db["NAME"]),
            ("user", "p@ss", "db.example", "6543", "register"),
        )
        self.assertEqual(db["OPTIONS"], {"sslmode": "require", "options": "-c jit=off"})

    def test_postgres_startup_options_can_be_replaced_or_left_out(self):
        given = database_from_url("postgres://u@h/register?options=-c%20work_mem%3D64MB")
        self.assertEqual(given["OPTIONS"], {"options": "-c work_mem=64MB"})
        self.assertEqual(database_from_url("postgres://u@h/register?options=")["OPTIONS"], {})


@skipUnless(connection.vendor == "sqlite", "SQLite's own pragma")
class SqliteConnectionTests(TestCase):
    def test_connections_use_the_page_cache(self):
        # a new connection: the suite's own may have been set otherwise by a test
        fresh = connections.create_connection(DEFAULT_DB_ALIAS)
        try:
            with fresh.cursor() as cursor:
                cursor.execute("PRAGMA cache_size")
                self.assertEqual(cursor.fetchone()[0], -65536)
        finally:
            fresh.close()


@skipUnless(connection.vendor == "postgresql", "PostgreSQL only")
class PostgresConnectionTests(TestCase):
    def test_connections_run_without_jit(self):
        with connection.cursor() as cursor:
            cursor.execute("SHOW jit")
            self.assertEqual(cursor.fetchone()[0], "off")


class ProductionSettingsTests(SimpleTestCase):
    def test_development_key_refuses_to_run_with_debug_off(self):
        result = manage("check", DEBUG="0")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("Set SECRET_KEY", result.stderr)

    def test_production_configuration_passes_the_deploy_check(self):
        result = manage(
            "check",
            "--deploy",
            "--fail-level",
            "WARNING",
            DEBUG="0",
            SECRET_KEY="x" * 20 + "-a-long-random-production-secret-value-0123456789",
            ALLOWED_HOSTS="register.example.org",
        )
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
