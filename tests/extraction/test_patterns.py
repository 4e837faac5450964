"""The extractors' data files: every word list well formed and used, every pattern row tested.

Each row of a pattern table (articles/extraction/patterns/*.toml) carries invented examples
and the record the finder must give for each; this test runs the real extractor on every
one, so a new pattern is tested by adding its row.
"""

import datetime as dt
import re
from pathlib import Path

from django.test import SimpleTestCase

from articles.extraction import patterns
from articles.extraction.dates import find_dates, find_relative, resolve_relative, year_from_context
from tests.builders import extract_text

EXTRACTION = Path(patterns.__file__).resolve().parent.parent


def code_of_extraction():
    """The source of every extraction module (word files are named there)."""
    return "\n".join(p.read_text() for p in EXTRACTION.rglob("*.py"))


class WordFileTests(SimpleTestCase):
    def test_every_word_file_says_what_it_is_and_has_no_duplicates(self):
        for name in patterns.word_file_names():
            with self.subTest(name):
                text = (patterns.WORDS / f"{name}.txt").read_text()
                self.assertTrue(text.startswith("# "), "a word file opens with what it is")
                entries = patterns.word_entries(name)
                self.assertTrue(entries)
                duplicates = {e for e in entries if entries.count(e) > 1}
                self.assertFalse(duplicates)

    def test_every_word_file_is_used(self):
        code = code_of_extraction()
        used = set(re.findall(r'(?:words|word_entries)\("([a-z_]+)"\)', code))
        self.assertEqual(set(patterns.word_file_names()) - used, set())
        self.assertEqual(used - set(patterns.word_file_names()), set())


def meeting_records(extraction):
    """The meetings of an extraction as a pattern table's examples write them."""
    organisations = {o.key: o.name for o in extraction.organisations}
    records = []
    for m in extraction.meetings:
        names = sorted(extraction.persons[p.entity].name for p in m.participants)
        record = {"kind": m.kind, "participants": names}
        if m.organisation_key:
            record["organisation"] = organisations.get(m.organisation_key, m.organisation_key)
        if m.city:
            record["city"] = m.city
        if m.date:
            record["date"] = m.date.isoformat()
        if m.end_date and m.end_date != m.date:
            record["end_date"] = m.end_date.isoformat()
        if m.status != "reported":
            record["status"] = m.status
        records.append(record)
    return sorted(records, key=repr)


def meeting_example(example):
    _, extraction = extract_text(example["text"], "example.txt")
    return {"meetings": meeting_records(extraction)}


def date_example(example):
    """The dates of an example against its reference day; the days counted from the day
    told before ("relative"); the year of an undated story ("year")."""
    text = example["text"]
    reference = example.get("reference")
    reference = dt.date.fromisoformat(reference) if reference else None
    found = find_dates(text, reference=reference)
    records = {"dates": []}
    for d in found:
        record = {"text": d.text, "date": d.date.isoformat(), "precision": d.precision}
        if d.end_date and d.end_date != d.date:
            record["end_date"] = d.end_date.isoformat()
        records["dates"].append(record)
    relative = []
    for start, end, phrase in find_relative(text):
        previous = [d for d in found if d.end <= start and d.precision == "day"]
        day = resolve_relative(
            phrase, previous[-1] if previous else None, start=start, end=end, text=text
        )
        relative.append({"text": phrase, "date": day.date.isoformat() if day else ""})
    if relative:
        records["relative"] = relative
    year = year_from_context(text)
    if year is not None:
        records["year"] = year
    return records


def person_example(example):
    """The persons of an example: name, posts and country."""
    _, extraction = extract_text(example["text"], "example.txt")
    records = []
    for person in extraction.persons:
        record = {"name": person.name}
        posts = [position.title for position in person.positions if position.title]
        if posts:
            record["posts"] = posts
        if person.country:
            record["country"] = person.country
        records.append(record)
    return {"persons": sorted(records, key=repr)}


def organisation_example(example):
    """The organisations an example names (not those only implied by a post)."""
    _, extraction = extract_text(example["text"], "example.txt")
    records = {}
    for organisation in extraction.organisations:
        if organisation.implied:
            continue
        record = {"name": organisation.name, "kind": organisation.kind}
        if organisation.acronym:
            record["acronym"] = organisation.acronym
        records[organisation.key] = record
    return {"organisations": sorted(records.values(), key=repr)}


# How each table's examples are run: the records the finder gives for an example, by key.
RECORDS = {
    "meetings": meeting_example,
    "dates": date_example,
    "persons": person_example,
    "organisations": organisation_example,
}
# Keys of an example that are its input, not the records it expects.
INPUTS = {"text", "reference", "reads", "matches"}


class PatternTableTests(SimpleTestCase):
    def test_every_table_with_patterns_has_a_record_reader(self):
        with_rows = {name for name in patterns.table_names() if patterns.rows(name)}
        self.assertEqual(with_rows, set(RECORDS))

    def test_every_row_has_a_reason_and_an_example(self):
        for name in patterns.table_names():
            for row in patterns.rows(name):
                with self.subTest(table=name, pattern=row["name"]):
                    self.assertTrue(row.get("why"))
                    self.assertTrue(row.get("example"))
            names = [row["name"] for row in patterns.rows(name)]
            self.assertEqual(len(names), len(set(names)), f"{name}: a row name used twice")

    def test_every_example_gives_its_records(self):
        for name in RECORDS:
            compiled = patterns.table(name)
            for row in patterns.rows(name):
                for n, example in enumerate(row["example"]):
                    with self.subTest(table=name, pattern=row["name"], example=n):
                        # the example exercises its row (or, with matches = false, shows
                        # what the row leaves out)
                        reads = example.get("reads", example["text"])
                        pattern = compiled[row["name"]]
                        found = bool(pattern.search(reads) or pattern.search(reads.lower()))
                        self.assertEqual(found, example.get("matches", True))
                        expected = {k: v for k, v in example.items() if k not in INPUTS}
                        self.assertEqual(RECORDS[name](example), expected)
