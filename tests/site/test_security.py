"""Security of the site without a browser: read-only public pages, the admin behind a login,
CSRF, hostile text escaped, and filters that take junk without an error or an injection."""

import re

from django.contrib.auth.models import User
from django.test import Client, TestCase

from diplomacy.models import (
    Article,
    Country,
    Evidence,
    Meeting,
    Organisation,
    Participation,
    Person,
    Statement,
)

SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=1">'
JS_URL = "javascript:alert(1)"
PAYLOADS = (SCRIPT, IMG, JS_URL)
JS_LINK = re.compile(r"""(href|src|action)\s*=\s*["']?\s*javascript:""", re.IGNORECASE)

LISTS = {
    "/meetings/": ["date_after", "date_before", "country", "organisation", "participant",
                   "kind", "status", "o", "page", "format"],
    "/statements/": ["q", "speaker", "speaker_country", "meeting", "date_after",
                     "date_before", "direct", "o", "page", "format"],
    "/persons/": ["name", "country", "organisation", "o", "page", "format"],
    "/organisations/": ["name", "kind", "country", "o", "page", "format"],
    "/countries/": ["name", "sovereign", "o", "page", "format"],
    "/search/": ["q", "kind", "page"],
}  # fmt: skip
JUNK = [
    "'", '"', "' OR 1=1 --", "1; DROP TABLE diplomacy_person; --", "%00", "\x00", "a\x00b",
    "x" * 5000, "-1", "0", "-999999999999", "99999999999999999999", "1e309", "NaN",
    "-date", "password", "__class__", "pk); --", "-", "--", "date,title", '"(*', "NEAR(",
    "NEAR(a b", "a OR", "AND AND", "*", '"unterminated', "(((", ")", "^", "title:x", "{}",
    "[]", "2024-13-45", "0000-00-00", "\u202e\u0623", "\U0001f600", "%", "_", "\\", "<script>",
]  # fmt: skip


WORST = ["' OR 1=1 --", "a\x00b", "x" * 5000, "-99999999999999999999", '"(*', "NEAR("]


def hostile_register():
    """Records whose every name and text is an attack."""
    # get_or_create: a TransactionTestCase empties the reference table between tests
    kz, _ = Country.objects.get_or_create(
        iso2="KZ", defaults={"iso3": "KAZ", "name": "Kazakhstan", "demonyms": ["Kazakh"]}
    )
    names = {}
    for n, payload in enumerate(PAYLOADS):
        person = Person.objects.create(name=f"Agent {n} {payload}", country=kz)
        org = Organisation.objects.create(
            name=f"Org {n} {payload}", acronym=payload[:40], country=kz
        )
        meeting = Meeting.objects.create(
            title=f"Summit {n} {payload}", date=f"2024-05-0{n + 1}", city=payload[:100],
            country=kz, organisation=org,
        )  # fmt: skip
        Participation.objects.create(meeting=meeting, person=person, role=payload)
        text = f"Agent {n} said: {payload} and more."
        statement = Statement.objects.create(
            speaker=person, speaker_text=payload, meeting=meeting, text=text, date="2024-05-01"
        )
        article = Article.objects.create(
            file_name=f"{payload[:50]}.html", title=f"Title {payload}", outlet=payload,
            url=JS_URL, text=f"Report {n}. {text} {payload}", content_hash=f"{n:064d}",
        )  # fmt: skip
        start = article.text.index(payload)
        for kind, record in (("person", person), ("meeting", meeting), ("statement", statement),
                             ("organisation", org)):  # fmt: skip
            Evidence.objects.create(
                article=article, kind=kind, start=start, end=start + len(payload),
                text=payload, **{kind: record},
            )  # fmt: skip
        names[n] = {"person": person, "organisation": org, "meeting": meeting,
                    "statement": statement, "article": article}  # fmt: skip
    return names


def public_urls(records):
    urls = list(LISTS) + ["/", "/countries/KZ/"]
    for found in records.values():
        urls += [
            f"/persons/{found['person'].pk}/",
            f"/organisations/{found['organisation'].pk}/",
            f"/meetings/{found['meeting'].pk}/",
            f"/statements/{found['statement'].pk}/",
            f"/articles/{found['article'].pk}/",
        ]
    return urls


