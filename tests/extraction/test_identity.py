"""The one decision 'same statement', used by extraction and by loading."""

import datetime as dt
from collections import Counter
from dataclasses import replace
from types import SimpleNamespace

from django.test import SimpleTestCase, TestCase

from articles.extraction.identity import (
    DATELINE,
    EXPLICIT,
    MeetingFacts,
    PersonFacts,
    Utterances,
    facts_of_report,
    organisation_key,
    same_meeting,
    same_organisation_name,
    same_person,
    same_person_name,
    same_utterance,
)
from diplomacy.names import post_key
from tests.builders import make_country, make_meeting, make_organisation, make_person

# (first text, second text, the same utterance?) -- invented sentences
SAME_UTTERANCE_ROWS = [
    (
        "Our two countries will build the northern railway together by 2030",
        "Our two countries will build the northern railway together by the year 2030",
        True,
    ),
    (
        "We will deepen trade ties and open the border crossing at Velmar",
        "we will deepen trade ties, and open the border crossing at Velmar.",
        True,
    ),
    (
        "We will deepen trade ties and open the border crossing at Velmar",
        "The border crossing at Velmar stays closed until the spring floods are over",
        False,
    ),
    (
        "Water sharing is the key question for the whole valley",
        "Water sharing is the key question for the whole valley, and we have proposed a "
        "joint commission with seasonal quotas, a data exchange and an arbitration panel",
        False,  # the shorter is under 60% of the longer: a summary and the full quote
    ),
]


class SameUtteranceTests(SimpleTestCase):
    def test_rows(self):
        for a, b, same in SAME_UTTERANCE_ROWS:
            with self.subTest(a=a, b=b):
                self.assertEqual(same_utterance(a, b), same)
                self.assertEqual(same_utterance(b, a), same)


class UtterancesTests(SimpleTestCase):
    def test_the_earliest_same_text_is_found(self):
        said = Utterances()
        said.add("Our two countries will build the northern railway together by 2030", "first")
        said.add("The border crossing at Velmar stays closed until the spring", "second")
        said.add("Our two countries will build the northern railway together by 2030", "third")
        self.assertEqual(
            said.find(
                "Our two countries will build the northern railway together by the year 2030"
            ),
            "first",
        )
        self.assertIsNone(said.find("Fishing quotas on the lake were not discussed at all"))

    def test_a_text_of_common_words_is_still_found_among_many(self):
        said = Utterances()
        common = "we will work together for the good of the region"
        for n in range(3 * Utterances.COMMON):
            said.add(f"{common} number{n}", n)
        said.add(common, "plain")
        self.assertEqual(said.find(common), "plain")  # the same words exactly
        self.assertEqual(said.find(f"{common} number7"), 7)

    def test_thousands_of_distinct_quotations_cost_few_comparisons(self):
        # each text shares no word with the others: none is compared with any other
        said = Utterances()
        for n in range(2000):
            said.add(f"alpha{n} beta{n} gamma{n} delta{n}", n)
        self.assertEqual(len(said._candidates("alpha5 beta5 gamma5 delta5")), 1)
        self.assertEqual(said._candidates("entirely new words here"), set())


# -- persons and organisations: one table, the document's path and the register's ---------
# (a name, another name, the same person?) -- invented names
SAME_PERSON_ROWS = [
    ("Rustam Karimzadegan", "Rustam Karim-Zadegan", True),  # hyphen
    ("Zhanibek Orazbekov", "Janibek Orazbekov", True),  # transliteration
    ("Dmitriy Valentsov", "Dmitri Valentsov", True),
    ("Lucía Ferrández", "Lucia Ferrandez", True),  # accents
    ("Marguerite Tollander", "Marguerite Tolander", True),  # one letter
    ("Anna Kovalenko", "Hanna Kovalenko", False),  # another given name
    ("Ivan Petrash", "Ivan Petrov", False),  # another surname
    ("Ana Maria Lutz", "Ana Lutz", False),  # not a spelling: a shorter name
    ("Jon Q. Harlow", "Jon R. Harlow", False),  # two middle initials: father and son
]

