"""Indexes for the public lists' default order, "name, id", on PostgreSQL.

Persons and organisations are listed by name: without an index every page sorted all the
public rows (20,000 persons: 30-40 ms) to show 50.

Like ``0005_date_order_indexes`` they are raw SQL outside the model state, PostgreSQL only:
SQLite plans these small sorts well enough and would drop such indexes on a table rebuild.
"""

from django.db import migrations

INDEXES = [
    ("person_name_order_idx", "diplomacy_person"),
    ("organisation_name_order_idx", "diplomacy_organisation"),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, table in INDEXES:
            schema_editor.execute(
                f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" ("name", "id")'
            )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, _table in INDEXES:
            schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [("diplomacy", "0006_statement_search_vector")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
