"""``MeetingFinder``: the pass over a document's stories, sentence by sentence.

Participants are the people in the clause around the trigger word, minus those merely
mentioned there; title-only mentions and pronouns come from ``coreference``.
"""

from __future__ import annotations

import bisect
import re

from ..context import Context
from ..coreference import Coreference
from ..identity import GROUP_KINDS
from ..patterns import table, words
from ..types import Extraction, MeetingCandidate, PersonMention, Precision
from .merging import MergingMixin, Report
from .named import NamedMeetingsMixin
from .triggers import TriggersMixin
from .when_where import StoryState, WhenWhereMixin

# The patterns are rows of patterns/meetings.toml (what each is for is said there).
PATTERNS = table("meetings")
MENTIONED_ONLY = PATTERNS["mentioned_only"]
LIST_JOIN = PATTERNS["list_join"]
PRONOUN_NOT_PARTICIPANT = PATTERNS["pronoun_not_participant"]
SPEAKER_VERBS = words("meeting_speaker_verbs")
FURNITURE = PATTERNS["furniture"]
ADDRESS_BY = PATTERNS["address_by"]
SAID_BEFORE = PATTERNS["said_before"]
WORD_AFTER_SPEAKER = PATTERNS["word_after_speaker"]
ABSENT = PATTERNS["absent"]
COMMENTATOR = PATTERNS["commentator"]
WRITTEN_YEAR = re.compile(r"\b(?:1[89]|20)[0-9]{2}\b")
# a month written as news writes it ("Sept 27", "June 3"): the text gives a day, not its year
_MONTH_NAMES = sorted((m.capitalize() for m in words("months")), key=len, reverse=True)
WRITTEN_MONTH = re.compile(r"\b(?:" + "|".join(map(re.escape, _MONTH_NAMES)) + r")\b")


