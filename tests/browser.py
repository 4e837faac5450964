"""What every browser test shares: Debian's Chromium driven by Playwright, the two window
widths the pages must fit, and the sideways-scroll measure.

A ``BrowserTestCase`` is skipped with the reason when Playwright or /usr/bin/chromium is
missing (`apt-get install chromium`), so the suite still runs on a machine without them.
"""

import os
import unittest

from django.contrib.staticfiles.testing import StaticLiveServerTestCase
from django.test import tag

from tests.transactional import WithReferenceData

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


def browser_missing() -> str | None:
    """Why a browser test cannot run here, or None."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed (pip install playwright)"
    if not os.path.exists(CHROMIUM):
        return f"{CHROMIUM} is missing (apt-get install chromium)"
    return None


def horizontal_overflow(page) -> int:
    """How many pixels the page is wider than the window (0 when nothing scrolls sideways)."""
    return page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


@tag("browser", "slow")
class BrowserTestCase(WithReferenceData, StaticLiveServerTestCase):
    """A live server and one Chromium for the class (``cls.browser``)."""

    @classmethod
    def setUpClass(cls):
        missing = browser_missing()
        if missing:
            raise unittest.SkipTest(missing)
        from playwright.sync_api import sync_playwright

        # Playwright's sync API runs an event loop in this thread; the ORM calls of the
        # test are safe. Only while the class runs, so that a later subprocess of another
        # test (check --deploy) does not inherit it.
        cls._async_unsafe = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
        super().setUpClass()
        cls.playwright = sync_playwright().start()
        try:
            cls.browser = cls.playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        except Exception:
            cls.playwright.stop()
            cls._tear_down_server()
            raise

    @classmethod
    def tearDownClass(cls):
        cls.browser.close()
        cls.playwright.stop()
        cls._tear_down_server()

    @classmethod
    def _tear_down_server(cls):
        super().tearDownClass()
        if cls._async_unsafe is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = cls._async_unsafe