def admin_urls(records):
    urls = []
    for model in ("person", "organisation", "meeting", "statement", "participation", "position"):
        urls.append(f"/admin/diplomacy/{model}/")
    urls += ["/admin/diplomacy/article/", "/admin/diplomacy/evidence/", "/admin/diplomacy/country/"]
    for found in records.values():
        for kind in ("person", "organisation", "meeting", "statement"):
            urls.append(f"/admin/diplomacy/{kind}/{found[kind].pk}/change/")
        urls.append(f"/admin/diplomacy/article/{found['article'].pk}/change/")
        urls.append(f"/admin/diplomacy/person/{found['person'].pk}/history/")
    for model in ("person", "organisation", "meeting", "statement"):
        urls.append(f"/admin/diplomacy/{model}/?q=%3Cscript%3E&o=1")
    return urls


class SecurityTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.records = hostile_register()
        cls.admin = User.objects.create_superuser("boss", "boss@example.org", "pw-not-used-1")


class PublicPagesAreReadOnlyTests(SecurityTestCase):
    def test_public_pages_answer_get_and_head_only(self):
        for url in public_urls(self.records):
            with self.subTest(url):
                self.assertEqual(self.client.get(url).status_code, 200)
                self.assertEqual(self.client.head(url).status_code, 200)
                for method in ("post", "put", "patch", "delete"):
                    response = getattr(self.client, method)(url)
                    self.assertEqual(response.status_code, 405, f"{method.upper()} {url}")

    def test_a_write_without_a_csrf_token_gets_405_not_403(self):
        # a real client sends no token to a page that never had a form: the CSRF check
        # must not answer first (the test client skips it unless told)
        client = Client(enforce_csrf_checks=True)
        for url in public_urls(self.records):
            for method in ("post", "put", "patch", "delete"):
                with self.subTest(url=url, method=method):
                    response = getattr(client, method)(url, {"a": "b"})
                    self.assertEqual(response.status_code, 405, f"{method.upper()} {url}")
                    self.assertEqual(response["Allow"], "GET, HEAD")


class EscapingTests(SecurityTestCase):
    def assert_escaped(self, url, response):
        self.assertEqual(response.status_code, 200, url)
        html = response.content.decode()
        self.assertNotIn(SCRIPT, html)
        self.assertNotIn(IMG, html)
        self.assertNotIn("<img src=x", html)
        self.assertIsNone(JS_LINK.search(html), f"a javascript: link on {url}")

    def test_hostile_text_is_escaped_on_every_public_page(self):
        for url in public_urls(self.records):
            with self.subTest(url):
                self.assert_escaped(url, self.client.get(url))
        # and it is shown, as text
        response = self.client.get(f"/persons/{self.records[0]['person'].pk}/")
        self.assertContains(response, "&lt;script&gt;window.__pwned=1&lt;/script&gt;")

    def test_hostile_text_is_escaped_in_the_csv_and_json_downloads_context(self):
        for url in LISTS:
            if url == "/search/":
                continue
            # read to the end: an anonymous download holds its slot until then
            response = self.client.get(url, {"format": "json"})
            self.assertEqual(response.status_code, 200, url)
            self.assertTrue(response["Content-Type"].startswith("application/json"), url)
            b"".join(response.streaming_content)
            response = self.client.get(url, {"format": "csv"})
            self.assertTrue(response["Content-Type"].startswith("text/csv"), url)
            b"".join(response.streaming_content)

    def test_hostile_text_is_escaped_on_every_admin_page(self):
        self.client.force_login(self.admin)
        for url in admin_urls(self.records):
            with self.subTest(url):
                self.assert_escaped(url, self.client.get(url))

    def test_search_snippets_are_escaped(self):
        for query in ("Agent", "script", "onerror", "javascript"):
            with self.subTest(query):
                self.assert_escaped("/search/", self.client.get("/search/", {"q": query}))


