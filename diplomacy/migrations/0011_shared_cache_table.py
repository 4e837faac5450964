"""The table of the "shared" cache (settings.CACHES): failed logins and anonymous exports
are counted there, so that every server process counts together.

Created whatever the cache is configured to be now (a register may move from Redis to the
database cache later); `manage.py createcachetable` makes the same table.
"""

from django.conf import settings
from django.core.management.commands.createcachetable import Command
from django.db import migrations


def create_table(apps, schema_editor):
    alias = schema_editor.connection.alias
    command = Command()
    command.verbosity = 0  # set by handle(), which is not run here
    command.create_table(alias, settings.CACHE_TABLE, dry_run=False)


def drop_table(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(settings.CACHE_TABLE)}")


class Migration(migrations.Migration):
    dependencies = [("diplomacy", "0010_article_evidence")]

    operations = [migrations.RunPython(create_table, drop_table)]
