"""A meeting's title made of its participants' names names no one an editor rejected:
not on its page, in lists, in search results or in downloads (issue 15)."""

import json
from types import SimpleNamespace

from django.contrib import admin
from django.contrib.auth.models import User
from django.test import RequestFactory
from django.urls import reverse

from diplomacy import curation_actions
from diplomacy.meeting_titles import without_names
from diplomacy.models import Meeting, Participation, Person, Review
from tests.builders import ImportTestCase, make_country, make_meeting, make_person, run_import


class WithoutNamesTests(ImportTestCase):
    ROWS = [
        # (title, names hidden, title shown)
        ("Meeting of Ann Vole, Bo Tarn and Cy Rusk", {"Bo Tarn"}, "Meeting of Ann Vole and Cy Rusk"),
        ("Meeting of Ann Vole and Bo Tarn", {"Bo Tarn"}, "Meeting with Ann Vole"),
        ("Meeting with Ann Vole and Bo Tarn", {"Ann Vole"}, "Meeting with Bo Tarn"),
        ("Call between Ann Vole and Bo Tarn", {"Ann Vole"}, "Call with Bo Tarn"),
        ("Meeting of Ann Vole and Bo Tarn", {"Ann Vole", "Bo Tarn"}, ""),
        ("Meeting of Ann Vole and Bo Tarn", {"Cy Rusk"}, "Meeting of Ann Vole and Bo Tarn"),
        # not the extractor's form: an editor's or an article's title is left alone
        ("Bo Tarn's visit to the harbour", {"Bo Tarn"}, "Bo Tarn's visit to the harbour"),
        ("Fourth Lantern Summit", {"Bo Tarn"}, "Fourth Lantern Summit"),
        ("", {"Bo Tarn"}, ""),
    ]  # fmt: skip

    def test_rows(self):
        for title, hidden, shown in self.ROWS:
            with self.subTest(title=title, hidden=hidden):
                self.assertEqual(without_names(title, hidden), shown)


class RejectedParticipantTitleTests(ImportTestCase):
    def setUp(self):
        super().setUp()
        country = make_country("XA", "Arcadia")
        self.ann = make_person("Ann Vole", country)
        self.bo = make_person("Bo Tarn", country)
        self.cy = make_person("Cy Rusk", country)
        self.talks = make_meeting(
            "Meeting of Ann Vole, Bo Tarn and Cy Rusk", [self.ann, self.bo, self.cy]
        )
        self.edited = make_meeting("Meeting of Ann Vole and Bo Tarn", [self.ann, self.bo])
        self.edited.lock("title")
        self.edited.save()
        self.editor = User.objects.create_superuser("boss", "boss@example.org", "pw-not-used-4")

    def public_text(self):
        """Everything the public may read that shows the meeting."""
        parts = [self.client.get(reverse("site:meeting-detail", args=[self.talks.pk])).content]
        only_talks = {"participant": self.cy.pk}
        parts.append(self.client.get(reverse("site:meeting-list"), only_talks).content)
        for export in ("csv", "json"):
            response = self.client.get(
                reverse("site:meeting-list"), {**only_talks, "format": export}
            )
            parts.append(b"".join(response.streaming_content))
        return b"".join(parts).decode()

    def test_rejecting_a_person_takes_their_name_out_of_generated_titles(self):
        self.assertIn("Bo Tarn", self.public_text())
        self.client.force_login(self.editor)
        response = self.client.post(
            "/admin/diplomacy/person/",
            {"action": "mark_rejected", "_selected_action": [self.bo.pk], "index": 0},
        )
        self.assertEqual(response.status_code, 302)
        self.client.logout()
        self.talks.refresh_from_db()
        self.assertEqual(self.talks.title, "Meeting of Ann Vole and Cy Rusk")
        self.assertNotIn("Bo Tarn", self.public_text())
        # with a history row saying who and why
        last = self.talks.history.first()
        self.assertEqual(last.history_user, self.editor)
        self.assertIn("review", last.history_change_reason)
        # a title the editor changed is theirs
        self.edited.refresh_from_db()
        self.assertEqual(self.edited.title, "Meeting of Ann Vole and Bo Tarn")
        # and taking the rejection back names them again
        curation_actions.verify(Person.objects.filter(pk=self.bo.pk))
        self.talks.refresh_from_db()
        self.assertEqual(self.talks.title, "Meeting of Ann Vole, Cy Rusk and Bo Tarn")

    def test_rejecting_on_the_change_page_does_the_same(self):
        model_admin = admin.site._registry[Person]
        request = RequestFactory().post("/")
        request.user = self.editor
        form = SimpleNamespace(changed_data=["review"], initial={"review": Review.UNREVIEWED})
        self.bo.review = Review.REJECTED
        model_admin.save_model(request, self.bo, form, change=True)
        self.talks.refresh_from_db()
        self.assertEqual(self.talks.title, "Meeting of Ann Vole and Cy Rusk")

    def test_a_title_naming_someone_who_took_no_part_is_not_generated(self):
        Participation.objects.filter(meeting=self.talks, person=self.cy).delete()
        curation_actions.reject(Person.objects.filter(pk=self.bo.pk))
        self.talks.refresh_from_db()
        self.assertEqual(self.talks.title, "Meeting of Ann Vole, Bo Tarn and Cy Rusk")

    def test_an_import_leaves_a_rejected_participant_out_of_the_title_it_makes(self):
        text = (
            "BERLIN, March 4, 2024 - German Foreign Minister Karla Wendt met Polish Foreign "
            "Minister Tomasz Brzek and Czech Foreign Minister Jiri Hollan in Berlin on Monday."
        )
        run_import(self.write("first.txt", text))
        brzek = Person.objects.get(name="Tomasz Brzek")
        first = Meeting.objects.filter(participations__person=brzek)
        self.assertTrue([m for m in first if "Tomasz Brzek" in m.title])
        curation_actions.reject(Person.objects.filter(pk=brzek.pk))
        self.assertFalse([m for m in first.all() if "Tomasz Brzek" in m.title])
        later = text.replace("March 4", "May 6")
        run_import(self.write("second.txt", later))
        second = Meeting.objects.filter(date="2024-05-06", participations__person=brzek)
        self.assertTrue(second)
        self.assertEqual([m.title for m in second if "Tomasz Brzek" in m.title], [])
        self.assertTrue([m.title for m in second if "Karla Wendt" in m.title])
        body = self.client.get(reverse("site:meeting-list"), {"format": "json"})
        titles = [row["title"] for row in json.loads(b"".join(body.streaming_content))["results"]]
        self.assertFalse([t for t in titles if "Brzek" in t])