# One full name written two ways, which a relative's name could also be: one person only
# with other evidence. (a person, another, one person in one document?, one person across
# documents?); a person is (name, post, country) -- invented names, "XA"/"XB" countries
# fmt: off
NAME_VARIANT_ROWS = [
    (("Jon Q. Harlow, Jr.", "President", "XA"), ("Jon Harlow", "President", None), True, True),
    (("Jon Q. Harlow", "President", "XA"), ("Jonathan Harlow", None, None), True, False),  # no country, no post
    (("Jon Q. Harlow", "President", "XA"), ("Jonathan Harlow", None, "XA"), True, True),
    (("Bill Tresk", "Senator", None), ("William Tresk", "Senator", None), True, True),
    (("Bill Tresk", "Senator", "XA"), ("William Tresk", "Governor", "XA"), False, True),  # two posts: one at a time
    (("Bill Tresk", None, "XA"), ("William Tresk", None, "XB"), False, False),  # two countries
    (("Jon Harlow", "President", "XA"), ("Joe Harlow", "President", "XA"), False, False),  # Jonathan, Joseph
    (("Jon Q. Harlow", "President", "XA"), ("Jon R. Harlow", "President", "XA"), False, False),  # father, son
    (("Jon Harlow, Jr.", "President", "XA"), ("Jon Harlow, Sr.", "President", "XA"), False, False),
    (("Jon Harlow", "President", "XA"), ("Jon Harlow Jr.", None, "XA"), False, False),  # a son
    (("Jon Harlow Jr.", "President", "XA"), ("Jon Harlow", None, None), True, False),  # a headline
    (("Jon Harlow Jr.", None, None), ("Jon Harlow", None, None), False, False),
    (("Jon Harlow", "President", None), ("Jonathan Q. Harlow, Jr.", "President", None), True, True),
    (("Khalid bin Faris bin Saqr Al Merrani", "Crown Prince", "XA"), ("Khaled bin Faris al-Merrani", None, "XA"), True, True),
    (("Mohammed bin Faris Al Merrani", "Emir", "XA"), ("Muhamad bin Faris bin Saqr Al-Merrani", "Emir", None), True, True),
    (("Khalid bin Faris Al Merrani", "Crown Prince", "XA"), ("Khaled bin Faris al-Merrani", None, None), True, False),
    (("Khalid bin Faris Al Merrani", None, "XA"), ("Saif bin Faris Al Merrani", None, "XA"), False, False),  # brothers
    (("Faris bin Saqr Al Merrani", None, "XA"), ("Khalid bin Faris bin Saqr Al Merrani", None, "XA"), False, False),  # father, son
    (("Khalid bin Faris Al Merrani", None, "XA"), ("Khalid bin Saqr Al Merrani", None, "XA"), False, False),  # cousins
    (("Khalid bin Faris Al Merrani", None, "XA"), ("Khalid bin Faris Al Tawil", None, "XA"), False, False),  # two families
]
# fmt: on


# (a name, another name, the same body?) -- invented bodies
SAME_ORGANISATION_ROWS = [
    ("Organisation of Coastal States", "Organization of Coastal States", True),
    ("the Velmar Defence Centre", "Velmar Defense Center", True),
    ("Council of Coastal States", "Organisation of Coastal States", False),
]


class SamePersonTests(TestCase):
    def test_the_document_and_the_register_agree_with_the_table(self):
        from articles.extraction.people.entities import EntitiesMixin
        from articles.extraction.types import PersonEntity
        from articles.resolution import resolve_persons

        for a, b, same in SAME_PERSON_ROWS:
            with self.subTest(a=a, b=b):
                self.assertEqual(same_person_name(a, b), same)
                # inside a document: the mention joins the person already named
                seen = SimpleNamespace(forms=[Counter({a: 1})])
                self.assertEqual(EntitiesMixin._entity_for(seen, b) == 0, same)
                # against the register
                person = make_person(name=a)
                (found,) = resolve_persons([PersonEntity(name=b)])
                self.assertEqual(found == person, same)
                person.delete()


