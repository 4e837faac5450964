"""The curation admin in a real browser: log in, verify a meeting, merge two persons."""

from django.contrib.auth.models import Group, User
from django.test import tag

from diplomacy.models import Meeting, Person, Review
from diplomacy.roles import EDITORS
from tests.browser import BrowserTestCase


@tag("browser", "slow")
class EditorInBrowserTests(BrowserTestCase):
    def setUp(self):
        editor = User.objects.create_user("editor", password="a-long-test-password", is_staff=True)
        editor.groups.add(Group.objects.get(name=EDITORS))
        self.page = self.browser.new_page()
        self.page.set_default_timeout(15_000)
        # the admin's scripts (action bar, inlines, calendar) run under the site's
        # Content-Security-Policy: nothing of theirs may be blocked
        self.blocked = []
        self.page.on(
            "console",
            lambda message: (
                "Content Security Policy" in message.text and self.blocked.append(message.text)
            ),
        )
        self.page.goto(f"{self.live_server_url}/admin/login/")
        self.page.fill("#id_username", "editor")
        self.page.fill("#id_password", "a-long-test-password")
        self.page.click("input[type=submit]")
        self.page.wait_for_url(f"{self.live_server_url}/admin/")

    def tearDown(self):
        self.page.close()
        self.assertEqual(self.blocked, [])

    def run_action(self, model_name, action, pks):
        self.page.goto(f"{self.live_server_url}/admin/diplomacy/{model_name}/")
        for pk in pks:
            self.page.check(f"input[name=_selected_action][value='{pk}']")
        self.page.select_option("select[name=action]", action)
        self.page.click("button[name=index]")

    def test_editor_verifies_a_meeting_and_merges_two_persons(self):
        meeting = Meeting.objects.create(title="Lantern Bay talks")
        other_meeting = Meeting.objects.create(title="Quiet Reef talks")
        survivor = Person.objects.create(name="Telma Brightwater")
        duplicate = Person.objects.create(name="Thelma Brightwater")

        self.run_action("meeting", "mark_verified", [meeting.pk])
        self.page.wait_for_selector("text=1 record(s) marked verified.")
        meeting.refresh_from_db()
        other_meeting.refresh_from_db()
        self.assertEqual(meeting.review, Review.VERIFIED)
        self.assertEqual(other_meeting.review, Review.UNREVIEWED)

        self.run_action("person", "merge_selected", [survivor.pk, duplicate.pk])
        self.page.wait_for_selector("text=Pick the person to keep.")
        self.page.check(f"#survivor-{survivor.pk}")
        self.page.click("input[type=submit][value=Merge]")
        self.page.wait_for_url(f"**/admin/diplomacy/person/{survivor.pk}/change/")
        self.assertIn(
            "Merged Thelma Brightwater into Telma Brightwater.",
            self.page.inner_text("ul.messagelist"),
        )
        other_names = self.page.locator(
            "input[name^='names-'][name$='-name']:not([name*='__prefix__'])"
        ).evaluate_all("inputs => inputs.map(input => input.value)")
        self.assertEqual(other_names, ["Thelma Brightwater"])

        duplicate.refresh_from_db()
        self.assertEqual(duplicate.merged_into, survivor)
        self.assertEqual(duplicate.review, Review.REJECTED)
        self.assertTrue(survivor.names.filter(name="Thelma Brightwater", from_editor=True).exists())
        self.assertEqual(
            survivor.history.first().history_change_reason,
            "Merged Thelma Brightwater into Telma Brightwater",
        )
