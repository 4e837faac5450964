"""The public site in a real Chromium: pages open, filters work, links lead on, nothing runs.

Needs Playwright for Python and /usr/bin/chromium; skipped with the reason when either is
missing. The README's screenshots come from the demo's register (tests/site/test_demo_walk.py).
"""

import datetime

from django.core.cache import cache
from django.test import tag
from django.urls import reverse

from diplomacy.models import Meeting, Position
from tests.browser import BrowserTestCase
from tests.builders import (
    make_article,
    make_country,
    make_evidence,
    make_meeting,
    make_organisation,
    make_person,
    make_statement,
    page_urls,
)

EVIL = '<script>alert("x")</script>'


def build_register():
    """A small fictional register, busy enough for the timeline and network to show."""
    arcadia = make_country("XA", "Arcadia")
    borduria = make_country("XB", "Borduria")
    cascadia = make_country("XC", "Cascadia")
    league = make_organisation("League of Examples", "LOE")
    league.members.add(arcadia, borduria, cascadia)
    anna = make_person("Anna Testova", arcadia)
    boris = make_person("Boris Exampleov", borduria)
    carla = make_person("Carla Placeholder", cascadia)
    dmitri = make_person("Dmitri Sampleton", borduria)
    evil = make_person(f"Eve {EVIL} Mallory", cascadia)
    Position.objects.create(
        person=anna,
        title="Minister of Foreign Affairs",
        country=arcadia,
        start=datetime.date(2023, 1, 10),
        end=datetime.date(2024, 6, 1),
    )
    Position.objects.create(
        person=boris,
        title="Secretary-General",
        organisation=league,
        start=datetime.date(2023, 2, 1),
    )
    kinds = [Meeting.Kind.BILATERAL, Meeting.Kind.CALL, Meeting.Kind.SUMMIT, Meeting.Kind.VISIT]
    cities = ["Sample City", "Example Town", "Placeholder Port"]
    guests = [boris, carla, dmitri, boris, carla, boris]
    meetings = []
    for index in range(14):
        month = datetime.date(2023, 1, 1) + datetime.timedelta(days=41 * index)
        people = [(anna, "Foreign Minister"), (guests[index % len(guests)], "Guest")]
        if index % 4 == 0:
            people.append(dmitri if guests[index % len(guests)] is not dmitri else carla)
        meetings.append(
            make_meeting(
                f"Talks on {['trade', 'water', 'energy', 'transport'][index % 4]} in {cities[index % 3]}",
                people,
                date=month,
                kind=kinds[index % 4],
                city=cities[index % 3],
                country=[arcadia, borduria, cascadia][index % 3],
                organisation=league if index % 2 else None,
            )
        )
    talks = meetings[-1]
    evil_meeting = make_meeting(f"Meeting {EVIL}", [evil, anna], date=datetime.date(2024, 7, 1))
    quote = make_statement("Our partnership is reliable and strong.", anna, talks)
    make_statement("The sides discussed water management.", boris, talks, direct=False)
    evil_quote = make_statement(f"We said {EVIL} plainly.", evil, evil_meeting)
    article = make_article(
        f'Anna Testova met Boris Exampleov in Sample City. "Our partnership is reliable and strong," '
        f"she said. Arcadia hosted the talks.\n\nA reader wrote {EVIL} in the comments.",
        title="Ministers meet in Sample City",
    )
    make_evidence(article, anna, "Anna Testova")
    make_evidence(article, boris, "Boris Exampleov")
    make_evidence(article, talks, "Anna Testova met Boris Exampleov in Sample City")
    make_evidence(article, quote, "Our partnership is reliable and strong")
    make_evidence(article, arcadia, "Arcadia")
    return {
        "arcadia": arcadia,
        "anna": anna,
        "boris": boris,
        "evil": evil,
        "talks": talks,
        "league": league,
        "quote": quote,
        "evil_quote": evil_quote,
        "article": article,
        "evil_meeting": evil_meeting,
    }


