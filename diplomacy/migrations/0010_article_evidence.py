"""Article and Evidence (provenance) move from the ingestion app into the domain.

Only the model state moves: the tables keep their names (``articles_article``,
``articles_evidence``), rows, indexes, constraints, search triggers and PostgreSQL's
``search_vector`` column, so an existing database migrates without touching its data.
The content types are renamed too, so the permissions editors hold on these models
(and admin log entries) follow them. ``articles.0005`` removes them from the ingestion
app's state.
"""

import django.db.models.deletion
from django.db import migrations, models

MOVED = ("article", "evidence")


def move_content_types(apps, schema_editor, source="articles", target="diplomacy"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    for model in MOVED:
        if ContentType.objects.using(db).filter(app_label=target, model=model).exists():
            continue  # already there (created by an earlier migrate): leave both
        ContentType.objects.using(db).filter(app_label=source, model=model).update(
            app_label=target
        )


def move_content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, source="diplomacy", target="articles")


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('diplomacy', '0009_country_summary'),
        ('articles', '0004_article_search_vector'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='Article',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('file_name', models.CharField(help_text='Base name of the imported file.', max_length=255)),
                        ('path', models.CharField(blank=True, db_index=True, help_text='Path the file was imported from.', max_length=1000)),
                        ('title', models.CharField(blank=True, max_length=500)),
                        ('outlet', models.CharField(blank=True, help_text='Source: Xinhua, Trend...', max_length=200)),
                        ('published', models.DateField(blank=True, null=True)),
                        ('url', models.URLField(blank=True, max_length=1000)),
                        ('text', models.TextField(help_text='The stored text; evidence spans refer to it.')),
                        ('content_hash', models.CharField(help_text='SHA-256 of the text.', max_length=64)),
                        ('imported_at', models.DateTimeField(auto_now_add=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('extractor_version', models.CharField(blank=True, max_length=20)),
                    ],
                    options={
                        'db_table': 'articles_article',
                        'ordering': ['-published', 'file_name'],
                        'indexes': [models.Index(fields=['-published', 'file_name'], name='article_published_idx'), models.Index(fields=['file_name'], name='article_file_name_idx')],
                        'constraints': [models.UniqueConstraint(fields=('content_hash',), name='article_unique_content_hash')],
                    },
                ),
                migrations.CreateModel(
                    name='Evidence',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('country', 'Country mention'), ('organisation', 'Organisation mention'), ('person', 'Person mention'), ('position', 'Position'), ('meeting', 'Meeting report'), ('participation', 'Participation'), ('statement', 'Statement')], max_length=15)),
                        ('start', models.PositiveIntegerField()),
                        ('end', models.PositiveIntegerField()),
                        ('text', models.CharField(blank=True, help_text='The span as written (cut).', max_length=500)),
                        ('article', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='evidence', to='diplomacy.article')),
                        ('country', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='evidence', to='diplomacy.country')),
                        ('meeting', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='evidence', to='diplomacy.meeting')),
                        ('organisation', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='evidence', to='diplomacy.organisation')),
                        ('participation', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='evidence', to='diplomacy.participation')),
                        ('person', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='evidence', to='diplomacy.person')),
                        ('position', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='evidence', to='diplomacy.position')),
                        ('statement', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='evidence', to='diplomacy.statement')),
                    ],
                    options={
                        'db_table': 'articles_evidence',
                        'ordering': ['article', 'start'],
                        'verbose_name_plural': 'evidence',
                        'indexes': [models.Index(fields=['article', 'kind', 'start'], name='evidence_article_idx')],
                        'constraints': [models.CheckConstraint(condition=models.Q(('end__gte', models.F('start'))), name='evidence_span_ordered'), models.CheckConstraint(condition=models.Q(models.Q(('country__isnull', False), ('kind', 'country')), models.Q(('kind', 'organisation'), ('organisation__isnull', False)), models.Q(('kind', 'person'), ('person__isnull', False)), models.Q(('kind', 'position'), ('position__isnull', False)), models.Q(('kind', 'meeting'), ('meeting__isnull', False)), models.Q(('kind', 'participation'), ('participation__isnull', False)), models.Q(('kind', 'statement'), ('statement__isnull', False)), _connector='OR'), name='evidence_points_at_its_kind')],
                    },
                ),
            ],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
