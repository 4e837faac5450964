"""Every public page at a laptop's and a phone's width: nothing wider than the screen, no
text too small to read (chart labels included).

Needs Playwright for Python and /usr/bin/chromium; skipped with the reason when either is
missing.
"""

import datetime

from django.core.cache import cache
from django.test import tag
from django.urls import reverse

from diplomacy.models import Meeting, PersonName
from tests.browser import BrowserTestCase
from tests.builders import make_meeting, make_person, make_statement, page_urls

from .test_site_browser import build_register

WIDTHS = (1366, 390)
# CSS pixels: the smallest text a reader is asked to read
SMALLEST_TEXT = 11

# What spills past the viewport outside a container that scrolls on its own, and which
# visible text is rendered smaller than SMALLEST_TEXT (SVG text scaled by its viewBox).
LAYOUT_PROBLEMS = """(smallest) => {
  const width = window.innerWidth;
  const problems = [];
  const page = document.documentElement.scrollWidth;
  if (page > width) problems.push(`page is ${page} px wide`);
  const scrolls = (el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
  const inScroller = (el) => {
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      if (scrolls(up) && up.getBoundingClientRect().right <= width + 1) return true;
    }
    return false;
  };
  const name = (el) => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string'
    ? '.' + el.className.trim().split(/\\s+/).join('.') : '') +
    ` "${(el.textContent || '').trim().slice(0, 40)}"`;
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) continue;  // nothing, or visually hidden
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    if ((box.right > width + 1 || box.left < -1) && !inScroller(el)) {
      problems.push(`${name(el)} spans ${Math.round(box.left)}..${Math.round(box.right)} px`);
    }
    const ownText = [...el.childNodes].some(
      (node) => node.nodeType === Node.TEXT_NODE && node.textContent.trim());
    if (!ownText) continue;
    let size = parseFloat(style.fontSize);
    if (el instanceof SVGElement && el.getScreenCTM()) size *= el.getScreenCTM().a;
    if (size < smallest) problems.push(`${name(el)} is ${size.toFixed(1)} px`);
  }
  return [...new Set(problems)].slice(0, 15);
}"""

# tables of records (class "stack") that still need scrolling sideways in their frame
STACKED_TABLES_CUT = """() => [...document.querySelectorAll('.table-wrap')]
  .filter((frame) => frame.querySelector('table.stack') && frame.scrollWidth > frame.clientWidth + 1)
  .map((frame) => `${frame.getAttribute('aria-label')}: ${frame.scrollWidth} px in ${frame.clientWidth}`)"""


def crowd_the_register(world):
    """Long names, a long title, many participants and statements: what breaks a phone."""
    anna = world["anna"]
    PersonName.objects.create(person=anna, name="Anna Testova-Placeholderska")
    guests = [
        make_person(f"Ambassador-at-Large Extraordinarily Longname-Number{index}", world["arcadia"])
        for index in range(8)
    ]
    summit = make_meeting(
        "Extraordinary ministerial conference on interregional transport corridors",
        [(anna, "Chair"), *((guest, "Permanent Representative to the League") for guest in guests)],
        date=datetime.date(2024, 8, 2),
        kind=Meeting.Kind.SUMMIT,
        city="Placeholder Port",
        country=world["arcadia"],
        organisation=world["league"],
    )
    for index in range(40):
        make_statement(
            f"Statement number {index} on the supercalifragilistic interconnectivity of "
            "transcontinental infrastructure programmes, said at length and in detail.",
            guests[index % len(guests)],
            summit,
            date=datetime.date(2024, 8, 2),
        )
    return summit


@tag("browser", "slow")
class LayoutAtTwoWidthsTests(BrowserTestCase):
    def setUp(self):
        cache.clear()
        self.world = build_register()
        self.summit = crowd_the_register(self.world)

    def paths(self):
        return [
            *page_urls(self.world),
            reverse("site:meeting-detail", args=[self.summit.pk]),
            reverse("site:person-detail", args=[self.world["boris"].pk]),
            reverse("site:statement-list") + "?per_page=100",
            reverse("site:search") + "?q=transcontinental",
        ]

    def test_no_page_is_wider_than_the_screen_or_has_unreadable_text(self):
        for width in WIDTHS:
            context = self.browser.new_context(
                viewport={"width": width, "height": 900},
                is_mobile=width < 600,
                has_touch=width < 600,
            )
            page = context.new_page()
            try:
                for path in self.paths():
                    with self.subTest(width=width, path=path):
                        response = page.goto(self.live_server_url + path)
                        self.assertEqual(response.status, 200)
                        self.assertEqual(page.evaluate(LAYOUT_PROBLEMS, SMALLEST_TEXT), [])
                        if width < 600:
                            # tables of records fit whole: no column hidden past the frame
                            self.assertEqual(page.evaluate(STACKED_TABLES_CUT), [])
            finally:
                context.close()

    def test_the_checks_catch_overflow_and_tiny_text(self):
        """The page checks themselves fail on what they are meant to find."""
        context = self.browser.new_context(viewport={"width": 390, "height": 900})
        page = context.new_page()
        try:
            page.goto(self.live_server_url + reverse("site:home"))
            page.evaluate(
                """() => {
                  const wide = document.createElement('div');
                  wide.style.width = '600px';
                  wide.textContent = 'too wide';
                  document.querySelector('main').append(wide);
                  const tiny = document.createElement('p');
                  tiny.style.fontSize = '8px';
                  tiny.textContent = 'too small';
                  document.querySelector('main').append(tiny);
                }"""
            )
            problems = " ".join(page.evaluate(LAYOUT_PROBLEMS, SMALLEST_TEXT))
            self.assertIn("page is", problems)
            self.assertIn("too wide", problems)
            self.assertIn("too small", problems)
        finally:
            context.close()
