"""An editor's walk through the admin in a real browser, on a desktop and on a phone:
search a surname, verify from the review queue in one click, compare merge candidates;
no page may scroll sideways."""

import datetime

from django.contrib.auth.models import Group, User
from django.test import tag

from diplomacy.models import Meeting, Organisation, Person, Position, Review, Statement
from diplomacy.roles import EDITORS
from tests.browser import BrowserTestCase, horizontal_overflow
from tests.builders import make_country

WIDTHS = (1366, 390)


@tag("browser", "slow")
class EditorWalkTests(BrowserTestCase):
    def setUp(self):
        for model in (Person, Organisation, Meeting, Statement):
            model.objects.update(review=Review.VERIFIED)
        editor = User.objects.create_user("editor", password="a-long-test-password", is_staff=True)
        editor.groups.add(Group.objects.get(name=EDITORS))
        arcadia = make_country("XA", "Arcadia")
        borduria = make_country("XB", "Borduria")
        self.minister = Person.objects.create(name="Ilse Marvekova", country=arcadia)
        self.namesake = Person.objects.create(name="Ilse Marvekova", country=borduria)
        for person, country, year in [
            (self.minister, arcadia, 2023),
            (self.namesake, borduria, 2024),
        ]:
            Position.objects.create(
                person=person,
                title="Minister of Harbours, Fisheries and Inland Waterways",
                country=country,
                start=datetime.date(year, 1, 10),
                end=datetime.date(year, 11, 20),
            )
        self.meeting = Meeting.objects.create(
            title="Talks between Ilse Marvekova and the delegation of the Coastal "
            "Fisheries Council on the reopening of the northern quays"
        )

    def new_page(self, width):
        page = self.browser.new_page(viewport={"width": width, "height": 900})
        page.set_default_timeout(15_000)
        self.blocked = []
        page.on(
            "console",
            lambda message: (
                "Content Security Policy" in message.text and self.blocked.append(message.text)
            ),
        )
        return page

    def log_in(self, page):
        page.goto(f"{self.live_server_url}/admin/login/")
        page.fill("#id_username", "editor")
        page.fill("#id_password", "a-long-test-password")
        page.click("input[type=submit]")
        page.wait_for_url(f"{self.live_server_url}/admin/")

    def assert_fits(self, page, width, what):
        self.assertLessEqual(horizontal_overflow(page), 1, f"{what} scrolls sideways at {width} px")

    def test_editor_walk_at_desktop_and_phone_widths(self):
        for width in WIDTHS:
            with self.subTest(width=width):
                self.walk(width)
                Meeting.objects.filter(pk=self.meeting.pk).update(review=Review.UNREVIEWED)

    def walk(self, width):
        page = self.new_page(width)
        self.log_in(page)
        self.assert_fits(page, width, "the admin's index")

        # a surname typed in lower case, found inside the name
        page.goto(f"{self.live_server_url}/admin/diplomacy/person/")
        self.assert_fits(page, width, "the person list")
        page.fill("#searchbar", "marvekova")
        page.press("#searchbar", "Enter")
        page.wait_for_selector("#result_list")
        self.assertEqual(page.locator("#result_list tbody tr").count(), 2)
        self.assert_fits(page, width, "the person search")

        page.click(f"#result_list a[href*='/person/{self.minister.pk}/change/']")
        page.wait_for_selector("#positions-group")
        self.assert_fits(page, width, "the person's change page (posts inline)")

        # the review queue: one click verifies the meeting
        page.goto(f"{self.live_server_url}/admin/diplomacy/person/review-queue/")
        self.assertIn("reopening of the northern quays", page.inner_text("#review-queue"))
        self.assert_fits(page, width, "the review queue")
        page.click(f"button[aria-label='Verify meeting {self.meeting.pk}']")
        page.wait_for_selector("ul.messagelist")
        self.assertIn("Verified meeting", page.inner_text("ul.messagelist"))
        self.meeting.refresh_from_db()
        self.assertEqual(self.meeting.review, Review.VERIFIED)

        # the merge page shows both candidates' country and posts, and warns
        page.goto(f"{self.live_server_url}/admin/diplomacy/person/")
        for person in (self.minister, self.namesake):
            page.check(f"input[name=_selected_action][value='{person.pk}']")
        page.select_option("select[name=action]", "merge_selected")
        page.click("button[name=index]")
        page.wait_for_selector("#merge-candidates")
        for person, country, year in [
            (self.minister, "Arcadia", "2023"),
            (self.namesake, "Borduria", "2024"),
        ]:
            row = page.inner_text(f"#candidate-{person.pk}")
            self.assertIn(country, row)
            self.assertIn("Minister of Harbours", row)
            self.assertIn(f"{year}-01-10", row)
        self.assertIn("different countries", page.inner_text(".merge-warnings"))
        self.assert_fits(page, width, "the merge page")
        page.close()
        self.assertEqual(self.blocked, [])
