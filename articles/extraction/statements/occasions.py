"""When words were said against the meeting told before them: at it ("said after the talks"),
before it ("told reporters on arrival", "ahead of the talks"), or on another occasion ("told
a rally", "said on Wednesday" of talks held on Monday).
"""

from __future__ import annotations

from ..identity import RELATIVE
from ..patterns import words
from ..types import Precision
from .drafts import Draft

OCCASION_NOUNS = words("statement_occasion_nouns")
AT_OPENERS = words("statement_at_openers")
BEFORE_OPENERS = words("statement_before_openers")
DEPARTURE_WORDS = words("statement_departure_words")
ARRIVAL_WORDS = words("statement_arrival_words")
ARRIVAL_OPENERS = words("statement_arrival_openers")
OTHER_OCCASIONS = words("statement_other_occasions")
SEVERAL = words("statement_several_words")
LATER_UNITS = words("statement_later_units")
PARTNER_REACH = 6  # words from the encounter noun to its partner: "talks with Foreign Minister Y"
REACH = 4  # words from an opener to its noun: "after their two-hour talks"

AT, BEFORE, ARRIVAL, ELSEWHERE, SEVERAL_AT = "at", "before", "arrival", "elsewhere", "several"


class OccasionsMixin:
    """Part of ``StatementFinder``: the occasion an attribution gives its words."""

    def _attribution(self, d: Draft) -> list[int]:
        """The tokens of the speaker's sentence outside the words said."""
        if d.speaker.start >= len(self.tokens):
            return []
        s_start, s_end = self.ctx.sentence_of(d.speaker.start)
        content = {k for a, b in d.parts for k in range(a, b)}
        return [k for k in range(s_start, s_end) if k not in content]

    def _attribution_words(self, d: Draft) -> list[str]:
        """The lower-case words of the speaker's sentence outside the words said."""
        return [self.tokens[k].lower for k in self._attribution(d)]

    def _partners_named(self, d: Draft) -> set[int]:
        """The people an attribution names right after an encounter it puts the words at
        ("after her talks with Y", "after meeting Y", "at a press conference with Y")."""
        toks = self.tokens
        tokens = self._attribution(d)
        named: set[int] = set()
        for i, k in enumerate(tokens):
            if toks[k].lower not in AT_OPENERS:
                continue
            ahead = tokens[i + 1 : i + 1 + REACH]
            noun = next((j for j, t in enumerate(ahead) if toks[t].lower in OCCASION_NOUNS), None)
            if noun is None:
                continue
            after = i + 2 + noun
            for n, t in enumerate(tokens[after : after + PARTNER_REACH]):
                if toks[t].text in (",", ".", ";") or t != tokens[after] + n:
                    break  # the clause ends, or the words said begin
                mention = self.coref.mention_at.get(t)
                if mention is not None and mention.entity not in (None, d.speaker.entity):
                    named.add(mention.entity)
        return named

    def _partner_meeting(self, d: Draft) -> int | None:
        """The one meeting of the story that the speaker held with the people their
        attribution names ("X told reporters after meeting Y", "Speaking at a joint press
        conference with Y, X said"), wherever it was told."""
        speaker = d.speaker.entity
        if speaker is None or d.speaker.start >= len(self.tokens):
            return None
        named = self._partners_named(d)
        if not named:
            return None
        story = self.ctx.story_at(self.tokens[d.speaker.start].start)
        lo, hi = (story.start, story.end) if story else (0, len(self.ctx.text))
        found = []
        for i, m in enumerate(self.result.meetings or []):
            people = {p.entity for p in m.participants}
            spans = m.spans or [(m.start, m.end)]
            if (
                m.status == "reported"
                and speaker in people
                and named <= people
                and any(lo <= a < hi for a, _ in spans)
            ):
                found.append(i)
        if len(found) != 1:
            return None  # none, or several with them ("held talks with Y, then a summit")
        return found[0]

    def _occasion(self, d: Draft) -> str | None:
        """AT, SEVERAL_AT, BEFORE, ARRIVAL or ELSEWHERE when the attribution says so, else
        None. Words at the meeting win over the others ("speaking after the talks, ahead of
        the vote")."""
        low = self._attribution_words(d)
        found = set()
        for i, w in enumerate(low):
            ahead = low[i + 1 : i + 1 + REACH]
            noun = next((j for j, x in enumerate(ahead) if x in OCCASION_NOUNS), None)
            if w in AT_OPENERS and noun is not None:
                if i and low[i - 1] in LATER_UNITS:
                    found.add(ELSEWHERE)  # "a day after the talks": said on a later day
                else:
                    found.add(SEVERAL_AT if SEVERAL & set(ahead[:noun]) else AT)
            elif w in BEFORE_OPENERS and any(
                x in OCCASION_NOUNS or x in DEPARTURE_WORDS for x in ahead
            ):
                found.add(BEFORE)
            elif w in ARRIVAL_OPENERS and any(x in ARRIVAL_WORDS for x in ahead[:2]):
                found.add(ARRIVAL)
            elif w in OTHER_OCCASIONS:
                found.add(ELSEWHERE)
        for occasion in (AT, SEVERAL_AT, BEFORE, ARRIVAL, ELSEWHERE):
            if occasion in found:
                return occasion
        return None

    def _said_there(self, meeting: int, occasion: str | None, day) -> bool:
        """Whether words told after a meeting were said at it, by what the attribution says:
        not before it, not on another occasion, not on another day than its own."""
        m = self.result.meetings[meeting]
        if occasion == AT:
            return True
        if occasion in (SEVERAL_AT, BEFORE, ELSEWHERE):
            return False
        if occasion == ARRIVAL:
            return m.kind == "visit"  # the visit began with the arrival; its talks came after
        if day is None or m.date is None or m.precision != Precision.DAY:
            return True
        if m.date_strength < RELATIVE:
            return True  # dated by the story, not by its own words: the words may date it
        return m.date <= day <= (m.end_date or m.date)

    def _said_at(self, d: Draft, meeting: int, start: int):
        """(meeting or None, (date, precision) of the words gone on from or None, the meeting
        the words were kept from or None): the meeting told before the words unless the
        attribution puts them elsewhere, or they go on ("He added ...") from words of the
        same speaker kept from that same meeting, with no report of it between."""
        occasion = self._occasion(d)
        day = None
        if occasion is None:  # only then can the day said decide (a search of the sentence)
            story_day, _ = self._date(start, None)
            day = self._day_said(d, story_day)
        if not self._said_there(meeting, occasion, day):
            return None, None, meeting
        before = self._apart.get(d.speaker.entity)
        if occasion is None and day is None and before is not None:
            char, dropped, date, precision = before
            m = self.result.meetings[meeting]
            spans = m.spans or [(m.start, m.end)]
            told = max((a for a, _ in spans if a <= start), default=-1)
            if dropped == meeting and told < char:
                return None, (date, precision), meeting
        return meeting, None, None