class AdminAccessTests(SecurityTestCase):
    def test_the_admin_needs_a_login(self):
        for url in admin_urls(self.records):
            with self.subTest(url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 302)
                self.assertTrue(response["Location"].startswith("/admin/login/"))

    def test_staff_without_permissions_cannot_see_or_change_records(self):
        clerk = User.objects.create_user("clerk", password="pw-not-used-2", is_staff=True)
        self.client.force_login(clerk)
        person = self.records[0]["person"]
        self.assertEqual(self.client.get("/admin/diplomacy/person/").status_code, 403)
        response = self.client.post(f"/admin/diplomacy/person/{person.pk}/change/", {"name": "X"})
        self.assertEqual(response.status_code, 403)
        person.refresh_from_db()
        self.assertTrue(person.name.startswith("Agent 0"))

    def test_a_change_without_a_csrf_token_is_refused(self):
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.admin)
        person = self.records[0]["person"]
        response = client.post(
            f"/admin/diplomacy/person/{person.pk}/change/",
            {"name": "Changed", "review": "verified"},
        )
        self.assertEqual(response.status_code, 403)
        response = client.post(
            "/admin/diplomacy/person/",
            {"action": "delete_selected", "_selected_action": [person.pk], "post": "yes"},
        )
        self.assertEqual(response.status_code, 403)
        person.refresh_from_db()
        self.assertTrue(person.name.startswith("Agent 0"))
        self.assertEqual(person.review, "unreviewed")


class JunkQueryTests(SecurityTestCase):
    """Every filter of every list takes junk: a page or a 400/404, never a 500."""

    requests = 0

    def get(self, url, params):
        type(self).requests += 1
        response = self.client.get(url, params)  # the test client raises on a server error
        self.assertIn(response.status_code, (200, 400, 404), f"{url} {params!r}")
        return response

    def test_junk_in_every_filter_of_every_list(self):
        # every junk value in every filter at once, then the worst few in each filter alone
        # (a form with one bad field may skip the others; a list page costs ~0.1 s)
        for url, params in LISTS.items():
            for junk in JUNK:
                with self.subTest(url=url, junk=junk[:30]):
                    self.get(url, {param: junk for param in params})
            for param in params:
                for junk in WORST:
                    with self.subTest(url=url, param=param, junk=junk[:30]):
                        self.get(url, {param: junk})

    def test_junk_in_the_admin_change_lists(self):
        self.client.force_login(self.admin)
        for model in ("person", "organisation", "meeting", "statement"):
            url = f"/admin/diplomacy/{model}/"
            for junk in JUNK:
                if "\x00" in junk:
                    continue  # below
                for params in ({"q": junk}, {"o": junk, "p": junk, "review__exact": junk}):
                    with self.subTest(url=url, params=params):
                        response = self.client.get(url, params)
                        # the admin answers a bad filter with a redirect to ?e=1
                        self.assertIn(response.status_code, (200, 302, 400, 404))

    def test_a_huge_filter_value_is_a_form_error_or_a_400_never_a_500(self):
        # SQLite: "LIKE or GLOB pattern too complex" at 50,000 characters
        huge, long = "x" * 50_000, "y" * 500
        for url, params in LISTS.items():
            for param in params:
                with self.subTest(url=url, param=param):
                    self.assertEqual(self.get(url, {param: huge}).status_code, 400)
                    self.get(url, {param: long})
        text_filters = {"/meetings/": "participant", "/statements/": "speaker",
                        "/persons/": "name", "/organisations/": "name", "/countries/": "name"}  # fmt: skip
        for url, param in text_filters.items():
            with self.subTest(url=url, param=param):
                page = self.get(url, {param: long})
                self.assertEqual(page.status_code, 200)
                self.assertContains(page, "has-error")
                self.assertEqual(self.get(url, {param: long, "format": "csv"}).status_code, 400)
        self.client.force_login(self.admin)
        for model in ("person", "meeting", "statement"):
            with self.subTest(admin=model):
                response = self.client.get(f"/admin/diplomacy/{model}/", {"q": huge})
                self.assertEqual(response.status_code, 400)

    def test_nul_in_an_admin_filter_is_not_a_server_error(self):
        self.client.force_login(self.admin)
        for params in ({"q": "a\x00b"}, {"review__exact": "a\x00b"}, {"o": "\x00"}):
            with self.subTest(params):
                response = self.client.get("/admin/diplomacy/person/", params)
                self.assertEqual(response.status_code, 400)

    def test_sql_in_a_filter_is_a_literal_value(self):
        for url, param in (("/persons/", "name"), ("/organisations/", "name"),
                           ("/statements/", "speaker"), ("/meetings/", "participant"),
                           ("/countries/", "name")):  # fmt: skip
            with self.subTest(url):
                response = self.get(url, {param: "' OR 1=1 --", "format": "json"})
                self.assertEqual(response.status_code, 200)
                body = b"".join(response.streaming_content).decode()
                self.assertNotIn("Agent", body)
                self.assertNotIn("Kazakhstan", body)
        self.assertEqual(Person.objects.count(), len(PAYLOADS))

    def test_full_text_search_syntax_is_taken_as_words(self):
        for query in ('"(*', "NEAR(", "NEAR(Agent said", 'Agent" OR "1"="1', "Agent*", "-Agent",
                      "Agent AND", "^Agent", "Agent:said", "(Agent", "'"):  # fmt: skip
            with self.subTest(query):
                self.get("/search/", {"q": query})
                self.get("/statements/", {"q": query})