@tag("browser", "slow")
class PublicSiteInChromiumTests(BrowserTestCase):
    def setUp(self):
        cache.clear()
        self.world = build_register()
        self.context = self.browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.dialogs = []
        self.errors = []
        self.page.on(
            "dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss())
        )
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        # the Content-Security-Policy must block nothing of the site's own (CSS, charts)
        self.page.on(
            "console",
            lambda message: (
                "Content Security Policy" in message.text and self.errors.append(message.text)
            ),
        )
        self.external = []
        self.page.on(
            "request",
            lambda request: (
                None
                if request.url.startswith(self.live_server_url)
                else self.external.append(request.url)
            ),
        )

    def tearDown(self):
        self.context.close()

    def open(self, path):
        response = self.page.goto(self.live_server_url + path)
        self.assertEqual(response.status, 200, path)
        return response

    def test_every_page_opens_with_one_heading_and_no_external_request(self):
        paths = page_urls(self.world)
        for path in paths:
            with self.subTest(path=path):
                self.open(path)
                self.assertEqual(self.page.locator("h1").count(), 1)
                self.assertEqual(self.page.locator("html").get_attribute("lang"), "en")
                # every visible form field has a label
                unlabelled = self.page.evaluate(
                    """() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
                        .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label'))
                        .map(el => el.name)"""
                )
                self.assertEqual(unlabelled, [])
        self.assertEqual(self.external, [])
        self.assertEqual(self.errors, [])

    def test_filter_and_follow_links(self):
        w = self.world
        self.open(reverse("site:home"))
        self.assertIn("The diplomacy register", self.page.title())

        self.page.get_by_role("navigation", name="Main").get_by_role(
            "link", name="Meetings"
        ).click()
        self.page.wait_for_url("**/meetings/")
        self.assertEqual(self.page.locator("figure.timeline svg rect").count() > 5, True)

        self.page.get_by_label("Participant").fill("Exampleov")
        self.page.get_by_label("Kind").select_option("bilateral")
        self.page.get_by_role("button", name="Apply filters").click()
        self.page.wait_for_url("**participant=Exampleov**")
        self.assertIn("kind=bilateral", self.page.url)
        rows = self.page.locator("table.listing tbody tr")
        self.assertGreater(rows.count(), 0)
        for text in rows.all_inner_texts():
            self.assertIn("Boris Exampleov", text)
            self.assertIn("Bilateral", text)
        # sorting keeps the filters in the URL
        self.page.locator("thead th a", has_text="Meeting").click()
        self.page.wait_for_url("**o=title**")
        self.assertIn("participant=Exampleov", self.page.url)

        self.open(reverse("site:meeting-list"))
        self.page.locator("table.listing tbody tr th a").first.click()
        self.page.wait_for_url("**/meetings/*/")
        self.assertEqual(self.page.locator("h1").inner_text(), str(w["evil_meeting"]))
        self.open(reverse("site:meeting-detail", args=[w["talks"].pk]))
        self.page.get_by_role("link", name="Anna Testova").first.click()
        self.page.wait_for_url("**/persons/*/")
        self.assertEqual(self.page.locator("h1").inner_text(), "Anna Testova")
        self.assertEqual(self.page.locator("figure.network svg a").count(), 4)

        self.open(reverse("site:article-detail", args=[w["article"].pk]))
        self.page.locator("mark a", has_text="Boris Exampleov").click()
        self.page.wait_for_url("**/persons/*/")
        self.assertEqual(self.page.locator("h1").inner_text(), "Boris Exampleov")

    def test_markup_from_articles_names_and_quotes_is_shown_as_text(self):
        w = self.world
        for path in (
            reverse("site:person-detail", args=[w["evil"].pk]),
            reverse("site:statement-detail", args=[w["evil_quote"].pk]),
            reverse("site:meeting-detail", args=[w["evil_meeting"].pk]),
            reverse("site:article-detail", args=[w["article"].pk]),
            reverse("site:statement-list"),
            reverse("site:search") + "?q=said+plainly",
        ):
            with self.subTest(path=path):
                self.open(path)
                self.assertIn("<script>", self.page.locator("main").inner_text())
                self.assertEqual(self.page.locator("main script").count(), 0)
        self.open(reverse("site:person-detail", args=[w["evil"].pk]))
        self.assertIn(EVIL, self.page.title())
        self.assertEqual(self.dialogs, [])

    def test_keyboard_reaches_the_skip_link_first_and_focus_is_visible(self):
        self.open(reverse("site:meeting-list"))
        self.page.keyboard.press("Tab")
        focused = self.page.evaluate("() => document.activeElement.textContent.trim()")
        self.assertEqual(focused, "Skip to content")
        outline = self.page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
        self.assertNotEqual(outline, "none")
        self.page.keyboard.press("Enter")
        self.assertTrue(self.page.url.endswith("#main"))

    def test_readable_on_a_phone(self):
        phone = self.browser.new_context(
            viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True
        )
        page = phone.new_page()
        try:
            for path in (
                reverse("site:home"),
                reverse("site:meeting-list"),
                reverse("site:person-detail", args=[self.world["anna"].pk]),
                reverse("site:article-detail", args=[self.world["article"].pk]),
            ):
                with self.subTest(path=path):
                    page.goto(self.live_server_url + path)
                    overflow = page.evaluate(
                        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
                    )
                    self.assertLessEqual(overflow, 1)
            page.goto(self.live_server_url + reverse("site:meeting-list"))
        finally:
            phone.close()
