"""A trigram index for the statements list's speaker filter (PostgreSQL only).

The filter finds a name in the speaker as the article wrote it (``speaker_text``, the
only name a group or an unresolved speaker has) with ``UPPER(speaker_text) LIKE``; at a
million statements PostgreSQL read them all for it. SQLite has no such index, so there
this migration does nothing. The expression must stay the SQL Django writes for
``icontains``, as in migration 0012.
"""

from django.db import migrations

NAME = "statement_speaker_text_trgm_idx"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {NAME} ON diplomacy_statement "
        'USING gin ((UPPER("speaker_text"::text)) gin_trgm_ops)'
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [("diplomacy", "0015_country_list_count_indexes")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
