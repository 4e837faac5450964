"""Full-text search on articles: a GIN index on PostgreSQL, an FTS5 table on SQLite.

Both are created with RunPython so that each backend only runs its own SQL; neither is
part of the model state (the index expression must stay equal to
``diplomacy.search.VECTORS["article"]``).
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

PG_INDEX = "article_text_search_idx"

SQLITE_CREATE = [
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

SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS articles_article_fts_ai",
    "DROP TRIGGER IF EXISTS articles_article_fts_ad",
    "DROP TRIGGER IF EXISTS articles_article_fts_au",
    "DROP TABLE IF EXISTS articles_article_fts",
]


def _index():
    return GinIndex(SearchVector("title", "text", config="english"), name=PG_INDEX)


def create_search(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.add_index(apps.get_model("articles", "Article"), _index())
    elif vendor == "sqlite":
        for sql in SQLITE_CREATE:
            schema_editor.execute(sql)


def drop_search(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("articles", "Article"), _index())
    elif vendor == "sqlite":
        for sql in SQLITE_DROP:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [
        ("diplomacy", "0001_initial"),
        ("articles", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_search, drop_search, elidable=False),
    ]
