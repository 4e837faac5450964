import datetime

from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import User
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from diplomacy.models import (
    Meeting,
    Organisation,
    Participation,
    Person,
    PersonName,
    Position,
    Review,
    Statement,
)
from diplomacy.pagination import EstimatedCountPaginator
from tests.builders import (
    change_form_data,
    make_article,
    make_country,
    make_editor,
    make_evidence,
)


class AdminTestCase(TestCase):
    def setUp(self):
        self.editor = make_editor()
        self.client.force_login(self.editor)

    def changelist_action(self, model_name, action, objects, **extra):
        return self.client.post(
            reverse(f"admin:diplomacy_{model_name}_changelist"),
            {"action": action, "_selected_action": [o.pk for o in objects], **extra},
        )


class LockingTests(AdminTestCase):
    def test_admin_edit_locks_the_changed_field_and_records_history_with_the_user(self):
        person = Person.objects.create(name="Sefa Loritz")
        PersonName.objects.create(person=person, name="Sepha Loritz")
        url = reverse("admin:diplomacy_person_change", args=[person.pk])
        data = change_form_data(self.client.get(url), name="Sefa Lorritz")
        data.update({"names-TOTAL_FORMS": 2, "names-1-name": "S. Loritz"})
        response = self.client.post(url, data)
        self.assertEqual(
            response.status_code,
            302,
            response.context and response.context["adminform"].form.errors,
        )

        person.refresh_from_db()
        self.assertEqual(person.name, "Sefa Lorritz")
        self.assertEqual(person.locked_fields, ["name"])
        self.assertTrue(person.is_locked("name"))
        self.assertFalse(person.is_locked("country"))
        added = person.names.get(name="S. Loritz")
        self.assertTrue(added.from_editor)
        self.assertFalse(person.names.get(name="Sepha Loritz").from_editor)
        record = person.history.first()
        self.assertEqual(record.history_user, self.editor)
        self.assertEqual(record.name, "Sefa Lorritz")

    def test_inline_participation_added_by_an_editor_is_marked(self):
        meeting = Meeting.objects.create(title="Quay conference")
        person = Person.objects.create(name="Aurel Mancini")
        url = reverse("admin:diplomacy_meeting_change", args=[meeting.pk])
        data = change_form_data(self.client.get(url))
        data.update(
            {
                "participations-TOTAL_FORMS": 1,
                "participations-0-person": person.pk,
                "participations-0-role": "Host",
            }
        )
        self.assertEqual(self.client.post(url, data).status_code, 302)
        participation = Participation.objects.get(meeting=meeting)
        self.assertTrue(participation.from_editor)
        self.assertEqual(participation.history.first().history_user, self.editor)

    def test_verifying_on_the_change_page_locks_the_record(self):
        meeting = Meeting.objects.create(title="Quay conference", date=datetime.date(2024, 5, 1))
        url = reverse("admin:diplomacy_meeting_change", args=[meeting.pk])
        data = change_form_data(self.client.get(url), review=Review.VERIFIED)
        self.assertEqual(self.client.post(url, data).status_code, 302)
        meeting.refresh_from_db()
        self.assertEqual(meeting.review, Review.VERIFIED)
        self.assertEqual(meeting.locked_fields, [])
        self.assertTrue(meeting.is_locked("title"))


class BulkActionTests(AdminTestCase):
    def test_mark_verified_sets_review_locks_and_leaves_others(self):
        first = Meeting.objects.create(title="First round")
        second = Meeting.objects.create(title="Second round")
        untouched = Meeting.objects.create(title="Third round")
        response = self.changelist_action("meeting", "mark_verified", [first, second])
        self.assertEqual(response.status_code, 302)
        for meeting in (first, second, untouched):
            meeting.refresh_from_db()
        self.assertEqual([first.review, second.review], [Review.VERIFIED, Review.VERIFIED])
        self.assertTrue(first.is_locked("title"))
        self.assertEqual(untouched.review, Review.UNREVIEWED)
        record = first.history.first()
        self.assertEqual(
            (record.history_user, record.history_change_reason), (self.editor, "Marked verified")
        )

    def test_mark_rejected_on_statements_persons_and_organisations(self):
        statement = Statement.objects.create(text="We regret the delay.")
        person = Person.objects.create(name="Dag Wrenfield")
        organisation = Organisation.objects.create(name="Harbour League")
        for name, obj in (
            ("statement", statement),
            ("person", person),
            ("organisation", organisation),
        ):
            self.assertEqual(self.changelist_action(name, "mark_rejected", [obj]).status_code, 302)
            obj.refresh_from_db()
            self.assertEqual(obj.review, Review.REJECTED, name)
            self.assertNotIn(obj, type(obj).objects.public())

    def test_review_filter_lists_only_that_status(self):
        Person.objects.create(name="Verified Vance", review=Review.VERIFIED)
        Person.objects.create(name="Unseen Ulla")
        response = self.client.get(
            reverse("admin:diplomacy_person_changelist"), {"review__exact": "verified"}
        )
        self.assertContains(response, "Verified Vance")
        self.assertNotContains(response, "Unseen Ulla")


