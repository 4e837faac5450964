"""``manage.py demo``: where it serves, what it says, and what it imports."""

import io
import json
import os
import shutil
import tempfile
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import SimpleTestCase, TestCase, override_settings

from articles.management.commands.demo import address_and_port
from diplomacy.models import Meeting

SAMPLES = Path(settings.BASE_DIR) / "fixtures" / "articles"
EXPECTED = Path(settings.BASE_DIR) / "fixtures" / "articles_expected.json"


def run_demo(*args):
    out = io.StringIO()
    call_command("demo", *args, stdout=out)
    return out.getvalue()


class AddressTests(SimpleTestCase):
    def test_address_and_port(self):
        rows = [
            ((None, None), ("127.0.0.1", 8000)),
            (("8080", None), ("127.0.0.1", 8080)),
            (("0.0.0.0:8080", None), ("0.0.0.0", 8080)),
            (("0.0.0.0", None), ("0.0.0.0", 8000)),
            ((None, 9000), ("127.0.0.1", 9000)),
            (("0.0.0.0", 9000), ("0.0.0.0", 9000)),
            (("[::1]:8080", None), ("::1", 8080)),
        ]
        for given, expected in rows:
            with self.subTest(given):
                self.assertEqual(address_and_port(*given), expected)

    def test_bad_ports_are_refused(self):
        for given in (("0.0.0.0:http", None), ("0.0.0.0:70000", None), ("1:80", 81)):
            with self.subTest(given), self.assertRaises(CommandError):
                address_and_port(*given)


class DemoCommandTests(TestCase):
    def test_no_serve_sets_up_without_offering_an_address(self):
        text = run_demo("--no-serve")
        self.assertIn("Created the admin account: user 'admin', password '", text)
        self.assertNotIn("Open http", text)
        self.assertTrue(Meeting.objects.exists())

    def test_a_second_run_says_the_admin_account_exists_and_how_to_reset_it(self):
        run_demo("--no-serve")
        text = run_demo("--no-serve")
        self.assertIn("The admin account already exists", text)
        self.assertIn("manage.py changepassword admin", text)
        self.assertNotIn("password '", text)
        self.assertIn("0 new", text)

    def test_serves_on_the_address_and_port_given(self):
        for args, url, addrport in (
            (["0.0.0.0:8080"], "http://0.0.0.0:8080/", "0.0.0.0:8080"),
            (["--port", "8123"], "http://127.0.0.1:8123/", "127.0.0.1:8123"),
        ):
            with self.subTest(args):
                served = []
                with mock.patch(
                    "articles.management.commands.demo.call_command",
                    side_effect=serve_nothing(served),
                ):
                    text = run_demo(*args)
                self.assertIn(f"Open {url} for the public site", text)
                self.assertEqual(served, [addrport])


def serve_nothing(served):
    """A call_command that notes where runserver would serve instead of serving."""

    def fake(name, *args, **options):
        if name == "runserver":
            served.append(args[0])
            return None
        return call_command(name, *args, **options)

    return fake


class DemoDatesTests(TestCase):
    def setUp(self):
        self.base = Path(tempfile.mkdtemp(prefix="demo-"))
        self.addCleanup(shutil.rmtree, self.base, ignore_errors=True)
        shutil.copytree(SAMPLES, self.base / "fixtures" / "articles")

    def test_the_samples_dates_do_not_depend_on_the_files_modification_times(self):
        # a checkout or a copy gives the files any modification time: here 1 January 2001
        for path in (self.base / "fixtures" / "articles").iterdir():
            os.utime(path, (978307200, 978307200))
        with override_settings(BASE_DIR=self.base):
            run_demo("--no-serve")
        expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
        dates = {
            (m.date.isoformat(), m.end_date and m.end_date.isoformat())
            for m in Meeting.objects.all()
        }
        wanted = {(m["date"], m["end_date"]) for m in expected["meetings"]}
        for difference in expected["known_differences"]:
            if difference["kind"] == "meetings" and difference["register"]:
                wanted.discard((difference["expected"]["date"], difference["expected"]["end_date"]))
                wanted.add((difference["register"]["date"], difference["register"]["end_date"]))
        self.assertEqual(dates, wanted)
