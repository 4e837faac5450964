"""Full-text search on statements: a GIN index on PostgreSQL, an FTS5 table on SQLite.

Both are created with RunPython so that each backend only runs its own SQL; neither is
part of the model state (the index expression must stay equal to
``diplomacy.search.VECTORS["statement"]``).
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

PG_INDEX = "statement_text_search_idx"

SQLITE_CREATE = [
    # external content: the text lives once, in diplomacy_statement
    "CREATE VIRTUAL TABLE IF NOT EXISTS diplomacy_statement_fts USING fts5("
    "text, content='diplomacy_statement', content_rowid='id', "
    "tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS diplomacy_statement_fts_ai AFTER INSERT ON diplomacy_statement "
    "BEGIN INSERT INTO diplomacy_statement_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS diplomacy_statement_fts_ad AFTER DELETE ON diplomacy_statement "
    "BEGIN INSERT INTO diplomacy_statement_fts(diplomacy_statement_fts, rowid, text) "
    "VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER IF NOT EXISTS diplomacy_statement_fts_au AFTER UPDATE ON diplomacy_statement "
    "BEGIN INSERT INTO diplomacy_statement_fts(diplomacy_statement_fts, rowid, text) "
    "VALUES ('delete', old.id, old.text); "
    "INSERT INTO diplomacy_statement_fts(rowid, text) VALUES (new.id, new.text); END",
    "INSERT INTO diplomacy_statement_fts(diplomacy_statement_fts) VALUES ('rebuild')",
]

SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS diplomacy_statement_fts_ai",
    "DROP TRIGGER IF EXISTS diplomacy_statement_fts_ad",
    "DROP TRIGGER IF EXISTS diplomacy_statement_fts_au",
    "DROP TABLE IF EXISTS diplomacy_statement_fts",
]


def _index():
    return GinIndex(SearchVector("text", config="english"), name=PG_INDEX)


def create_search(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.add_index(apps.get_model("diplomacy", "Statement"), _index())
    elif vendor == "sqlite":
        for sql in SQLITE_CREATE:
            schema_editor.execute(sql)


def drop_search(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("diplomacy", "Statement"), _index())
    elif vendor == "sqlite":
        for sql in SQLITE_DROP:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [
        ("diplomacy", "0002_reference_data"),
        ("articles", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_search, drop_search, elidable=False),
    ]