class MeetingFinder(TriggersMixin, NamedMeetingsMixin, WhenWhereMixin, MergingMixin):
    def __init__(self, ctx: Context, result: Extraction, coref: Coreference | None = None):
        self.ctx = ctx
        self.result = result
        self.tokens = ctx.tokens
        self.text = ctx.text
        self.low = ctx.text.lower()
        self.persons = result.persons
        self.coref = coref or Coreference(ctx, result)
        mentions = self.coref.mentions
        self.mentions = sorted(mentions, key=lambda m: (m.start, -m.end))
        self._mention_starts = [m.start for m in self.mentions]
        self.org_spans = sorted((o.start, o.end, o) for o in result.organisations if not o.implied)
        self.org_parent = {o.key: o.parent_key for o in result.organisations}
        self.org_kind = {o.key: o.kind for o in result.organisations}
        self.reports: list[Report] = []
        self.undated_stories: set[int] = set()  # stories with no date anywhere in the text
        self.year_only = False  # the reference date is only a year the text implies
        self.speakers: dict[int, list[tuple[int, int]]] = {}  # story -> (entity, char)
        self.sends_words: dict[int, set[int]] = {}  # story -> entities who only sent words

    # -- mentions --------------------------------------------------------------------
    def mentions_in(self, a: int, b: int) -> list[PersonMention]:
        """Person mentions (names, titles) starting in chars [a, b), one per place."""
        i = bisect.bisect_left(self._mention_starts, a)
        out, last_end = [], -1
        while i < len(self.mentions) and self.mentions[i].start < b:
            m = self.mentions[i]
            if m.start >= last_end:
                out.append(m)
                last_end = m.end
            i += 1
        return out

    def _in_quote(self, char: int) -> bool:
        """Inside a direct quotation of the paragraph ("We look forward to ... the summit")."""
        line_start = self.text.rfind("\n", 0, char) + 1
        line_end = self.text.find("\n", char)
        line = self.text[line_start : line_end if line_end >= 0 else len(self.text)]
        if line.startswith('"') and line.count('"') % 2 == 1:
            return False  # a statement quoted at length, over paragraphs: it tells, not wishes
        before = self.text[line_start:char]
        return before.count('"') % 2 == 1

    def pronouns_in(self, a: int, b: int) -> list[tuple[int, int]]:
        """(char, entity) of subject pronouns in chars [a, b) that coreference resolves."""
        out = []
        for m in re.finditer(r"\b(?:he|she|He|She)\b", self.text[a:b]):
            entity = self.coref.resolve(a + m.start(), m.group(0))
            if entity is not None:
                out.append((a + m.start(), entity))
        return out

    def only_mentioned(self, m: PersonMention, clause_start: int) -> bool:
        after = self.text[m.end : m.end + 3]
        if after.startswith("'s") or after.startswith("’s") or after.startswith("' "):
            return True
        before = self.low[max(clause_start, m.start - 80) : m.start].replace("’", "'")
        before = re.sub(r"\s+", " ", before)
        # skip the title words right before the name ("greetings to President X")
        return bool(MENTIONED_ONLY.search(before))

    def people(self, a: int, b: int, clause_start: int | None = None) -> list[int]:
        """Entities taking part named in chars [a, b)."""
        clause_start = a if clause_start is None else clause_start
        found = []
        previous_muted = None
        for m in self.mentions_in(a, b):
            joined = previous_muted is not None and LIST_JOIN.match(
                self.low[previous_muted : m.start]
            )
            if joined or self.only_mentioned(m, clause_start):
                previous_muted = m.end
                continue
            previous_muted = None
            if self._in_quote(m.start):
                continue
            if m.entity not in found:
                found.append(m.entity)
        for char, entity in self.pronouns_in(a, b):
            before = self.low[max(clause_start, char - 40) : char]
            if PRONOUN_NOT_PARTICIPANT.search(before):
                continue
            if entity not in found:
                found.append(entity)
        return found

    # -- the pass ------------------------------------------------------------------------
    def run(self) -> list[MeetingCandidate]:
        self._token_starts = [t.start for t in self.tokens]
        self._mention_tokens = set()
        for m in self.mentions:
            self._mention_tokens.update(self._token_range(m.start, m.end))
        stories = self.ctx.document.stories or []
        bounds = [(s.start, s.end) for s in stories] or [(0, len(self.text))]
        references = self._references(stories)
        if not WRITTEN_YEAR.search(self.text) and not WRITTEN_MONTH.search(self.text):
            # no date line, publication date, year or month anywhere: the meetings are
            # registered undated for an editor to date; a text that gives a year or a day
            # of the month but no date for a meeting leaves it out rather than guess
            self.undated_stories = {i for i, day in enumerate(references) if day is None}
        sentences = self.ctx.sentences
        si = 0
        for index, (a, b) in enumerate(bounds):
            story = stories[index] if stories else None
            state = StoryState(reference=references[index])
            if story is not None:
                state.dateline_date = story.date
                if story.dateline_place:
                    city = self.ctx.lexicon.city(story.dateline_place)
                    if city is None and story.dateline_country_name:
                        # "The Kremlin, Moscow, October 8": a venue, then its city
                        city = self.ctx.lexicon.city(story.dateline_country_name)
                    # "UZBEKISTAN, March 12": a country is not a place to meet at
                    is_country = self.ctx.lexicon.country_for_phrase(story.dateline_place)
                    if city is None and is_country:
                        # "KUWAIT, May 4": a capital named "<country> City"
                        city = self.ctx.lexicon.city(f"{story.dateline_place} City")
                    state.dateline_city = (
                        city[0] if city else None if is_country else story.dateline_place
                    )
                    state.dateline_country = city[1] if city else story.dateline_country
                    state.city, state.country = state.dateline_city, state.dateline_country
            body = story.body_start if story is not None and story.body_start else a
            dates = [d for d in self._dates(a, b, state.reference) if d.start >= body]
            first = True
            while si < len(sentences) and self.tokens[sentences[si][0]].start < b:
                s0, s1 = sentences[si]
                si += 1
                cs, ce = self.tokens[s0].start, self.tokens[s1 - 1].end
                if ce <= body and story is not None and story.headline:
                    continue  # the headline repeats the story
                if FURNITURE.match(self.text, cs):
                    continue  # "Related Story ...": another article's headline
                sentence_dates = [d for d in dates if cs <= d.start < ce]
                if first:
                    first = False
                    self._lead(state, cs, ce, sentence_dates)
                elif state.dateline_city is None and not state.has_encounter:
                    self._caps_dateline(state, cs, ce)  # under a one-line headline
                if state.story_days is None and self._reads_as_lead(s0, s1):
                    self._story_days(state, sentence_dates)
                self._sentence(index, state, cs, ce, sentence_dates)
                for d in sentence_dates:
                    if d.precision == Precision.DAY and not self._past_or_future(d, state):
                        state.last_day = d
            self._speakers_join(index, state)
        return self._merge()

    # -- speakers at the meeting a story is about -----------------------------------------------
    def _note_speakers(self, story, cs, ce, low):
        for m in self.mentions_in(cs, ce):
            after = self.low[m.end : m.end + 60]
            before = self.low[max(cs, m.start - 25) : m.start]
            word = WORD_AFTER_SPEAKER.match(after)
            said_before = SAID_BEFORE.search(before)
            said_before = said_before or ADDRESS_BY.search(
                self.low[max(cs, m.start - 80) : m.start]
            )
            if ABSENT.search(low):
                # "X, who was unable to join the forum, said ...": not there
                self.sends_words.setdefault(story, set()).add(m.entity)
                continue
            if (word and word.group(1) in SPEAKER_VERBS) or said_before:
                self.speakers.setdefault(story, []).append((m.entity, m.start))

    def _commentator(self, entity: int) -> bool:
        """A spokesperson speaks about a meeting without taking part in it."""
        return any(COMMENTATOR.search(p.title) for p in self.persons[entity].positions)

    def _speakers_join(self, story: int, state: StoryState):
        """People who speak in a story about one multilateral meeting took part in it."""
        main = state.main
        if (
            main is None
            or main.status != "reported"
            or main.kind not in GROUP_KINDS
            or state.has_encounter
        ):
            return
        muted = self.sends_words.get(story, set())
        for entity, char in self.speakers.get(story, []):
            if entity in muted or entity in main.participants or self._commentator(entity):
                continue
            if any(
                r.story == story and r.status != "reported" and r.start <= char < r.end
                for r in self.reports
            ):
                continue
            main.participants.append(entity)


def find_meetings(
    ctx: Context, result: Extraction, coref: Coreference | None = None
) -> list[MeetingCandidate]:
    """Every meeting the document reports, each real meeting once."""
    return MeetingFinder(ctx, result, coref).run()