class AdminParameterTests(SecurityTestCase):
    """Parameters the admin would pass on to a server error: a page, a redirect or a 400."""

    def setUp(self):
        self.client.force_login(self.admin)

    def test_an_impossible_date_drill_down_is_the_admins_invalid_filter_redirect(self):
        for url in ("/admin/diplomacy/meeting/", "/admin/diplomacy/article/"):
            field = "date" if "meeting" in url else "published"
            for params in ({f"{field}__year": "1e20"},
                           {f"{field}__year": "1" + "0" * 20},
                           {f"{field}__year": "2024", f"{field}__month": "99999999999999999999"},
                           {f"{field}__year": "2024", f"{field}__month": "5",
                            f"{field}__day": "-1"},
                           {f"{field}__year": "-5"}):  # fmt: skip
                with self.subTest(url=url, params=params):
                    response = self.client.get(url, params)
                    self.assertEqual(response.status_code, 302)
                    self.assertTrue(response["Location"].endswith("?e=1"))
        # a real drill-down still works
        self.assertEqual(
            self.client.get("/admin/diplomacy/meeting/?date__year=2024").status_code, 200
        )

    def test_an_action_on_ids_that_are_not_ids_is_a_400(self):
        person = self.records[0]["person"]
        for action in ("mark_verified", "mark_rejected", "merge_selected", "delete_selected"):
            for ids in (["abc"], ["1.5"], ["9" * 25], [str(person.pk), "abc"], [""]):
                with self.subTest(action=action, ids=ids):
                    response = self.client.post(
                        "/admin/diplomacy/person/",
                        {"action": action, "_selected_action": ids, "index": 0},
                    )
                    self.assertEqual(response.status_code, 400)
        person.refresh_from_db()
        self.assertEqual(person.review, "unreviewed")
        # a real selection still acts
        response = self.client.post(
            "/admin/diplomacy/person/",
            {"action": "mark_verified", "_selected_action": [person.pk], "index": 0},
        )
        self.assertEqual(response.status_code, 302)
        person.refresh_from_db()
        self.assertEqual(person.review, "verified")


class ContentSecurityPolicyTests(SecurityTestCase):
    def test_every_answer_carries_the_policy(self):
        self.client.force_login(self.admin)
        urls = [*public_urls(self.records)[:8], "/statements/?format=csv", "/no-such-page/",
                "/admin/", "/admin/diplomacy/person/", "/admin/login/"]  # fmt: skip
        for url in urls:
            with self.subTest(url):
                policy = self.client.get(url)["Content-Security-Policy"]
                self.assertIn("default-src 'self'", policy)
                self.assertIn("script-src 'self'", policy)
                self.assertNotIn("unsafe-inline", policy)
                self.assertIn("frame-ancestors 'none'", policy)
                self.assertIn("object-src 'none'", policy)
