"""``StatementFinder``: quotations first, then reported speech, each with speaker, date and
meeting; the same utterance told twice is kept once.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import defaultdict

from diplomacy.names import fold

from ..context import Context
from ..coreference import Coreference
from ..dates import find_dates
from ..identity import GROUP_KINDS, Utterances
from ..types import Extraction, MeetingCandidate, Precision, StatementCandidate
from .drafts import Draft
from .occasions import OccasionsMixin
from .posts import PostsMixin
from .quotations import QuotationsMixin
from .reported import ReportedMixin
from .speakers import SpeakersMixin
from .transcripts import TranscriptsMixin
from .vocabulary import LINK_LINES


class StatementFinder(
    SpeakersMixin, TranscriptsMixin, PostsMixin, QuotationsMixin, ReportedMixin, OccasionsMixin
):
    def __init__(self, ctx: Context, result: Extraction, coref: Coreference | None = None):
        self.ctx = ctx
        self.result = result
        self.tokens = ctx.tokens
        self.coref = coref or Coreference(ctx, result)
        self.consumed: set[int] = set()  # tokens of quotations and their attributions
        self.drafts: list[Draft] = []
        self.loose_quotes = []
        self._paragraph_cache: list[tuple[int, int]] | None = None
        self._token_starts = [t.start for t in self.tokens]
        # speaker -> (char, meeting, date, precision) of their last words kept apart from the
        # meeting told before them, which the words that go on from them share
        self._apart: dict[int, tuple] = {}
        self._days_said: dict[tuple, dt.date | None] = {}  # _day_said, asked up to 3 times

    # -- statements --------------------------------------------------------------------
    def statements(self) -> list[StatementCandidate]:
        self.consumed.update(self._not_reports())
        self.find_turns()
        self.find_posts()
        self.find_quotations()
        self.find_reported()
        self.attach_loose_quotes()
        drafts = sorted(self.drafts, key=lambda d: d.parts[0][0])
        out: list[StatementCandidate] = []
        said: dict[int, Utterances] = defaultdict(Utterances)  # speaker -> what they said
        for d in drafts:
            candidate = self._candidate(d)
            if candidate.speaker is not None:
                same = said[candidate.speaker].find(candidate.text)
                if same is not None:
                    same.spans.append((candidate.start, candidate.end))
                    continue
                said[candidate.speaker].add(candidate.text, candidate)
            out.append(candidate)
        return out

    def _not_reports(self) -> set[int]:
        """Tokens no statement is read from: a story's headline (it restates the story in
        headline grammar, "..., says X") and links to other stories ("Related Story ...")."""
        toks, text = self.tokens, self.ctx.text
        out: set[int] = set()
        for story in self.ctx.document.stories:
            if not story.headline:
                continue
            at = text.find(story.headline, story.start, story.start + 2 * len(story.headline) + 200)
            if at >= 0:
                a = bisect.bisect_left(self._token_starts, at)
                b = bisect.bisect_left(self._token_starts, at + len(story.headline))
                out.update(range(a, b))
        for lo, hi in self._paragraphs():
            opening = " ".join(t.lower for t in toks[lo : min(hi, lo + 3)])
            if any(opening.startswith(w) for w in LINK_LINES):
                out.update(range(lo, hi))
        return out

    def _candidate(self, d: Draft) -> StatementCandidate:
        toks = self.tokens
        text_of = self.ctx.document.text
        pieces = [
            " ".join(text_of[toks[a].start : toks[b - 1].end].split()).rstrip(",;:")
            for a, b in d.parts
        ]
        text = " … ".join(pieces) if not d.direct else " ".join(pieces)
        start, end = toks[d.parts[0][0]].start, toks[d.parts[-1][1] - 1].end
        speaker_text = " ".join(
            text_of[toks[d.speaker.start].start : toks[d.speaker.end - 1].end].split()
        )
        meeting = self._meeting(start, d.speaker.entity, text)
        partner = self._partner_meeting(d)
        if partner is not None:  # "X told reporters after her talks with Y": those talks
            meeting = partner
        went_on = dropped = None
        if meeting is not None:
            meeting, went_on, dropped = self._said_at(d, meeting, start)
        if meeting is not None and went_on is None and self._said_another_day(d, meeting, start):
            meeting = None  # "X said on Wednesday that ... since he met Y last month"
        date, precision = self._date(start, meeting)
        year = self._past_year(d, date)
        if year is not None:  # "At the 1992 Assembly, X proposed ...": said then, not today
            meeting, date, precision = None, dt.date(year, 1, 1), Precision.YEAR
        elif went_on is not None:  # "He added ...": when the words it goes on from were said
            date, precision = went_on
        elif meeting is None:
            day = self._day_said(d, date)
            if day is not None:  # "X said on Tuesday": that Tuesday, not the story's day
                date, precision = day, Precision.DAY
        if dropped is not None:
            self._apart[d.speaker.entity] = (start, dropped, date, precision)
        return StatementCandidate(
            start=start,
            end=end,
            text=text,
            speaker=d.speaker.entity,
            speaker_text=speaker_text,
            direct=d.direct,
            date=date,
            precision=precision,
            meeting=meeting,
            spans=[(start, end)],
        )

    def _day_said(self, d: Draft, reference: dt.date | None) -> dt.date | None:
        """The day the attribution gives, outside the words said: "X said on Tuesday",
        "On May 3, X told reporters"."""
        key = (d.speaker.start, tuple(d.parts), reference)
        if key not in self._days_said:
            self._days_said[key] = self._find_day_said(d, reference)
        return self._days_said[key]

    def _find_day_said(self, d: Draft, reference: dt.date | None) -> dt.date | None:
        if reference is None or d.speaker.start >= len(self.tokens):
            return None
        toks = self.tokens
        s_start, s_end = self.ctx.sentence_of(d.speaker.start)
        content = [(toks[a].start, toks[b - 1].end) for a, b in d.parts]
        found = find_dates(
            self.ctx.text, toks[s_start].start, toks[s_end - 1].end, reference=reference
        )
        story = self.ctx.story_at(toks[s_start].start)
        body = (story.body_start or 0) if story else 0  # not the dateline's own date
        said_at = toks[d.speaker.start].start
        days = [
            m
            for m in found
            if m.start >= body
            and m.precision == Precision.DAY
            and m.date <= reference
            and not any(a <= m.start < b for a, b in content)
        ]
        return min(days, key=lambda m: abs(m.start - said_at)).date if days else None

    def _said_another_day(self, d: Draft, meeting: int, char: int) -> bool:
        """The attribution gives a day the meeting was not held on ("X said on Wednesday"
        under a meeting of last month): the words were said apart from it."""
        m = self.result.meetings[meeting]
        if m.date is None:
            return False
        day = self._day_said(d, self._date(char, None)[0])
        if day is None:
            return False
        if m.precision == Precision.MONTH:
            return (day.year, day.month) != (m.date.year, m.date.month)
        if m.precision != Precision.DAY:
            return False
        return not (m.date <= day <= (m.end_date or m.date))

    def _past_year(self, d: Draft, date: dt.date | None) -> int | None:
        """A year before the story's that the attribution's own words give ("At the 1992
        Assembly, X proposed", "X said in 2015"): the year the words were said."""
        if date is None or d.speaker.start >= len(self.tokens):
            return None
        toks = self.tokens
        s_start, s_end = self.ctx.sentence_of(d.speaker.start)
        content = {k for a, b in d.parts for k in range(a, b)}
        for k in range(s_start, s_end):
            t = toks[k]
            if k in content or not (t.text.isdigit() and len(t.text) == 4):
                continue
            year = int(t.text)
            if 1900 <= year < date.year:
                return year
        return None

    # -- meeting and date ----------------------------------------------------------------------
    def _meeting(self, char: int, speaker: int | None, text: str = "") -> int | None:
        """The reported meeting whose report contains or comes right before ``char``."""
        meetings: list[MeetingCandidate] = self.result.meetings or []
        story = self.ctx.story_at(char)
        lo, hi = (story.start, story.end) if story else (0, len(self.ctx.text))
        best, best_key = None, None
        in_story = []
        named = None  # the words' names, read only when a meeting of the story is ranked
        for i, m in enumerate(meetings):
            if getattr(m, "status", "reported") != "reported":
                continue
            spans = m.spans or [(m.start, m.end)]
            here = [(a, b) for a, b in spans if lo <= a < hi]
            if not here:
                continue
            in_story.append(i)
            if speaker is not None and not self._takes_part(m, speaker):
                continue
            # the latest report before the words; of reports told in one sentence ("X met Y
            # while attending the council", "met A of X and B of Y"), the talks rather than
            # the gathering around them, and the talks with whom the words name
            if named is None:
                named = self._named_in(text)
            rank = (
                -(m.kind in GROUP_KINDS),
                self._named_participants(m, speaker, named),
                -(len(m.participants) or 1000),
            )
            for a, _b in here:
                if a <= char and (best_key is None or (a, *rank) > best_key):
                    best, best_key = i, (a, *rank)
        if best is not None:
            return self._told_within(best, in_story, speaker, lo, hi)
        if speaker is not None:
            mine = [i for i in in_story if self._takes_part(meetings[i], speaker)]
            if len(mine) == 1:
                return mine[0]
        return None

    def _named_in(self, text: str) -> set[str]:
        """Lower-case words and country codes a statement's words name."""
        words = set(re.findall(r"[a-z]+", fold(text)))
        countries = {self.ctx.lexicon.country_for_word(w) for w in words if len(w) > 3}
        return words | (countries - {None})

    def _named_participants(self, m: MeetingCandidate, speaker: int | None, named) -> int:
        """How many of a meeting's other people the words name, by name or country."""
        count = 0
        for p in m.participants:
            if p.entity == speaker:
                continue
            person = self.result.persons[p.entity]
            surname = fold(person.name).split()[-1:] if person.name else []
            if (surname and surname[0] in named) or (person.country and person.country in named):
                count += 1
        return count

    def _told_within(self, best: int, in_story, speaker, lo: int, hi: int) -> int:
        """An earlier meeting of the story when ``best`` is only told inside it: "During the
        call, A briefed B on his talks with C" puts the words after it still in the call."""
        meetings = self.result.meetings
        m = meetings[best]
        spans = [(a, b) for a, b in (m.spans or [(m.start, m.end)]) if lo <= a < hi]
        first = min(a for a, _ in spans)
        for j in in_story:
            other = meetings[j]
            if j == best or (speaker is not None and not self._takes_part(other, speaker)):
                continue
            starts = [a for a, _ in (other.spans or [(other.start, other.end)]) if lo <= a < hi]
            people = {p.entity for p in other.participants}
            if not starts or min(starts) >= first or len(people) < 2:
                continue
            if all(people <= self._people_in_sentence(a) for a, _ in spans):
                return j
        return best

    def _people_in_sentence(self, char: int) -> set[int]:
        k = bisect.bisect_right(self._token_starts, char) - 1
        s_start, s_end = self.ctx.sentence_of(max(k, 0))
        out = set()
        for t in range(s_start, s_end):
            mention = self.coref.mention_at.get(t)
            if mention is not None and mention.entity is not None:
                out.add(mention.entity)
        return out

    def _takes_part(self, m: MeetingCandidate, speaker: int) -> bool:
        return not m.participants or any(p.entity == speaker for p in m.participants)

    def _date(self, char: int, meeting: int | None):
        if meeting is not None:
            m = self.result.meetings[meeting]
            if m.date is not None:
                return m.date, m.precision
        story = self.ctx.story_at(char)
        if story is not None and story.date is not None:
            return story.date, Precision.DAY
        if self.ctx.document.published is not None:
            return self.ctx.document.published, Precision.DAY
        return None, Precision.DAY


def find_statements(
    ctx: Context, result: Extraction, coref: Coreference | None = None
) -> list[StatementCandidate]:
    """Every quotation and reported utterance of a document, with speaker, date, meeting."""
    return StatementFinder(ctx, result, coref).statements()
