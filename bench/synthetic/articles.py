"""Synthetic news articles in the styles the importer reads, written straight to disk.

``write_corpus(out_dir, articles=N, seed=S)`` writes ``00000001.txt`` (or ``.html``) and
so on: single stories with a dateline, press releases with ``date YYYY-MM-DD`` and no
dateline, compilations of 3-8 headline + dateline stories, HTML pages with navigation and
scripts around the story. Stories report talks, phone calls, visits and multilateral
meetings with attendee lists, with quotations and reported speech. Each article has
300-1500 words. The same seed gives the same bytes; nothing is held in memory beyond one
article.
"""

from __future__ import annotations

import datetime as dt
import html
import random
from dataclasses import dataclass
from pathlib import Path

from diplomacy.reference import load_countries, load_organisations

from . import words

MIN_WORDS = 300
MAX_WORDS = 1500
CAST_SIZE = 600  # recurring officials: later articles mention the same people again
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
FORMATS = (("single", 40), ("press", 20), ("compilation", 15), ("html", 15), ("dated", 10))
STORY_KINDS = (("talks", 35), ("call", 20), ("multilateral", 25), ("visit", 20))


@dataclass(frozen=True)
class Official:
    """An invented person with a post in one country."""

    name: str
    surname: str
    gender: str  # "m" or "f"
    iso2: str
    title: str  # "Foreign Minister"
    long_title: str  # "Minister of Foreign Affairs"


def _weighted(rng, pairs):
    return rng.choices([name for name, _ in pairs], weights=[w for _, w in pairs])[0]


def _count(text: str) -> int:
    return len(text.split())


def invented_name(rng: random.Random, region: str, gender: str) -> tuple[str, str]:
    """(full name, surname) from a region's word lists."""
    lists = words.REGIONS[region]
    given = rng.choice(lists["male"] if gender == "m" else lists["female"])
    surname = rng.choice(lists["surnames"])
    if gender == "f":
        for ending, female in lists.get("female_suffix", {}).items():
            if surname.endswith(ending):
                surname = surname[: -len(ending)] + female
                break
    if lists.get("family_first"):
        return f"{surname} {given}", surname
    return f"{given} {surname}", surname


