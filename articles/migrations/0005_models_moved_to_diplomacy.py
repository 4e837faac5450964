"""Article and Evidence now belong to the domain app (``diplomacy.0010``).

State only: the tables stay as they are and are now ``diplomacy``'s. After this the
ingestion app has no models.
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0004_article_search_vector'),
        ('diplomacy', '0010_article_evidence'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.DeleteModel(name='Evidence'),
                migrations.DeleteModel(name='Article'),
            ],
        ),
    ]