class NameVariantTests(TestCase):
    """Each row through ``identity.same_person``, the document's joining of two persons
    and the register's resolution of a second article's person."""

    @staticmethod
    def facts(person):
        name, post, country = person
        return PersonFacts(
            names=(name,), posts=frozenset([post_key(post)] if post else []), country=country
        )

    def test_the_table(self):
        for a, b, in_document, across in NAME_VARIANT_ROWS:
            with self.subTest(a=a, b=b):
                for x, y in ((a, b), (b, a)):
                    self.assertEqual(same_person(self.facts(x), self.facts(y), True), in_document)
                    self.assertEqual(same_person(self.facts(x), self.facts(y), False), across)

    def test_the_document_joins_the_table(self):
        from articles.extraction.people.finder import PeopleFinder
        from articles.extraction.types import Position

        for a, b, in_document, _ in NAME_VARIANT_ROWS:
            with self.subTest(a=a, b=b):
                finder = PeopleFinder.__new__(PeopleFinder)
                finder.entities, finder.forms, finder.mentions = [], [], []
                finder.title_countries, finder.fallback_countries = [], []
                finder.dateline_countries, finder.igo_posts = [], []
                finder._mention_starts, finder._first_mention = {}, {}
                for name, post, country in (a, b):
                    i = finder._new_entity(name)
                    finder.forms[i][name] += 1
                    if post:
                        finder.entities[i].positions.append(Position(title=post))
                    if country:
                        finder.title_countries[i][country] += 1
                finder._join_variants()
                self.assertEqual(sum(1 for f in finder.forms if f) == 1, in_document)

    def test_the_register_resolves_the_table(self):
        from articles.extraction.types import PersonEntity, Position
        from articles.resolution import resolve_persons

        countries = {"XA": make_country("XA", "Arcadia"), "XB": make_country("XB", "Borduria")}
        for a, b, _, across in NAME_VARIANT_ROWS:
            with self.subTest(a=a, b=b):
                name, post, country = a
                person = make_person(name=name, country=countries.get(country))
                if post:
                    person.positions.create(title=post)
                name, post, country = b
                positions = [Position(title=post)] if post else []
                entity = PersonEntity(name=name, country=country, positions=positions)
                (found,) = resolve_persons([entity])
                self.assertEqual(found == person, across)
                person.delete()


class SameOrganisationTests(TestCase):
    def test_the_document_and_the_register_agree_with_the_table(self):
        from articles.extraction.types import OrganisationMention
        from articles.resolution import resolve_organisations

        for a, b, same in SAME_ORGANISATION_ROWS:
            with self.subTest(a=a, b=b):
                self.assertEqual(same_organisation_name(a, b), same)
                org = make_organisation(name=a, acronym="")
                key = organisation_key(b)
                mention = OrganisationMention(start=0, end=len(b), text=b, key=key, name=b)
                found = resolve_organisations({key: [mention]}).get(key)
                self.assertEqual(found == org, same)
                org.delete()


# -- meetings: one table, the document's path and the register's ----------------------------
def report(kind="bilateral", day=4, people="AB", month=3, **facts):
    """A meeting told on ``day`` March 2025 by persons named by one letter each."""
    facts.setdefault("date_strength", EXPLICIT)
    facts.setdefault("city_strength", EXPLICIT)
    return dict(kind=kind, date=dt.date(2025, month, day), people=people, **facts)


# (what, first report, second report, the same meeting?) -- every fact invented
# fmt: off
SAME_MEETING_ROWS = [
    ("one bilateral told twice", report(city="Velmar"), report(city="Velmar"), True),
    ("the people in the other order", report(people="AB"), report(people="BA"), True),
    ("another counterpart", report(people="AB"), report(people="AC"), False),
    ("two stated cities", report(city="Velmar"), report(city="Oskar"), False),
    ("a weak city is no contradiction", report(city="Velmar"), report(city="Oskar", city_strength=DATELINE), True),
    ("a day apart, one date from the dateline", report(day=4), report(day=5, date_strength=DATELINE), True),
    ("two days apart", report(day=4), report(day=6, date_strength=DATELINE), False),
    ("a call is not a visit's talks", report(kind="call"), report(kind="bilateral"), False),
    ("a summit is not the ministers' meeting", report(kind="summit", people="ABC"), report(kind="ministerial", people="ABC"), False),
    ("one named summit, one body", report(kind="summit", people="AB", named=True, title="League summit", organisation="coast"), report(kind="summit", people="C", named=True, title="League summit", organisation="coast"), True),
    ("two bodies' summits", report(kind="summit", people="AB", named=True, title="League summit", organisation="coast"), report(kind="summit", people="AB", named=True, title="River summit", organisation="river"), False),
    ("a month and a day in it", report(precision="month", day=1), report(day=17), True),
    ("a month and a day in another", report(precision="month", day=1), report(day=2, month=4), False),
    ("recalled is not reported", report(), report(status="recalled"), False),
]
# fmt: on

