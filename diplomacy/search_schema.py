"""Keep SQLite's full-text tables in step after every migrate.

SQLite rebuilds a table when a migration alters it, and the rebuild drops the triggers
that feed the FTS5 tables: the search would silently stop seeing new rows. After each
migrate, missing triggers are created again (the SQL lives in the search migrations) and
the index is rebuilt once.
"""

import importlib

from django.db import connections

SEARCH_MIGRATIONS = ("diplomacy.migrations.0003_search", "articles.migrations.0002_search")
TRIGGER_SUFFIXES = ("_fts_ai", "_fts_ad", "_fts_au")


def ensure_sqlite_search(using="default", **kwargs):
    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")
        present = {row[0] for row in cursor.fetchall()}
        for module_name in SEARCH_MIGRATIONS:
            statements = importlib.import_module(module_name).SQLITE_CREATE
            table = statements[0].split("EXISTS ", 1)[1].split()[0]  # "<base>_fts"
            base = table[: -len("_fts")]
            if base not in present:
                continue  # migrations not applied yet
            wanted = {table} | {base + suffix for suffix in TRIGGER_SUFFIXES}
            if wanted <= present:
                continue
            for sql in statements:  # CREATE ... IF NOT EXISTS, then 'rebuild'
                cursor.execute(sql)
