"""Articles' full-text vector stored in a generated column on PostgreSQL.

Most articles contain a common word, so PostgreSQL skipped the ``to_tsvector``
expression index of ``0002_search`` and computed the vector of every article's text
(about 9 KB each) for every search: 12 seconds on 3,000 articles. The vector is now
computed once, when a row is written, into ``search_vector``; a GIN index serves the
match and ranking reads the stored value. The expression is the one ``0002_search``
indexed, so results are the same.

PostgreSQL only, and not part of the model state: Django never selects or writes the
column (``diplomacy.search`` reaches it by name). SQLite keeps its FTS5 table from
``0002_search``.
"""

from django.db import migrations

TABLE = "articles_article"
COLUMN = "search_vector"
INDEX = "article_search_vector_idx"
OLD_INDEX = "article_text_search_idx"
EXPRESSION = (
    "to_tsvector('english'::regconfig, "
    "COALESCE(\"title\", ''::character varying)::text || ' '::text || COALESCE(\"text\", ''::text))"
)


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f'ALTER TABLE "{TABLE}" ADD COLUMN IF NOT EXISTS "{COLUMN}" tsvector '
        f"GENERATED ALWAYS AS ({EXPRESSION}) STORED"
    )
    schema_editor.execute(
        f'CREATE INDEX IF NOT EXISTS "{INDEX}" ON "{TABLE}" USING gin ("{COLUMN}")'
    )
    # the expression index is no longer used by any query: only a cost on every write
    schema_editor.execute(f'DROP INDEX IF EXISTS "{OLD_INDEX}"')
    schema_editor.execute(f'ANALYZE "{TABLE}"')


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f'CREATE INDEX IF NOT EXISTS "{OLD_INDEX}" ON "{TABLE}" USING gin ({EXPRESSION})'
    )
    schema_editor.execute(f'DROP INDEX IF EXISTS "{INDEX}"')
    schema_editor.execute(f'ALTER TABLE "{TABLE}" DROP COLUMN IF EXISTS "{COLUMN}"')


class Migration(migrations.Migration):
    dependencies = [("articles", "0003_curation_indexes")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
