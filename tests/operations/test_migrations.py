"""Moving Article and Evidence from `articles` to `diplomacy` keeps every row.

The database is taken back to the last migrations before the move (where the ingestion
app owned provenance), filled through the models of that time, and migrated forward
again; the rows, their links and the editors' permissions must all be there.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import tag

from diplomacy.models import Article, Country, Evidence, Meeting, Person
from diplomacy.search import search
from tests.transactional import ReferenceTransactionTestCase

BEFORE = [("diplomacy", "0009_country_summary"), ("articles", "0004_article_search_vector")]


def migrate(targets):
    """Migrate to ``targets``; the models of then, with auth and contenttypes as they are now."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    graph = executor.loader.graph
    others = [node for node in graph.leaf_nodes() if node[0] in ("auth", "contenttypes")]
    return executor.loader.project_state(targets + others).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@tag("slow")
class ProvenanceMoveTests(ReferenceTransactionTestCase):
    def tearDown(self):
        migrate(latest())
        super().tearDown()

    def test_rows_links_and_permissions_survive_the_move(self):
        old = migrate(BEFORE)
        OldArticle = old.get_model("articles", "Article")
        OldEvidence = old.get_model("articles", "Evidence")
        OldPerson = old.get_model("diplomacy", "Person")
        OldMeeting = old.get_model("diplomacy", "Meeting")
        OldCountry = old.get_model("diplomacy", "Country")
        OldContentType = old.get_model("contenttypes", "ContentType")
        OldPermission = old.get_model("auth", "Permission")
        OldGroup = old.get_model("auth", "Group")

        country = OldCountry.objects.create(iso2="XA", iso3="XAX", name="Arcadia")
        person = OldPerson.objects.create(name="Ardan Velisk", key="ardanvelisk")
        meeting = OldMeeting.objects.create(title="Talks in Oskaville")
        articles = [
            OldArticle.objects.create(
                file_name=f"story-{n}.txt",
                text=f"Story {n}: Ardan Velisk met the envoy.",
                content_hash=f"{n:064d}",
            )
            for n in range(3)
        ]
        for article in articles:
            OldEvidence.objects.create(
                article=article, kind="person", start=9, end=21, person=person
            )
            OldEvidence.objects.create(
                article=article, kind="country", start=0, end=5, country=country
            )
            OldEvidence.objects.create(
                article=article, kind="meeting", start=0, end=30, meeting=meeting
            )
        # what an earlier migrate's post_migrate made: content types and an editor's permission
        article_type, _ = OldContentType.objects.get_or_create(
            app_label="articles", model="article"
        )
        view_article, _ = OldPermission.objects.get_or_create(
            content_type=article_type,
            codename="view_article",
            defaults={"name": "Can view article"},
        )
        readers = OldGroup.objects.create(name="Readers of sources")
        readers.permissions.add(view_article)
        evidence_ids = sorted(OldEvidence.objects.values_list("pk", flat=True))
        article_ids = sorted(a.pk for a in articles)

        migrate(latest())

        self.assertEqual(sorted(Article.objects.values_list("pk", flat=True)), article_ids)
        self.assertEqual(sorted(Evidence.objects.values_list("pk", flat=True)), evidence_ids)
        self.assertEqual(Evidence.objects.filter(person__name="Ardan Velisk").count(), 3)
        self.assertEqual(Evidence.objects.filter(country=Country.objects.get(iso2="XA")).count(), 3)
        self.assertEqual(Meeting.objects.get().evidence.count(), 3)
        self.assertEqual(Person.objects.get().evidence.values("article").distinct().count(), 3)
        moved = ContentType.objects.get_for_model(Article)
        self.assertEqual((moved.pk, moved.app_label), (article_type.pk, "diplomacy"))
        self.assertIn(
            Permission.objects.get(content_type=moved, codename="view_article"),
            Group.objects.get(name="Readers of sources").permissions.all(),
        )
        # the search still sees the articles written before the move
        self.assertEqual(sorted(search("envoy", kinds="article")["article"]), article_ids)