LETTERS = "ABC"


class SameMeetingTests(TestCase):
    """Each row goes through the extractor's merging of one document's reports and through
    the loader's search of the register; both give the table's answer."""

    def test_the_table_inside_a_document(self):
        for what, first, second, same in SAME_MEETING_ROWS:
            with self.subTest(what):
                merged = _merged([_report(first, story=0), _report(second, story=1)])
                self.assertEqual(len(merged), 1 if same else 2)

    def test_the_table_against_the_register(self):
        people = {letter: make_person(name=f"Person {letter}ov") for letter in LETTERS}
        orgs = {k: make_organisation(name=f"League {k}", acronym="") for k in ("coast", "river")}
        for what, first, second, same in SAME_MEETING_ROWS:
            with self.subTest(what):
                meeting = _registered(first, people, orgs)
                found = _found(second, people, orgs)
                self.assertEqual(found == meeting, same)
                meeting.delete()

    def test_a_bilateral_told_inside_the_larger_meeting_of_its_story(self):
        inside = [_report(report(kind="multilateral", people="ABC"), story=0)]
        inside.append(_report(report(kind="bilateral", people="AB"), story=0))
        self.assertEqual(len(_merged(inside)), 1)
        # another story's, or another article's, bilateral of two of them is its own
        inside[1].story = 1
        self.assertEqual(len(_merged(inside)), 2)

    def test_the_register_inputs(self):
        told = facts_of_report(_report(report(city="Oskar", people="AB"), story=0))
        row = MeetingFacts(
            kind="bilateral",
            date=told.date,
            city="Velmar",
            participants=told.participants,
            registered=True,
        )
        self.assertFalse(same_meeting(row, told))
        self.assertTrue(same_meeting(replace(row, city_locked=True), told))
        # another outlet's day may be a day off (time zones, its dateline)
        later = replace(row, city=None, date=told.date + dt.timedelta(days=1))
        self.assertTrue(same_meeting(later, told))
        self.assertFalse(same_meeting(replace(later, registered=False), told))
        # the previous version of this article told it as a larger meeting
        larger = replace(row, city=None, kind="multilateral", participants=told.participants | {9})
        self.assertFalse(same_meeting(larger, told))
        self.assertTrue(same_meeting(replace(larger, reported_before=True), told))


def _report(row, story):
    from articles.extraction.meetings.merging import Report

    facts = {k: v for k, v in row.items() if k not in ("people", "organisation")}
    return Report(
        start=0,
        end=1,
        story=story,
        participants=[LETTERS.index(p) for p in row["people"]],
        organisation_key=row.get("organisation"),
        **facts,
    )


def _merged(reports):
    from articles.extraction.meetings.merging import MergingMixin
    from articles.extraction.types import PersonEntity

    finder = MergingMixin()
    finder.reports = reports
    finder.persons = [PersonEntity(name=f"Person {letter}ov") for letter in LETTERS]
    finder.low = ""
    return finder._merge()


def _registered(row, people, orgs):
    """The row as a meeting in the register, as an earlier import stored it."""
    candidate = _merged([_report(row, story=0)])[0]
    return make_meeting(
        title=candidate.title,
        kind=row["kind"],
        date=candidate.date,
        date_precision=candidate.precision,
        city=candidate.city or "",
        organisation=orgs.get(row.get("organisation")),
        status=row.get("status", "reported"),
        participants=[people[p] for p in row["people"]],
    )


def _found(row, people, orgs):
    """The register's meeting the loader finds for the row told by a new article."""
    from articles.loading.meetings import _earlier_meetings, _find_meeting

    candidate = _merged([_report(row, story=0)])[0]
    state = SimpleNamespace(meeting_for={}, previous={}, org_for={k: orgs[k] for k in orgs})
    told = [people[p] for p in row["people"]]
    # the register's meetings read as an import reads them: only those that could match
    could_match = ({p.pk for p in told}, set())
    return _find_meeting(state, candidate, told, _earlier_meetings([candidate], could_match))
