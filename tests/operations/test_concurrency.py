"""Two importers on the same files at once: no duplicate articles, persons, organisations
or meetings.

Two ``manage.py import_articles`` processes run side by side on one set of generated
articles, one forwards and one backwards (the articles share ministers, so both want to
create the same persons and organisations at the same moment), against a dedicated PostgreSQL database; and once on a SQLite file, where
writers queue for the database lock. The result must equal a single clean import.
"""

import os
import shutil
import sqlite3
import tempfile
import unittest
from pathlib import Path

from django.test import SimpleTestCase, tag

from .test_faults import (
    COUNTRIES,
    GIVEN,
    MONTHS,
    PostgresDatabases,
    counts,
    foreign_minister,
    integrity_problems,
    manage,
    postgres_server,
    start_import,
)

EVENTS = 50
# invented, like the ministers of test_faults
GUEST_SURNAMES = ["Amberlyn", "Brackwell", "Corvantis", "Dunmerrow", "Elstrand", "Fallowmere",
                  "Grintova", "Hollisk", "Istravel", "Jannemark", "Korblin", "Lusterfeld",
                  "Morvaigne"]  # fmt: skip
ARTICLES = 2 * EVENTS  # two reports of every event, worded differently


def event_report(n, variant):
    """Report ``variant`` (0 or 1) of event ``n``: a host minister receives a guest.

    Every fourth event brings a new guest, so each person is new in eight consecutive
    files: the two importers meet them for the first time at about the same moment."""
    host_index = n % len(COUNTRIES)
    host = COUNTRIES[host_index]
    guest_country = COUNTRIES[(host_index + 1 + n // 4) % len(COUNTRIES)]
    guest = f"{GIVEN[(n // 4 + 5) % len(GIVEN)]} {GUEST_SURNAMES[n // 4 % len(GUEST_SURNAMES)]}"
    host_name = foreign_minister(host_index)
    month = MONTHS[(n // 28) % 12]
    day = n % 28 + 1
    if variant == 0:
        return (
            f"{host[1]} receives {guest_country[1]}\n\n{host[3].upper()}, {month} {day}, 2024 "
            f"(Agency) -- {host[2]} Foreign Minister {host_name} met with {guest_country[2]} "
            f"Foreign Minister {guest} in {host[3]} on {month} {day}.\n\n"
            f'"Our ties are strong," {host_name.split()[1]} said.\n'
        )
    return (
        f"Talks in {host[3]}\n\n{host[3].upper()}, {month} {day}, 2024 (Wire) -- "
        f"{guest_country[2]} Foreign Minister {guest} held talks with {host[2]} Foreign Minister "
        f"{host_name} in {host[3]} on {month} {day}.\n\n"
        f'"Our ties are strong," {host_name.split()[1]} said after the talks.\n'
    )


def write_event_reports(directory):
    """Both reports of every event; returns (first importer's order, second importer's)."""
    directory.mkdir(parents=True, exist_ok=True)
    forwards, crosswise = [], []
    for n in range(EVENTS):
        pair = []
        for variant in (0, 1):
            path = directory / f"event_{n:03d}_{variant}.txt"
            path.write_text(event_report(n, variant), encoding="utf-8")
            pair.append(path)
        forwards += pair
        crosswise += pair[::-1]
    return forwards, crosswise


DUPLICATES = {
    "articles with the same text": "SELECT count(*) FROM (SELECT content_hash "
    "FROM articles_article GROUP BY content_hash HAVING count(*) > 1) d",
    "persons with the same name key": "SELECT count(*) FROM (SELECT key FROM diplomacy_person "
    "WHERE merged_into_id IS NULL GROUP BY key HAVING count(*) > 1) d",
    "organisations with the same key": "SELECT count(*) FROM (SELECT key "
    "FROM diplomacy_organisation GROUP BY key HAVING count(*) > 1) d",
    "positions held twice": "SELECT count(*) FROM (SELECT person_id, title FROM "
    "diplomacy_position GROUP BY person_id, title, organisation_id, country_id "
    "HAVING count(*) > 1) d",
    "statements recorded twice": "SELECT count(*) FROM (SELECT text_key FROM "
    "diplomacy_statement GROUP BY text_key, speaker_id HAVING count(*) > 1) d",
}


def participant_sets(connection):
    """{(date, frozenset of person ids): number of meetings} over every meeting."""
    cursor = connection.cursor()
    cursor.execute(
        "SELECT m.id, m.date, p.person_id FROM diplomacy_meeting m "
        "LEFT JOIN diplomacy_participation p ON p.meeting_id = m.id"
    )
    people, dates = {}, {}
    for meeting_id, date, person_id in cursor.fetchall():
        dates[meeting_id] = str(date)
        people.setdefault(meeting_id, set())
        if person_id is not None:
            people[meeting_id].add(person_id)
    cursor.close()
    found = {}
    for meeting_id, persons in people.items():
        key = (dates[meeting_id], frozenset(persons))
        found[key] = found.get(key, 0) + 1
    return found


class ConcurrentImportMixin:
    def assert_two_importers_give_one_register(self, url, clean_url, connect):
        directory = Path(self.tmp) / "articles"
        # Both importers read every file, each reading one report of an event while the other
        # reads the other report: the same new persons, ministries and meetings at once, from
        # different articles. (The same file at once would only make the second wait on the
        # article's unique hash.)
        orders = write_event_reports(directory)
        processes = [start_import(url, *order) for order in orders]
        results = [process.communicate(timeout=300) for process in processes]
        for process, (out, err) in zip(processes, results, strict=True):
            self.assertEqual(process.returncode, 0, f"an importer failed:\n{out}\n{err}")
        clean = manage(clean_url, "import_articles", str(directory), "--no-progress")
        self.assertEqual(clean.returncode, 0, clean.stderr)

        connection, clean_connection = connect(), connect(clean=True)
        try:
            duplicates = {
                name: n for name, sql in DUPLICATES.items() if (n := _scalar(connection, sql))
            }
            meetings = {k: n for k, n in participant_sets(connection).items() if n > 1}
            problems = integrity_problems(connection)
            together, alone = counts(connection), counts(clean_connection)
        finally:
            connection.close()
            clean_connection.close()
        self.assertEqual(duplicates, {})
        self.assertEqual(meetings, {}, "meetings with the same date and participants")
        self.assertEqual(problems, {})
        self.assertEqual(together["articles"], ARTICLES)
        self.assertEqual(together, alone)


def _scalar(connection, sql):
    cursor = connection.cursor()
    cursor.execute(sql)
    value = cursor.fetchone()[0]
    cursor.close()
    return value


@tag("slow")
class PostgresConcurrentImportTests(ConcurrentImportMixin, SimpleTestCase):
    def setUp(self):
        base = postgres_server()
        if base is None:
            raise unittest.SkipTest("PostgreSQL is not reachable (DATABASE_URL or 127.0.0.1:5432)")
        self.tmp = tempfile.mkdtemp(prefix="register-concurrency-")
        self.databases_ = PostgresDatabases(base)

    def tearDown(self):
        self.databases_.drop_all()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def test_two_importers_on_the_same_files_create_no_duplicates_on_postgresql(self):
        name = f"register_concurrency_{os.getpid()}"
        migrated = manage(self.databases_.create(name + "_template"), "migrate", "-v", "0")
        self.assertEqual(migrated.returncode, 0, migrated.stderr)
        url = self.databases_.create(name, template=name + "_template")
        clean_url = self.databases_.create(name + "_clean", template=name + "_template")
        self.assert_two_importers_give_one_register(
            url,
            clean_url,
            lambda clean=False: self.databases_.connect(name + "_clean" if clean else name),
        )


@tag("slow")
class SqliteConcurrentImportTests(ConcurrentImportMixin, SimpleTestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="register-concurrency-")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def test_two_importers_on_the_same_files_create_no_duplicates_on_sqlite(self):
        path = os.path.join(self.tmp, "register.sqlite3")
        clean_path = os.path.join(self.tmp, "clean.sqlite3")
        migrated = manage(f"sqlite:///{path}", "migrate", "-v", "0")
        self.assertEqual(migrated.returncode, 0, migrated.stderr)
        shutil.copy(path, clean_path)
        self.assert_two_importers_give_one_register(
            f"sqlite:///{path}",
            f"sqlite:///{clean_path}",
            lambda clean=False: sqlite3.connect(clean_path if clean else path, timeout=30),
        )