class MergeActionTests(AdminTestCase):
    def test_merge_asks_for_the_survivor_then_merges(self):
        keep = Person.objects.create(name="Ines Galloway")
        drop = Person.objects.create(name="Inez Galoway")
        first = self.changelist_action("person", "merge_selected", [keep, drop])
        self.assertEqual(first.status_code, 200)
        self.assertTemplateUsed(first, "admin/diplomacy/merge_confirmation.html")
        self.assertContains(first, 'name="survivor"', count=2)

        done = self.changelist_action(
            "person", "merge_selected", [keep, drop], post="yes", survivor=keep.pk
        )
        self.assertRedirects(done, reverse("admin:diplomacy_person_change", args=[keep.pk]))
        drop.refresh_from_db()
        self.assertEqual(drop.merged_into, keep)
        self.assertTrue(keep.names.filter(name="Inez Galoway", from_editor=True).exists())
        self.assertEqual(keep.history.first().history_user, self.editor)
        self.assertTrue(LogEntry.objects.filter(user=self.editor, object_id=str(keep.pk)).exists())

    def test_merge_organisations_through_the_admin(self):
        keep = Organisation.objects.create(name="Harbour League")
        drop = Organisation.objects.create(name="League of Harbours")
        self.changelist_action(
            "organisation", "merge_selected", [keep, drop], post="yes", survivor=keep.pk
        )
        self.assertFalse(Organisation.objects.filter(pk=drop.pk).exists())
        self.assertTrue(keep.names.filter(name="League of Harbours").exists())

    def test_merge_needs_two_records(self):
        only = Person.objects.create(name="Ines Galloway")
        response = self.changelist_action(
            "person", "merge_selected", [only], post="yes", survivor=only.pk
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(only.names.count(), 0)


class SplitViewTests(AdminTestCase):
    def test_split_off_ticked_mentions_from_the_change_page(self):
        person = Person.objects.create(name="Roan Keswick")
        article = make_article("Roan Keswick spoke. Rowan Keswick, the painter, listened.")
        make_evidence(article, person, "Roan Keswick")
        wrong = make_evidence(article, person, "Rowan Keswick")
        page = self.client.get(reverse("admin:diplomacy_person_change", args=[person.pk]))
        split_url = reverse("admin:diplomacy_person_split", args=[person.pk])
        self.assertContains(page, f'formaction="{split_url}"')
        self.assertContains(page, f'name="split_evidence" value="{wrong.pk}"')

        response = self.client.post(split_url, {"split_evidence": [wrong.pk], "split_name": ""})
        new = Person.objects.get(name="Rowan Keswick")
        self.assertRedirects(response, reverse("admin:diplomacy_person_change", args=[new.pk]))
        wrong.refresh_from_db()
        self.assertEqual(wrong.person, new)

    def test_split_is_refused_without_change_permission(self):
        person = Person.objects.create(name="Roan Keswick")
        article = make_article("Roan Keswick spoke.")
        evidence = make_evidence(article, person, "Roan Keswick")
        self.client.force_login(User.objects.create_user("viewer", is_staff=True))
        response = self.client.post(
            reverse("admin:diplomacy_person_split", args=[person.pk]),
            {"split_evidence": [evidence.pk]},
        )
        self.assertEqual(response.status_code, 403)
        self.assertEqual(Person.objects.count(), 1)


class EvidenceDisplayTests(AdminTestCase):
    def setUp(self):
        super().setUp()
        self.article = make_article(
            "Intro line.\nThe envoy Mirela Sotka <script>alert(1)</script> arrived in Port Velmar. "
            "Then she left.",
            title="Arrivals <b>today</b>",
        )
        self.person = Person.objects.create(name="Mirela Sotka")
        self.evidence = make_evidence(self.article, self.person, "Mirela Sotka")

    def test_change_page_shows_the_sentence_with_the_mention_marked_and_escaped(self):
        response = self.client.get(reverse("admin:diplomacy_person_change", args=[self.person.pk]))
        self.assertContains(
            response,
            "The envoy <mark>Mirela Sotka</mark> &lt;script&gt;alert(1)&lt;/script&gt; "
            "arrived in Port Velmar.",
        )
        self.assertNotContains(response, "<script>alert(1)")
        self.assertContains(response, "Arrivals &lt;b&gt;today&lt;/b&gt;")
        self.assertNotContains(response, "Then she left")
        article_url = reverse("admin:diplomacy_article_change", args=[self.article.pk])
        self.assertContains(response, f'href="{article_url}#ev-{self.evidence.pk}"')
        self.assertContains(response, "1 mention(s) in 1 article(s).")

    def test_article_page_marks_every_span_and_escapes_the_text(self):
        meeting = Meeting.objects.create(title="Arrival")
        make_evidence(self.article, meeting, "arrived in Port Velmar")
        response = self.client.get(
            reverse("admin:diplomacy_article_change", args=[self.article.pk])
        )
        self.assertEqual(response.status_code, 200)
        content = response.content.decode()
        self.assertIn(f'id="ev-{self.evidence.pk}"></span><mark>Mirela Sotka</mark>', content)
        self.assertIn("<mark>arrived in Port Velmar</mark>", content)
        self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt;", content)
        self.assertNotIn("<script>alert(1)", content)

    def test_overlapping_spans_are_marked_without_nesting(self):
        statement = Statement.objects.create(text="The envoy Mirela Sotka", speaker=self.person)
        make_evidence(self.article, statement, "The envoy Mirela Sotka")
        response = self.client.get(
            reverse("admin:diplomacy_article_change", args=[self.article.pk])
        )
        self.assertContains(response, "<mark>The envoy </mark>")
        self.assertContains(response, "<mark>Mirela Sotka</mark>")

    def test_evidence_admin_is_read_only_for_editors(self):
        url = reverse("admin:diplomacy_evidence_change", args=[self.evidence.pk])
        response = self.client.get(url)
        self.assertContains(response, "<mark>Mirela Sotka</mark>")
        self.assertNotContains(response, 'name="_save"')
        self.assertEqual(self.client.post(url, {"start": 0}).status_code, 403)


class ReviewQueueTests(AdminTestCase):
    def setUp(self):
        super().setUp()
        # reference data loaded by migrations is not what this queue is about
        for model in (Person, Organisation, Meeting, Statement):
            model.objects.update(review=Review.VERIFIED)

    def test_queue_lists_unreviewed_records_of_all_kinds_newest_first_with_source_counts(self):
        person = Person.objects.create(name="Queue Person")
        organisation = Organisation.objects.create(name="Queue Organisation")
        meeting = Meeting.objects.create(title="Queue Meeting")
        statement = Statement.objects.create(text="Queue statement text.")
        Person.objects.create(name="Verified Person", review=Review.VERIFIED)
        Meeting.objects.create(title="Rejected Meeting", review=Review.REJECTED)
        base = datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)
        for minutes, obj in enumerate([person, meeting, statement, organisation]):
            type(obj).objects.filter(pk=obj.pk).update(
                created_at=base + datetime.timedelta(minutes=minutes)
            )
        first = make_article("Queue Person met. Queue Person spoke.")
        second = make_article("Queue Person again.", title="Second")
        make_evidence(first, person, "Queue Person met")
        make_evidence(first, person, "Queue Person spoke")
        make_evidence(second, person, "Queue Person")
        make_evidence(second, meeting, "again")

        response = self.client.get(reverse("admin:diplomacy_review_queue"))
        self.assertEqual(response.status_code, 200)
        rows = response.context["rows"]
        self.assertEqual(
            [row["record"] for row in rows], [organisation, statement, meeting, person]
        )
        self.assertEqual([row["articles"] for row in rows], [0, 0, 1, 2])
        self.assertNotContains(response, "Verified Person")
        self.assertNotContains(response, "Rejected Meeting")

        only_people = self.client.get(reverse("admin:diplomacy_review_queue"), {"kind": "person"})
        self.assertEqual([row["record"] for row in only_people.context["rows"]], [person])


