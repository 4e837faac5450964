"""Keep SQLite's full-text tables in step after every migrate.

SQLite rebuilds a table when a migration alters it, and the rebuild drops the triggers
that feed the FTS5 tables: the search would silently stop seeing new rows. After each
migrate, missing triggers are created again and the index is rebuilt once. The SQL of
the statements' table lives in its migration, that of the articles' table here.
"""

import importlib

from django.db import connections

TRIGGER_SUFFIXES = ("_fts_ai", "_fts_ad", "_fts_au")

# The articles' FTS5 table (created by the migration articles.0002_search, when the
# ingestion app owned the Article model; the table kept its name when it moved here).
ARTICLE_SQLITE_CREATE = [
    # external content: title and text live once, in articles_article
    "CREATE VIRTUAL TABLE IF NOT EXISTS articles_article_fts USING fts5("
    "title, text, content='articles_article', content_rowid='id', "
    "tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS articles_article_fts_ai AFTER INSERT ON articles_article "
    "BEGIN INSERT INTO articles_article_fts(rowid, title, text) "
    "VALUES (new.id, new.title, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS articles_article_fts_ad AFTER DELETE ON articles_article "
    "BEGIN INSERT INTO articles_article_fts(articles_article_fts, rowid, title, text) "
    "VALUES ('delete', old.id, old.title, old.text); END",
    "CREATE TRIGGER IF NOT EXISTS articles_article_fts_au AFTER UPDATE ON articles_article "
    "BEGIN INSERT INTO articles_article_fts(articles_article_fts, rowid, title, text) "
    "VALUES ('delete', old.id, old.title, old.text); "
    "INSERT INTO articles_article_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    "INSERT INTO articles_article_fts(articles_article_fts) VALUES ('rebuild')",
]

ARTICLE_SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS articles_article_fts_ai",
    "DROP TRIGGER IF EXISTS articles_article_fts_ad",
    "DROP TRIGGER IF EXISTS articles_article_fts_au",
    "DROP TABLE IF EXISTS articles_article_fts",
]


def _sqlite_create_lists():
    statements = importlib.import_module("diplomacy.migrations.0003_search").SQLITE_CREATE
    return (statements, ARTICLE_SQLITE_CREATE)


def ensure_sqlite_search(using="default", **kwargs):
    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")
        present = {row[0] for row in cursor.fetchall()}
        for statements in _sqlite_create_lists():
            table = statements[0].split("EXISTS ", 1)[1].split()[0]  # "<base>_fts"
            base = table[: -len("_fts")]
            if base not in present:
                continue  # migrations not applied yet
            wanted = {table} | {base + suffix for suffix in TRIGGER_SUFFIXES}
            if wanted <= present:
                continue
            for sql in statements:  # CREATE ... IF NOT EXISTS, then 'rebuild'
                cursor.execute(sql)
