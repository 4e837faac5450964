"""Trigram indexes for the admin's search inside names (PostgreSQL only).

The admin matches a word anywhere inside a person's or organisation's match key, their
other names' keys, and a meeting's title and city (``LIKE '%word%'``): without these
GIN indexes PostgreSQL reads the whole table on every search. SQLite has no such index
and scans the (short) key columns instead, so there this migration does nothing. The
indexes are not part of the model state: each expression must stay the SQL Django
writes for the lookup (``key::text LIKE``, ``UPPER(title::text) LIKE UPPER(...)``).
"""

from django.db import migrations

INDEXES = [
    ("person_key_trgm_idx", "diplomacy_person", '"key"'),
    ("person_name_key_trgm_idx", "diplomacy_personname", '"key"'),
    ("organisation_key_trgm_idx", "diplomacy_organisation", '"key"'),
    ("organisation_name_key_trgm_idx", "diplomacy_organisationname", '"key"'),
    ("meeting_title_trgm_idx", "diplomacy_meeting", 'UPPER("title"::text)'),
    ("meeting_city_trgm_idx", "diplomacy_meeting", 'UPPER("city"::text)'),
]


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # a trusted extension since PostgreSQL 13: the database owner may create it
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, table, expression in INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (({expression}) gin_trgm_ops)"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _expression in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("diplomacy", "0011_shared_cache_table")]

    operations = [migrations.RunPython(create_indexes, drop_indexes, elidable=False)]
