"""The demo's sample articles give the records a reader finds in them, and nothing else.

``fixtures/articles_expected.json`` lists, by hand, what the sample articles say: persons
(country, posts), meetings (dates, kind, city, participants) and statements (speaker, the
meeting they were made at, how they begin). Where the extractor still reads a sample
wrongly, ``known_differences`` gives the record as the register has it and why; the test
holds the register to the expected records with exactly those differences, so a fix shows
up as a failure until the difference is struck from the list.
"""

import io
import json
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.test import TestCase

SAMPLES = Path(settings.BASE_DIR) / "fixtures" / "articles"
EXPECTED = SAMPLES.parent / "articles_expected.json"
KINDS = ("articles", "persons", "meetings", "statements")
STATEMENT_WORDS = 6  # a statement is known by its speaker, meeting and first words


def compact(export: dict) -> dict:
    """The fields of an ``export_json`` document that the expected records hold."""
    meetings = [
        {
            "date": m["date"],
            "end_date": m["end_date"],
            "kind": m["kind"],
            "city": m["city"],
            "participants": sorted(m["participants"]),
            "sources": sorted(m["sources"]),
        }
        for m in export["meetings"]
    ]
    return {
        "articles": [
            {
                "file": a["file"],
                "title": a["title"],
                "source": a["source"],
                "published": a["published"],
            }
            for a in export["articles"]
        ],
        "persons": [
            {
                "name": p["name"],
                "country": p["country"],
                "posts": sorted(x["title"] for x in p["positions"]),
            }
            for p in export["persons"]
        ],
        "meetings": meetings,
        "statements": [
            {
                "speaker": s["speaker"],
                "meeting": None if s["meeting"] is None else meetings[s["meeting"]],
                "begins": " ".join(s["text"].split()[:STATEMENT_WORDS]),
                "direct": s["direct"],
                "sources": sorted(s["sources"]),
            }
            for s in export["statements"]
        ],
    }


def as_the_register_has_them(expected: dict) -> dict:
    """The expected records with the known differences applied, meetings named by id."""
    records = {kind: list(expected[kind]) for kind in KINDS}
    for difference in expected["known_differences"]:
        rows = records[difference["kind"]]
        if difference["expected"] is not None:
            rows.remove(difference["expected"])
        if difference["register"] is not None:
            rows.append(difference["register"])
    return records


def _key(row: dict) -> str:
    return json.dumps(row, sort_keys=True, ensure_ascii=False)


class DemoArticlesTests(TestCase):
    maxDiff = None

    @classmethod
    def setUpTestData(cls):
        call_command("import_articles", str(SAMPLES), "--no-progress", stdout=io.StringIO())
        out = io.StringIO()
        call_command("export_json", stdout=out)
        cls.register = compact(json.loads(out.getvalue()))
        cls.expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
        cls.wanted = as_the_register_has_them(cls.expected)

    def assertSameRecords(self, kind, register_rows, expected_rows):
        expected_keys = {_key(r) for r in expected_rows}
        register_keys = {_key(r) for r in register_rows}
        missing = sorted(k for k in expected_keys if k not in register_keys)
        extra = sorted(k for k in register_keys if k not in expected_keys)
        self.assertEqual((missing, extra), ([], []), f"{kind}: (missing, not expected)")
        self.assertEqual(len(register_rows), len(expected_rows), f"{kind}: duplicates")

    def test_articles(self):
        self.assertSameRecords("articles", self.register["articles"], self.wanted["articles"])

    def test_persons(self):
        self.assertSameRecords("persons", self.register["persons"], self.wanted["persons"])

    def test_meetings(self):
        wanted = [{k: v for k, v in m.items() if k != "id"} for m in self.wanted["meetings"]]
        self.assertSameRecords("meetings", self.register["meetings"], wanted)

    def test_statements(self):
        by_fields = {
            _key({k: v for k, v in m.items() if k != "id"}): m["id"]
            for m in self.wanted["meetings"]
        }
        register = [
            dict(
                s, meeting=None if s["meeting"] is None else by_fields.get(_key(s["meeting"]), "?")
            )
            for s in self.register["statements"]
        ]
        self.assertSameRecords("statements", register, self.wanted["statements"])

    def test_every_difference_says_why(self):
        for difference in self.expected["known_differences"]:
            with self.subTest(difference):
                self.assertIn(difference["kind"], KINDS)
                self.assertTrue(difference["why"].strip())
                self.assertNotEqual(difference["expected"], difference["register"])

    def test_the_world_is_worth_showing(self):
        meetings = self.expected["meetings"]
        self.assertGreaterEqual(len(list(SAMPLES.iterdir())), 15)
        self.assertGreaterEqual(len(meetings), 30)
        self.assertGreaterEqual(len({m["date"][:7] for m in meetings}), 8)  # months
        self.assertGreaterEqual(len({m["kind"] for m in meetings}), 5)
