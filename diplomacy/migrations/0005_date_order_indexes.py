"""Indexes for the lists' order, "date DESC NULLS LAST, id", on PostgreSQL.

PostgreSQL sorts NULLs first in descending order, so the plain (-date, id) indexes cannot
serve the public lists' order (undated records last). SQLite already sorts NULLs last in
descending order and does not accept NULLS LAST in an index, so it needs nothing more.
"""

from django.db import migrations

INDEXES = [
    ("meeting_date_nulls_last_idx", "diplomacy_meeting"),
    ("statement_date_nulls_last_idx", "diplomacy_statement"),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, table in INDEXES:
            schema_editor.execute(
                f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" ("date" DESC NULLS LAST, "id")'
            )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, _table in INDEXES:
            schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [("diplomacy", "0004_curation_indexes")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