class ChangeListTests(AdminTestCase):
    def test_every_curation_page_renders(self):
        country = make_country()
        person = Person.objects.create(name="Lio Farrant", country=country)
        organisation = Organisation.objects.create(name="Harbour League", country=country)
        meeting = Meeting.objects.create(
            title="Harbour round", country=country, organisation=organisation
        )
        participation = Participation.objects.create(meeting=meeting, person=person)
        statement = Statement.objects.create(text="Fine words.", speaker=person, meeting=meeting)
        position = Position.objects.create(person=person, title="Envoy", organisation=organisation)
        for name, obj in [
            ("person", person),
            ("organisation", organisation),
            ("meeting", meeting),
            ("statement", statement),
            ("participation", participation),
            ("position", position),
            ("country", country),
        ]:
            for url in (
                reverse(f"admin:diplomacy_{name}_changelist"),
                reverse(f"admin:diplomacy_{name}_change", args=[obj.pk]),
            ):
                self.assertEqual(self.client.get(url).status_code, 200, url)
        history = reverse("admin:diplomacy_person_history", args=[person.pk])
        self.assertEqual(self.client.get(history).status_code, 200)

    def test_search_finds_persons_by_folded_spelling_and_other_names(self):
        person = Person.objects.create(name="Hamid Khalilov")
        PersonName.objects.create(person=person, name="Hamid Halilov-Zade")
        url = reverse("admin:diplomacy_person_changelist")
        self.assertContains(self.client.get(url, {"q": "hamid halilov"}), "Hamid Khalilov")
        self.assertContains(self.client.get(url, {"q": "Hamid Halilov Zade"}), "Hamid Khalilov")
        self.assertContains(self.client.get(url, {"q": "Hami"}), "Hamid Khalilov")

    def test_statement_search_uses_full_text(self):
        Statement.objects.create(text="The harbour agreement is a milestone.")
        Statement.objects.create(text="Nothing to add.")
        response = self.client.get(
            reverse("admin:diplomacy_statement_changelist"), {"q": "agreement"}
        )
        self.assertContains(response, "harbour agreement")
        self.assertNotContains(response, "Nothing to add")

    def test_autocomplete_for_persons(self):
        Person.objects.create(name="Lio Farrant")
        response = self.client.get(
            reverse("admin:autocomplete"),
            {
                "app_label": "diplomacy",
                "model_name": "participation",
                "field_name": "person",
                "term": "Lio",
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual([r["text"] for r in response.json()["results"]], ["Lio Farrant"])


class ChangeListQueryTests(AdminTestCase):
    def count_queries(self, url):
        with CaptureQueriesContext(connection) as queries:
            self.assertEqual(self.client.get(url).status_code, 200)
        return len(queries)

    def test_list_queries_do_not_grow_with_rows(self):
        country = make_country()
        organisation = Organisation.objects.create(name="Harbour League", country=country)
        urls = [
            reverse(f"admin:diplomacy_{name}_changelist")
            for name in ("person", "meeting", "statement", "organisation", "participation")
        ]

        def add_rows(first, last):
            for i in range(first, last):
                person = Person.objects.create(name=f"Row Person {i}", country=country)
                meeting = Meeting.objects.create(
                    title=f"Row {i}", country=country, organisation=organisation
                )
                Participation.objects.create(meeting=meeting, person=person)
                Statement.objects.create(text=f"Row {i}.", speaker=person)
                Organisation.objects.create(name=f"Row body {i}", parent=organisation)

        add_rows(0, 2)
        few = [self.count_queries(url) for url in urls]
        add_rows(2, 10)
        self.assertEqual([self.count_queries(url) for url in urls], few)


class MembersInlineTests(AdminTestCase):
    def test_editing_member_countries_locks_members(self):
        organisation = Organisation.objects.create(name="Harbour League")
        country = make_country()
        url = reverse("admin:diplomacy_organisation_change", args=[organisation.pk])
        data = change_form_data(self.client.get(url))
        prefix = "Organisation_members"
        data.update({f"{prefix}-TOTAL_FORMS": 1, f"{prefix}-0-country": country.pk})
        self.assertEqual(self.client.post(url, data).status_code, 302)
        organisation.refresh_from_db()
        self.assertEqual(list(organisation.members.all()), [country])
        self.assertEqual(organisation.locked_fields, ["members"])


class PaginatorTests(TestCase):
    def test_count_is_capped_on_large_results(self):
        for i in range(5):
            Statement.objects.create(text=f"Line {i}")
        paginator = EstimatedCountPaginator(Statement.objects.all(), 2)
        paginator.cap = 3
        self.assertEqual(paginator.count, 3)
        self.assertEqual(paginator.num_pages, 2)
        exact = EstimatedCountPaginator(Statement.objects.filter(text="Line 1"), 2)
        self.assertEqual(exact.count, 1)
