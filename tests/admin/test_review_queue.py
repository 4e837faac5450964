"""The review queue: one click verifies, rejects or opens a record."""

from django.contrib.auth.models import Permission, User
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from diplomacy.models import Meeting, Organisation, Person, Review, Statement
from tests.builders import (
    make_country,
    make_editor,
    make_meeting,
    make_person,
    make_statement,
)

QUEUE = "admin:diplomacy_review_queue"
DECIDE = "admin:diplomacy_review_decide"


class ReviewQueueActionTests(TestCase):
    def setUp(self):
        # reference data loaded by migrations is not what this queue is about
        for model in (Person, Organisation, Meeting, Statement):
            model.objects.update(review=Review.VERIFIED)
        self.editor = make_editor()
        self.client.force_login(self.editor)

    def decide(self, record, decision, **extra):
        data = {"kind": record._meta.model_name, "pk": record.pk, "decision": decision}
        return self.client.post(reverse(DECIDE), {**data, **extra})

    def test_each_row_has_verify_reject_and_open(self):
        meeting = make_meeting("Lantern Bay talks")
        response = self.client.get(reverse(QUEUE))
        change_url = reverse("admin:diplomacy_meeting_change", args=[meeting.pk])
        self.assertContains(response, 'name="csrfmiddlewaretoken"')
        self.assertContains(response, 'value="verify"')
        self.assertContains(response, 'value="reject"')
        self.assertContains(response, f'href="{change_url}"')

    def test_verify_in_one_click_records_history_and_returns_to_the_same_page(self):
        meeting = make_meeting("Lantern Bay talks")
        response = self.decide(meeting, "verify", filter="meeting", p="1")
        self.assertRedirects(response, reverse(QUEUE) + "?kind=meeting")
        meeting.refresh_from_db()
        self.assertEqual(meeting.review, Review.VERIFIED)
        record = meeting.history.first()
        self.assertEqual(record.history_user, self.editor)
        self.assertEqual(record.history_change_reason, "Marked verified")
        queue = self.client.get(reverse(QUEUE))
        self.assertNotContains(queue, "Lantern Bay talks")

    def test_rows_show_country_or_date_beside_the_title_without_a_query_per_row(self):
        arcadia = make_country("XA", "Arcadia")
        make_person("Odo Varnholt", country=arcadia)
        make_meeting("Quay talks", city="Port Emmer")
        response = self.client.get(reverse(QUEUE))
        self.assertContains(response, "Arcadia")
        self.assertContains(response, "Port Emmer")
        few = len(self.queries_of(QUEUE))
        for i in range(3):
            make_person(f"Row Person {i}", country=arcadia)
            make_meeting(f"Row talks {i}", city="Lowmere")
        self.assertEqual(len(self.queries_of(QUEUE)), few)

    def queries_of(self, name):
        with CaptureQueriesContext(connection) as queries:
            self.client.get(reverse(name))
        return queries

    def test_reject_in_one_click(self):
        person = make_person("Odo Varnholt")
        self.decide(person, "reject")
        person.refresh_from_db()
        self.assertEqual(person.review, Review.REJECTED)

    def test_long_titles_and_statements_are_not_cut(self):
        title = "Talks on the " + " and ".join(f"harbour number {i}" for i in range(8))
        make_meeting(title)
        text = "We shall " + " ".join(["carefully"] * 20) + " rebuild the eastern pier."
        make_statement(text)
        response = self.client.get(reverse(QUEUE))
        self.assertContains(response, title)
        self.assertContains(response, "rebuild the eastern pier.")

    def test_decisions_need_post_csrf_and_change_permission(self):
        meeting = make_meeting("Lantern Bay talks")
        url = reverse(DECIDE)
        self.assertEqual(self.client.get(url).status_code, 405)

        viewer = User.objects.create_user("viewer", password="pw", is_staff=True)
        viewer.user_permissions.add(Permission.objects.get(codename="view_meeting"))
        self.client.force_login(viewer)
        self.assertEqual(self.decide(meeting, "verify").status_code, 403)
        queue = self.client.get(reverse(QUEUE))
        self.assertContains(queue, "Lantern Bay talks")
        self.assertNotContains(queue, 'value="verify"')

        csrf_client = self.client_class(enforce_csrf_checks=True)
        csrf_client.force_login(self.editor)
        data = {"kind": "meeting", "pk": meeting.pk, "decision": "verify"}
        self.assertEqual(csrf_client.post(url, data).status_code, 403)
        meeting.refresh_from_db()
        self.assertEqual(meeting.review, Review.UNREVIEWED)

    def test_junk_is_refused(self):
        meeting = make_meeting("Lantern Bay talks")
        for data in [
            {"kind": "meeting", "pk": "x", "decision": "verify"},
            {"kind": "article", "pk": meeting.pk, "decision": "verify"},
            {"kind": "meeting", "pk": meeting.pk, "decision": "delete"},
        ]:
            with self.subTest(data=data):
                self.assertEqual(self.client.post(reverse(DECIDE), data).status_code, 400)
        self.assertEqual(
            self.client.post(
                reverse(DECIDE), {"kind": "meeting", "pk": 999999, "decision": "verify"}
            ).status_code,
            404,
        )
