"""Hostile text in a real browser: no script runs, no dialog opens, the text shows as text.

Needs Playwright for Python and /usr/bin/chromium; skipped with the reason when either is
missing. Every public page and every admin page of the hostile records is opened, the
admin ones as a logged-in superuser.
"""

from django.conf import settings
from django.contrib.auth.models import User
from django.test import tag

from tests.browser import BrowserTestCase

from .test_security import IMG, SCRIPT, admin_urls, hostile_register, public_urls

PASSWORD = "browser-test-password-1"


@tag("browser", "slow")
class HostileTextInTheBrowserTests(BrowserTestCase):
    def setUp(self):
        self.records = hostile_register()
        User.objects.create_superuser("boss", "boss@example.org", PASSWORD)
        self.page = self.browser.new_page()
        self.dialogs = []
        self.page.on(
            "dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss())
        )
        self.errors = []
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        # what the Content-Security-Policy blocked: the site's and the admin's own
        # scripts, styles and images must all be allowed
        self.blocked = []
        self.page.on(
            "console",
            lambda message: (
                "Content Security Policy" in message.text and self.blocked.append(message.text)
            ),
        )

    def tearDown(self):
        self.page.close()

    def visit(self, path):
        self.blocked.clear()
        response = self.page.goto(self.live_server_url + path)
        self.assertEqual(response.status, 200, path)
        self.page.wait_for_load_state("load")
        self.assertIsNone(self.page.evaluate("window.__pwned"), f"a script ran on {path}")
        self.assertEqual(self.dialogs, [], f"a dialog opened on {path}")
        self.assertTrue(response.headers.get("content-security-policy"), path)
        self.assertEqual(self.blocked, [], f"the policy blocked part of {path}")
        self.assertEqual(self.errors, [], f"a script failed on {path}")
        links = self.page.eval_on_selector_all(
            "a[href], [src], form[action]",
            "els => els.map(e => e.getAttribute('href') || e.getAttribute('src') || "
            "e.getAttribute('action')).filter(v => /^\\s*javascript:/i.test(v))",
        )
        self.assertEqual(links, [], f"a javascript: link on {path}")
        return self.page.inner_text("body")

    def test_public_pages_show_hostile_text_as_text(self):
        shown = ""
        for path in public_urls(self.records):
            with self.subTest(path):
                shown += self.visit(path)
        self.assertIn(SCRIPT, shown)
        self.assertIn(IMG, shown)
        self.assertIn("javascript:alert(1)", shown)

    def test_the_policy_stops_an_inline_script_that_escaping_would_have_let_through(self):
        # as if a template forgot to escape: the browser itself refuses to run it
        self.page.route(
            "**/persons/",
            lambda route: route.fulfill(
                status=200,
                headers={"Content-Security-Policy": settings.CONTENT_SECURITY_POLICY},
                content_type="text/html",
                body=f"<!doctype html><title>x</title>{SCRIPT}{IMG}",
            ),
        )
        self.page.goto(self.live_server_url + "/persons/")
        self.page.wait_for_load_state("load")
        self.assertIsNone(self.page.evaluate("window.__pwned"))
        self.assertTrue(self.blocked)

    def test_admin_pages_show_hostile_text_as_text(self):
        self.page.goto(self.live_server_url + "/admin/login/")
        self.page.fill("#id_username", "boss")
        self.page.fill("#id_password", PASSWORD)
        self.page.click("input[type=submit]")
        self.page.wait_for_url(self.live_server_url + "/admin/")
        shown = ""
        for path in admin_urls(self.records):
            with self.subTest(path):
                shown += self.visit(path)
        self.assertIn(SCRIPT, shown)
        self.assertIn(IMG, shown)
