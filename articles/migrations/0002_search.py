"""Full-text search on articles: a GIN index on PostgreSQL, an FTS5 table on SQLite.

Both are created with RunPython so that each backend only runs its own SQL; neither is
part of the model state (the index expression must stay equal to
``diplomacy.search.VECTORS["article"]``).
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

from diplomacy.search_schema import ARTICLE_SQLITE_CREATE, ARTICLE_SQLITE_DROP

PG_INDEX = "article_text_search_idx"

# the SQL lives with the search code, which recreates it after a table rebuild
SQLITE_CREATE = ARTICLE_SQLITE_CREATE
SQLITE_DROP = ARTICLE_SQLITE_DROP


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
