"""A visitor walks the demo in Chromium: home -> meetings between two countries -> a meeting
-> a person -> the person's Atom feed, on a desktop (1,366 px) and a phone (390 px).

Every page must fit its width: a page wider than the window (horizontal scrolling) fails.
The register is the demo's own: the sample articles in fixtures/articles, imported as
``manage.py demo`` imports them. With ``DEMO_SCREENSHOTS=1`` the walk also refreshes the
README's screenshots in docs/screenshots/ from it.

Needs Playwright for Python and /usr/bin/chromium; skipped with the reason when either is
missing.
"""

import io
import os
from pathlib import Path
from xml.etree import ElementTree

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.test import tag
from django.urls import reverse

from tests.browser import DESKTOP, PHONE, BrowserTestCase

SAMPLES = Path(settings.BASE_DIR) / "fixtures" / "articles"
SCREENSHOTS = Path(settings.BASE_DIR) / "docs" / "screenshots"
ATOM = "{http://www.w3.org/2005/Atom}"
# the walk: meetings between Kazakhstan and Uzbekistan, the Kazakh minister's talks in
# Tashkent, the minister, the minister's feed (names from the sample articles)
COUNTRIES = ("Kazakhstan", "Uzbekistan")
MEETING = "Meeting of Marat Kenzhebekov and Jasurbek Nematov"
PERSON = "Marat Kenzhebekov"


@tag("browser", "slow")
class DemoWalkTests(BrowserTestCase):
    def setUp(self):
        cache.clear()
        call_command("import_articles", str(SAMPLES), "--no-progress", stdout=io.StringIO())
        self.screenshots = os.environ.get("DEMO_SCREENSHOTS") == "1"
        if self.screenshots:
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def new_page(self, viewport):
        phone = viewport["width"] < 600
        context = self.browser.new_context(viewport=viewport, is_mobile=phone, has_touch=phone)
        self.addCleanup(context.close)
        page = context.new_page()
        page.set_default_timeout(90_000)  # a loaded 2-CPU machine: patience, not flakiness
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        self.addCleanup(lambda: self.assertEqual(errors, [], "script errors"))
        return page

    def assertFits(self, page, where):
        """The page is no wider than the window: nothing to scroll sideways."""
        sizes = page.evaluate(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        self.assertLessEqual(sizes[0], sizes[1], f"{where}: {sizes[0]} px wide in {sizes[1]} px")

    def shot(self, page, name, full_page=True):
        if self.screenshots:
            page.screenshot(path=str(SCREENSHOTS / name), full_page=full_page)

    def walk(self, viewport):
        page = self.new_page(viewport)
        width = viewport["width"]
        page.goto(self.live_server_url + reverse("site:home"))
        self.assertFits(page, f"home at {width} px")

        # meetings between two countries, chosen in the list's form
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Meetings").click()
        page.wait_for_url("**/meetings/")
        self.assertFits(page, f"meetings at {width} px")
        if width == DESKTOP["width"]:
            self.shot(page, "meeting-list.png")
        else:
            self.shot(page, "meeting-list-phone.png", full_page=False)
        page.get_by_label("Between countries:").select_option(label=COUNTRIES[0])
        page.get_by_label("Between countries (2)").select_option(label=COUNTRIES[1])
        page.get_by_role("button", name="Apply filters").click()
        page.wait_for_url("**between=**")
        self.assertIn("between=KZ", page.url)
        self.assertIn("between=UZ", page.url)
        self.assertFits(page, f"meetings between two countries at {width} px")
        rows = page.locator("table.listing tbody tr")
        titles = rows.locator("th a").all_inner_texts()
        self.assertIn(MEETING, titles)
        # every meeting listed has someone of each country or was held there
        self.assertEqual(len(titles), 4, titles)

        # the meeting
        rows.locator("th a", has_text=MEETING).click()
        page.wait_for_url("**/meetings/*/")
        self.assertEqual(page.locator("h1").inner_text(), MEETING)
        self.assertIn("Tashkent", page.locator("main").inner_text())
        self.assertFits(page, f"a meeting at {width} px")
        self.meeting_url = page.url
        if width == DESKTOP["width"]:
            self.shot(page, "meeting-detail.png")

        # a person who took part
        page.locator("main").get_by_role("link", name=PERSON).first.click()
        page.wait_for_url("**/persons/*/")
        self.assertEqual(page.locator("h1").inner_text(), PERSON)
        self.assertFits(page, f"a person at {width} px")
        if width == DESKTOP["width"]:
            self.shot(page, "person-detail.png")

        # the person's feed: an Atom document whose entries include the meeting
        link = page.locator("main a[type='application/atom+xml']").first
        href = link.get_attribute("href")
        self.assertTrue(href.endswith("/feed/"), href)
        answer = page.request.get(self.live_server_url + href if href.startswith("/") else href)
        self.assertEqual(answer.status, 200)
        self.assertIn("application/atom+xml", answer.headers["content-type"])
        feed = ElementTree.fromstring(answer.body())
        entries = [e.findtext(f"{ATOM}title") for e in feed.findall(f"{ATOM}entry")]
        self.assertTrue(any(MEETING in (title or "") for title in entries), entries)
        return page

    def test_a_visitor_walks_the_demo_on_a_desktop_and_a_phone(self):
        # one test for both widths: a live-server test empties every table when it ends,
        # the reference countries the migrations loaded too
        with self.subTest("desktop"):
            page = self.walk(DESKTOP)
            # the README's screenshots: search and home too
            page.goto(self.live_server_url + reverse("site:search") + "?q=Kenzhebekov")
            self.assertFits(page, "search at 1366 px")
            self.assertIn(PERSON, page.locator("main").inner_text())
            self.shot(page, "search.png")
            page.goto(self.live_server_url + reverse("site:home"))
            self.shot(page, "home.png")
            # the meeting's source article, every extracted record marked
            page.goto(self.meeting_url)
            page.locator("main a[href*='/articles/']").first.click()
            page.wait_for_url("**/articles/**")
            self.assertFits(page, "an article at 1366 px")
            self.assertGreater(page.locator("main mark").count(), 5)
            self.shot(page, "article-detail.png")
        with self.subTest("phone"):
            page = self.walk(PHONE)
            self.shot(page, "person-detail-phone.png", full_page=False)