class Writer:
    """Composes articles from a seeded random generator and the reference data."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.countries = {
            c["iso2"]: c for c in load_countries() if c.get("capital") and c.get("demonyms")
        }
        self.organisations = [
            o
            for o in load_organisations()
            if o.get("kind") == "intergovernmental" and o.get("acronym") and not o.get("parent")
        ]
        self.cast = self._cast()

    def _cast(self) -> list[Official]:
        rng = self.rng
        cast, seen = [], set()
        regions = sorted(words.REGIONS)
        while len(cast) < CAST_SIZE:
            region = rng.choice(regions)
            iso2 = rng.choice(
                [c for c in words.REGIONS[region]["countries"] if c in self.countries]
            )
            gender = "f" if rng.random() < 0.3 else "m"
            name, surname = invented_name(rng, region, gender)
            if name in seen:
                continue
            seen.add(name)
            title, long_title = rng.choice(words.TITLES)
            cast.append(Official(name, surname, gender, iso2, title, long_title))
        return cast

    # -- pieces ----------------------------------------------------------------------
    def date(self) -> dt.date:
        return dt.date(2018, 1, 1) + dt.timedelta(days=self.rng.randrange(7 * 365))

    def officials(self, n: int) -> list[Official]:
        """``n`` officials of different countries."""
        chosen, countries = [], set()
        while len(chosen) < n:
            person = self.rng.choice(self.cast)
            if person.iso2 not in countries:
                chosen.append(person)
                countries.add(person.iso2)
        return chosen

    def introduce(self, person: Official) -> str:
        """A first mention with the post: three styles the extractor knows."""
        country = self.countries[person.iso2]
        style = self.rng.randrange(3)
        if style == 0:
            return f"{country['demonyms'][0]} {person.title} {person.name}"
        if style == 1:
            return f"{person.long_title} of {country['name']} {person.name}"
        return f"{person.name}, {person.long_title} of {country['name']},"

    def topic(self) -> str:
        return self.rng.choice(words.TOPICS)

    def claim(self) -> str:
        claim = self.rng.choice(words.CLAIMS).format(topic=self.topic())
        if self.rng.random() < 0.5:
            claim = f"{claim} {self.rng.choice(words.CLAIM_TAILS)}"
        return claim

    def statement(self, person: Official) -> str:
        """A quotation or a piece of reported speech by ``person``."""
        rng = self.rng
        pronoun = "He" if person.gender == "m" else "She"
        style = rng.randrange(5)
        first, second = self.claim(), self.claim()
        if style == 0:
            return f'"{first[0].upper()}{first[1:]}. {second[0].upper()}{second[1:]}," {person.surname} said.'
        if style == 1:
            verb = rng.choice(["stressed", "noted", "said", "underlined", "pointed out"])
            return f"{person.surname} {verb} that {first}."
        if style == 2:
            return f"According to {person.surname}, {first}. {pronoun} added that {second}."
        if style == 3:
            return (
                f'"{first[0].upper()}{first[1:]}," {person.surname} told reporters after the talks.'
            )
        return f"{person.surname} also said that {first}, and expressed hope that {second}."

    def filler(self) -> str:
        return self.rng.choice(words.FILLER).format(topic=self.topic())

    def when(self, day: dt.date, style: str) -> str:
        if style == "weekday":
            return f"on {words.WEEKDAYS[day.weekday()]}"
        return f"on {MONTHS[day.month - 1]} {day.day}"

    # -- stories ---------------------------------------------------------------------
    def story(self, day: dt.date, target: int) -> tuple[str, list[str], str]:
        """(headline, paragraphs, host iso2) of one story of about ``target`` words."""
        rng = self.rng
        kind = _weighted(rng, STORY_KINDS)
        when = self.when(day, rng.choice(["weekday", "date"]))
        topic = self.topic()
        if kind == "multilateral":
            org = rng.choice(self.organisations)
            people = self.officials(rng.randint(3, 6))
            host = people[0]
            city = self.countries[host.iso2]["capital"]
            event = rng.choice(words.MEETING_EVENTS).format(topic=topic)
            headline = f"{org['acronym']} {event} held in {city}"
            names = [self.introduce(p).rstrip(",") for p in people[1:]]
            listed = ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]
            paragraphs = [
                f"A {event} of the {org['name']} ({org['acronym']}) was held in {city} {when}. "
                f"The meeting was chaired by {self.introduce(host).rstrip(',')}.",
                f"Attendees included {listed}.",
            ]
            speakers = people
        elif kind == "call":
            a, b = self.officials(2)
            headline = f"{self.countries[a.iso2]['name']} and {self.countries[b.iso2]['name']} discuss {topic} by phone"
            verb = rng.choice(["held a phone call with", "had a telephone conversation with"])
            paragraphs = [
                f"{self.introduce(a)} {verb} {self.introduce(b).rstrip(',')} {when}.",
                f"The two sides discussed {topic} and {self.topic()}.",
            ]
            host, speakers = a, [a, b]
        elif kind == "visit":
            a, b = self.officials(2)
            city = self.countries[b.iso2]["capital"]
            headline = f"{a.title} of {self.countries[a.iso2]['name']} visits {city}"
            paragraphs = [
                f"{self.introduce(a)} paid an official visit to {self.countries[b.iso2]['name']} "
                f"and met with {self.introduce(b).rstrip(',')} in {city} {when}.",
                f"The {rng.choice(words.ADJECTIVES)} talks focused on {topic}.",
            ]
            host, speakers = b, [a, b]
        else:
            a, b = self.officials(2)
            city = self.countries[a.iso2]["capital"]
            headline = f"{a.surname} and {b.surname} hold talks on {topic}"
            verb = rng.choice(["met with", "held talks with", "received"])
            paragraphs = [
                f"{self.introduce(a)} {verb} {self.introduce(b).rstrip(',')} in {city} {when}.",
                f"The {rng.choice(words.ADJECTIVES)} talks focused on {topic}.",
            ]
            host, speakers = a, [a, b]
        self._fill(paragraphs, speakers, target)
        return headline, paragraphs, host.iso2

    def _fill(self, paragraphs: list[str], speakers: list[Official], target: int):
        """Add statements and background until the story reaches ``target`` words."""
        rng = self.rng
        total = sum(_count(p) for p in paragraphs)
        while total < target:
            if rng.random() < 0.6:
                paragraph = self.statement(rng.choice(speakers))
            else:
                paragraph = " ".join(self.filler() for _ in range(rng.randint(1, 3)))
            if total + _count(paragraph) > target + 25:
                paragraph = self.filler()  # one short sentence to land near the target
            paragraphs.append(paragraph)
            total += _count(paragraph)

    def dateline(self, iso2: str, day: dt.date, outlet: str, with_year: bool) -> str:
        city = self.countries[iso2]["capital"].upper()
        year = f", {day.year}" if with_year else ""
        dash = self.rng.choice(["—", "--", "-"])
        return f"{city}, {MONTHS[day.month - 1]} {day.day}{year} ({outlet}) {dash} "

    # -- articles --------------------------------------------------------------------
    def article(self) -> tuple[str, str, int]:
        """(file extension, text, words) of one article of 300-1500 words."""
        while True:
            extension, text, plain = self._article()
            count = _count(plain)
            if MIN_WORDS <= count <= MAX_WORDS:
                return extension, text, count

    def _article(self) -> tuple[str, str, str]:
        rng = self.rng
        kind = _weighted(rng, FORMATS)
        target = rng.randint(MIN_WORDS + 40, MAX_WORDS - 220)
        day = self.date()
        outlet = rng.choice(words.OUTLETS)
        if kind == "compilation":
            text = self.compilation(day, target)
            return "txt", text, text
        headline, paragraphs, host = self.story(day, target)
        if kind == "press":
            # no dateline: the date marker and the text give the date
            lead = paragraphs[0].replace(f"on {words.WEEKDAYS[day.weekday()]}", "").rstrip()
            paragraphs[0] = lead.replace(
                f"on {MONTHS[day.month - 1]} {day.day}",
                f"on {day.day} {MONTHS[day.month - 1]} {day.year}",
            )
            body = "\n\n".join(paragraphs)
            text = f"Press Releases\n\n{headline}\n\ndate {day.isoformat()}\n\n{body}\n"
            return "txt", text, text
        if kind == "dated":
            stamp = f"({outlet}) {rng.randint(7, 22):02d}:{rng.randint(0, 59):02d}, {MONTHS[day.month - 1]} {day.day}, {day.year}"
            first = self.dateline(host, day, outlet, False) + paragraphs[0]
            body = "\n\n".join([first] + paragraphs[1:])
            text = f"{headline}\n\n{stamp}\n\n{body}\n"
            return "txt", text, text
        first = self.dateline(host, day, outlet, True) + paragraphs[0]
        if kind == "html":
            page = self.html_page(headline, [first] + paragraphs[1:], day, outlet)
            return "html", page, "\n".join([headline, first] + paragraphs[1:])
        body = "\n\n".join([first] + paragraphs[1:])
        text = f"{headline}\n\n{body}\n"
        return "txt", text, text

    def compilation(self, day: dt.date, target: int) -> str:
        rng = self.rng
        n = rng.randint(3, 8)
        per_story = max(60, target // n - 20)
        outlets = rng.sample(words.OUTLETS, 3)
        parts = [
            f"The following stories were first published by {outlets[0]}, {outlets[1]} "
            f"and {outlets[2]}."
        ]
        for _ in range(n):
            story_day = day + dt.timedelta(days=rng.randint(-3, 0))
            headline, paragraphs, host = self.story(story_day, per_story)
            first = self.dateline(host, story_day, rng.choice(outlets), False) + paragraphs[0]
            parts.append(headline)
            parts.append(first)
            parts.extend(paragraphs[1:])
        # the year for datelines without one
        parts.append(f"Compiled on {MONTHS[day.month - 1]} {day.day}, {day.year}.")
        return "\n".join(parts) + "\n"

    def html_page(self, headline: str, paragraphs: list[str], day: dt.date, outlet: str) -> str:
        body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
        return (
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{html.escape(headline)} | {html.escape(outlet)}</title>\n"
            f'<meta property="article:published_time" content="{day.isoformat()}T09:00:00Z">\n'
            "<style>body{font-family:serif} nav a{margin:0 1em}</style>\n"
            "<script>window.analytics=[];function track(){return 0}</script>\n"
            '</head>\n<body>\n<nav><a href="/">Home</a><a href="/world">World</a>'
            '<a href="/economy">Economy</a></nav>\n'
            f"<article>\n<h1>{html.escape(headline)}</h1>\n{body}\n</article>\n"
            f"<footer>&copy; {day.year} {html.escape(outlet)}. All rights reserved.</footer>\n"
            "</body>\n</html>\n"
        )


def write_corpus(out_dir, articles: int, seed: int = 0, progress=None) -> dict:
    """Write ``articles`` files into ``out_dir``; returns {"files": n, "words": n}."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    writer = Writer(seed)
    total_words = 0
    for number in range(1, articles + 1):
        extension, text, count = writer.article()
        (out / f"{number:08d}.{extension}").write_text(text, encoding="utf-8")
        total_words += count
        if progress:
            progress(number)
    return {"files": articles, "words": total_words}


_SYLLABLES = "ka lo mi ren tu sa vo pel dri na gor est ul bin che zam".split()


def write_quote_heavy(path, n_bytes: int, seed: int = 0) -> dict:
    """One long transcript-like file: an official quoted thousands of times, every
    quotation distinct. It measures how the cost of one document grows with its quotes
    (comparing every quotation with every other would be quadratic)."""
    rng = random.Random(seed)

    def word():
        return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3)))

    parts = [
        "Minister quoted at length\n\n"
        "VALDORA, March 4, 2024 (Agency) -- Foreign Minister Arvid Kessel met "
        "Ambassador Tomas Reyn in Valdora on Monday.\n"
    ]
    size, quotes = len(parts[0]), 0
    while size < n_bytes - 200:
        line = f'\n"We discussed {" ".join(word() for _ in range(12))}," Kessel said.\n'
        parts.append(line)
        size += len(line)
        quotes += 1
    Path(path).write_text("".join(parts), encoding="utf-8")
    return {"quotes": quotes, "bytes": size}
