"""Downloads of the public lists: anonymous ones are limited in rows per request and in
how many run at once (counted in the shared cache), staff ones are not; all stream."""

import csv
import io
import json

from django.conf import settings
from django.contrib.auth.models import User
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.core.signals import request_finished
from django.db import close_old_connections, connection
from django.db.models import F
from django.test import TestCase, override_settings
from django.urls import reverse

from diplomacy import export_limits
from tests.builders import make_country, make_person

ROWS = 7


def close_unread(response):
    """Close a streaming response as a server does when the client goes away. Closing
    sends request_finished, whose close_old_connections would close the test's own
    PostgreSQL connection in the middle of its transaction (the test client keeps it
    away only while it serves a request)."""
    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)


def body(response):
    return b"".join(response.streaming_content).decode()


@override_settings(EXPORT_ANONYMOUS_ROWS=3, EXPORT_ANONYMOUS_CONCURRENT=2)
class ExportLimitTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        country = make_country("XA", "Arcadia")
        cls.names = sorted(f"Person Number{n}" for n in range(ROWS))
        for name in cls.names:
            make_person(name, country)
        cls.staff = User.objects.create_user("clerk", password="pw-not-used-3", is_staff=True)

    def setUp(self):
        caches["shared"].clear()  # where the slots are held: start with none

    def download(self, url=None, **params):
        return self.client.get(url or reverse("site:person-list"), params)

    def test_an_anonymous_download_is_limited_and_says_where_the_rest_is(self):
        seen, page, following = [], 1, True
        while following:
            response = self.download(format="json", page=page)
            self.assertEqual(response.status_code, 200)
            self.assertTrue(response.streaming)
            self.assertEqual(response["X-Export-Limit"], "3")
            self.assertEqual(response["X-Export-Page"], str(page))
            data = json.loads(body(response))
            self.assertEqual((data["limit"], data["page"]), (3, page))
            self.assertLessEqual(len(data["results"]), 3)
            seen += [row["name"] for row in data["results"]]
            following = data["next"]
            if following:
                self.assertIn(f"page={page + 1}", following)
                self.assertIn("format=json", following)
                self.assertEqual(response["X-Export-Next"], following)
                self.assertEqual(response["Link"], f'<{following}>; rel="next"')
            else:
                self.assertNotIn("X-Export-Next", response)
            page += 1
        self.assertEqual(seen, self.names)  # every row once, in order, over three pages
        self.assertEqual(page - 1, 3)

    def test_the_csv_download_is_limited_too_and_says_so_in_its_headers(self):
        response = self.download(format="csv")
        rows = list(csv.reader(io.StringIO(body(response))))
        self.assertEqual(len(rows), 1 + 3)
        self.assertEqual(response["X-Export-Limit"], "3")
        self.assertIn("page=2", response["X-Export-Next"])
        rows = list(csv.reader(io.StringIO(body(self.download(format="csv", page=3)))))
        self.assertEqual(len(rows), 1 + 1)
        for junk in ("0", "-4", "abc", "9" * 30):
            with self.subTest(page=junk):
                response = self.download(format="csv", page=junk)
                self.assertEqual(response.status_code, 200)
                body(response)

    def test_staff_download_everything(self):
        self.client.force_login(self.staff)
        data = json.loads(body(self.download(format="json")))
        self.assertEqual([row["name"] for row in data["results"]], self.names)
        self.assertEqual(data["limit"], export_limits.EXPORT_CAP)
        self.assertIsNone(data["next"])

    def test_only_so_many_anonymous_downloads_run_at_once(self):
        first = self.download(format="json")
        second = self.download(format="csv")
        self.assertEqual((first.status_code, second.status_code), (200, 200))
        # both are still streaming: a third waits, browsing does not
        third = self.download(format="json")
        self.assertEqual(third.status_code, 429)
        self.assertEqual(third["Retry-After"], str(export_limits.RETRY_AFTER))
        self.assertIn("Too many downloads", json.loads(third.content)["error"])
        self.assertEqual(self.download(format="csv").status_code, 429)
        self.assertEqual(self.download().status_code, 200)  # the list page itself
        self.assertEqual(self.client.get(reverse("site:home")).status_code, 200)
        # staff are not counted
        staff = self.client_class()
        staff.force_login(self.staff)
        self.assertEqual(staff.get(reverse("site:person-list"), {"format": "csv"}).status_code, 200)
        # a finished download gives its slot back, sent to the end or not
        body(first)
        self.assertEqual(self.download(format="json").status_code, 200)
        close_unread(second)
        self.assertEqual(self.download(format="json").status_code, 200)

    def test_a_slot_is_held_where_every_server_process_sees_it(self):
        response = self.download(format="json")
        another_process = DatabaseCache(settings.CACHE_TABLE, {})
        held = [another_process.get(f"diplomacy:export-slot:{n}") for n in range(2)]
        self.assertEqual(sum(value is not None for value in held), 1)
        body(response)
        held = [another_process.get(f"diplomacy:export-slot:{n}") for n in range(2)]
        self.assertEqual(held, [None, None])

    def test_the_list_page_says_how_many_rows_a_download_holds(self):
        self.assertContains(self.download(), "up to 3 rows per download")
        self.client.force_login(self.staff)
        self.assertContains(self.download(), "up to 100,000 rows per download")


class DownloadNextPageTests(TestCase):
    def test_postgresql_reads_the_public_order_from_its_own_index(self):
        """A download's "is there a next page" skips as many statements as it holds: on
        PostgreSQL the public order's index leaves rejected statements out, so the skip
        reads the index alone instead of every skipped row (migration 0018)."""
        if connection.vendor != "postgresql":
            self.skipTest("PostgreSQL only")
        from diplomacy.models import Statement

        following = (
            Statement.objects.public()
            .order_by(F("date").desc(nulls_last=True), "pk")
            .values_list("pk", flat=True)[1000:1001]
        )
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            sql, params = following.query.sql_with_params()
            cursor.execute("EXPLAIN " + sql, params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
        self.assertIn("statement_public_date_idx", plan)
