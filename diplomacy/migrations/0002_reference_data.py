from django.db import migrations


def load(apps, schema_editor):
    from diplomacy.reference_sync import sync_reference

    sync_reference(apps)


class Migration(migrations.Migration):
    """Load the ISO 3166-1 countries and the reference organisations from fixtures/."""

    dependencies = [("diplomacy", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
