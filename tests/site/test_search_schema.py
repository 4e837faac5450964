"""SQLite's full-text triggers come back after a migration drops them."""

from django.db import connection
from django.test import TestCase

from diplomacy.models import Statement
from diplomacy.search import search
from diplomacy.search_schema import ensure_sqlite_search


class SqliteSearchTriggerTests(TestCase):
    def setUp(self):
        if connection.vendor != "sqlite":
            self.skipTest("SQLite only")

    def test_dropped_triggers_are_recreated_and_the_index_rebuilt(self):
        with connection.cursor() as cursor:
            for suffix in ("ai", "ad", "au"):
                cursor.execute(f"DROP TRIGGER diplomacy_statement_fts_{suffix}")
        Statement.objects.create(text="The glaciers of the northern range are melting")
        ensure_sqlite_search()
        self.assertEqual(len(search("glaciers", kinds=["statement"])["statement"]), 1)
        Statement.objects.create(text="Fresh talks on river basins")
        self.assertEqual(len(search("basins", kinds=["statement"])["statement"]), 1)
