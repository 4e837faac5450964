"""Named meetings: "the meeting of the Council of Foreign Ministers", "the CICA summit",
and the people who attended, chaired or addressed them.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from ..lexicons import NAME_PARTICLES
from ..patterns import mapping, table, words
from ..types import Precision
from .merging import DATELINE, Report
from .triggers import DURING_THEIR_MEETING, SPEECH_THAT, TRIGGERS
from .when_where import StoryState

# The head nouns of a named meeting and the kind each gives, and the patterns: see
# patterns/meetings.toml.
MEETING_HEADS = mapping("meetings", "meeting_heads")
PATTERNS = table("meetings")
BETWEEN_THE_TWO = PATTERNS["between_the_two"]
REMOTE = PATTERNS["remote"]
VIDEO_CONFERENCE = PATTERNS["video_conference"]
NOT_DONE = PATTERNS["not_done"]
THANKED_FOR = PATTERNS["thanked_for"]
SENT_TO_REPRESENT = PATTERNS["sent_to_represent"]
MINISTERS = PATTERNS["ministers"]
MINISTERIAL_WORD = PATTERNS["ministerial_word"]
BILATERAL_WORD = PATTERNS["bilateral_word"]
VENUE_TAILS = words("venue_tails")
CEREMONY_FOR = PATTERNS["ceremony_for"]
COUNCIL_OF_MINISTERS = PATTERNS["council_of_ministers"]
HEADS_OF_STATE = PATTERNS["heads_of_state"]
FORUM_TAIL = PATTERNS["forum_tail"]
FORUM_WORDS = PATTERNS["forum_words"]
# a token that may modify a meeting noun ("annual", "11th", "leaders'"): a shape, not words
NP_MODIFIERS = re.compile(r"^[a-z0-9\-'’]+$")
PARTICIPATION = PATTERNS["participation"]
WITH_AS_HOST = PATTERNS["with_as_host"]
POSSESSIVE = PATTERNS["possessive"]
PASSIVE_BY = PATTERNS["passive_by"]
IT_WAS_BY = PATTERNS["it_was_by"]
UNDER_THE_CHAIR = PATTERNS["under_the_chair"]
LIST_LINE = PATTERNS["list_line"]
SIGNED_BY = PATTERNS["signed_by"]
IN_A_CEREMONY = PATTERNS["in_a_ceremony"]
ATTENDEES = PATTERNS["attendees"]
JOINED_UNDER_WAY = PATTERNS["joined_under_way"]
REPRESENTED_BY = PATTERNS["represented_by"]
GAPPED_BY = PATTERNS["gapped_by"]
HEARD_FROM = PATTERNS["heard_from"]
INDEFINITE = re.compile(r"\ban? $")
SIDELINES = PATTERNS["sidelines"]
CONVENES = PATTERNS["convenes"]
ENDED_BEFORE = PATTERNS["ended_before"]
ENDED_AFTER = PATTERNS["ended_after"]
NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
DURATION = PATTERNS["duration"]
ADDRESSING_THE_GROUP = PATTERNS["addressing_the_group"]
GATHERING_PEOPLE = PATTERNS["gathering_people"]
SUBJECT_PAIR = PATTERNS["subject_pair"]
ORDINAL = PATTERNS["ordinal"]
GENERIC_NP = words("meeting_generic_np")
PRESS = words("meeting_press")
PART_OF_A_MEETING = words("meeting_session_parts")
VERB_OBJECTS = words("meeting_verb_objects")
COUNCIL_MEMBERS = words("meeting_council_members")
LEFT_STOPS = words("meeting_name_left_stops")
# "the Lakeside Conference Centre", "the Summit Hall": a place, not a meeting
VENUE_HEADS = words("organisation_venue_heads")
# a line of a list with no bullet is one person's: a name and a post or country, short
LIST_ITEM_WORDS = 16
POST_JOINERS = frozenset({"of", "the", "and", "for", "to", "on", "-"})
# a colon that ends a line, where a list of one item a line starts ("present:\n")
LIST_HEAD_END = re.compile(r":[ \t]*\n")
# where a meeting name's modifiers end on the left: the generic openers, prepositions, commas
LEFT_BOUNDARY = GENERIC_NP | {"of", "at", "in", "during", "to", ",", "and", "with", "by", "on"}


class NamedMeetingsMixin:
    """Part of ``MeetingFinder``: noun phrases that name a meeting."""

    # -- named meetings: "the meeting of the Council of Foreign Ministers" ------------------------
    def _list_end(self, cs: int, ce: int) -> int:
        """Where the list that follows a sentence ending with a colon ends ("attended by the
        following heads of delegation:" and a line per delegation), else ``ce``. The
        sentence may run on into the list's first line ("present:" and "A of X;")."""
        if not self.text[:ce].rstrip().endswith(":"):
            colon = LIST_HEAD_END.search(self.text, cs, ce)
            if colon is None:
                return ce
            first = (
                colon.end()
                + len(self.text[colon.end() : ce])
                - len(self.text[colon.end() : ce].lstrip())
            )
            line_end = self.text.find("\n", first)
            if line_end < 0 or line_end < ce:
                return ce  # more than the list's first line follows the colon
            ce = line_end
        end, at = ce, ce
        semicolons = False  # a communiqué's lines end with ";", the last one with "."
        while at < len(self.text):
            line_end = self.text.find("\n", at)
            line_end = len(self.text) if line_end < 0 else line_end
            line = self.text[at:line_end]
            if (
                LIST_LINE.match(line)
                or semicolons
                or (end == ce and line.rstrip().endswith(";"))
                or self._names_one_person(at, line)
            ):
                end = line_end
                semicolons = line.rstrip().endswith(";")
            elif line.strip():
                break
            at = line_end + 1
        return end

    def _names_one_person(self, at: int, line: str) -> bool:
        """A list's line with no bullet: "A, President of X", "President A (X)": short,
        opening with a person's name or a post's capitalised words."""
        stripped = line.strip()
        if not stripped or len(stripped.split()) > LIST_ITEM_WORDS:
            return False
        first = at + len(line) - len(line.lstrip())
        found = self.mentions_in(first, at + len(line))
        if not found:
            return False
        post = self.text[first : found[0].start].split()
        if not all(w[:1].isupper() or w in POST_JOINERS for w in post):
            return False
        # "A, Minister of Trade of X", not a sentence: "A of X sent a message."
        lower = re.findall(r"\b[a-z][a-z'’]*\b", line)
        return all(w in POST_JOINERS or w in NAME_PARTICLES for w in lower)

    def _told_of_the_gathering_before(self, story, cs, ce, low) -> bool:
        """ "It was attended by A, B and C": they join the gathering told last in the story."""
        told = IT_WAS_BY.match(low)
        if told is None:
            return False
        earlier = [r for r in self.reports if r.story == story and r.named and r.start < cs]
        if not earlier:
            return False
        target = max(earlier, key=lambda r: r.start)
        start = cs + told.end()
        for p in self.people(start, self._list_end(cs, ce), clause_start=start):
            if p not in target.participants:
                target.participants.append(p)
        target.spans.append((cs, ce))
        return True

    def _named_meetings(self, story, state: StoryState, cs, ce, low, dates):
        if self._told_of_the_gathering_before(story, cs, ce, low):
            return
        found = [
            m
            for m in TRIGGERS.finditer(low)
            if not m.group("visit") and not DURING_THEIR_MEETING.match(low, m.start())
        ]
        encounters = [cs + m.start() for m in found]
        # "A held a bilateral meeting with B": a person's encounter; "The Council held its
        # ninth meeting" stays a gathering of its own
        # "Attendees included ...", searched once: the sentence's phrases and lists share it
        attendees = ATTENDEES.search(low)
        held = [
            (cs + m.start(), cs + m.end())
            for m in found
            if m.group("meet") and self.people(cs, cs + m.start())
        ]
        for np in self._meeting_phrases(cs, ce, low):
            a, b, kind, generic = np
            if self._in_quote(a):
                continue
            if not generic and any(t0 <= a and b <= t1 for t0, t1 in held):
                continue  # "held a bilateral meeting with X": the encounter tells it
            before = low[max(0, a - cs - 40) : a - cs]
            after = low[b - cs : b - cs + 60]
            if SIDELINES.search(before):
                continue
            text = self.low[a:b]
            said_bilateral = BILATERAL_WORD.search(text) is not None
            if kind == "multilateral" and said_bilateral:
                kind = "bilateral"  # "held a bilateral meeting with X"
            elif kind == "multilateral" and MINISTERIAL_WORD.search(text):
                kind = "ministerial"
            if kind in ("multilateral", "bilateral") and REMOTE.search(text):
                kind = "call"  # "held a virtual meeting": a video call
            elif kind == "forum" and VIDEO_CONFERENCE.search(text):
                kind = "call"  # "held a video conference with X": not a forum
            participants: list[int] = []
            participating = PARTICIPATION.search(before) or (
                kind == "ceremony" and IN_A_CEREMONY.search(before)
            )
            if THANKED_FOR.search(before):
                participating = None  # "thanked X for hosting the summit": X's, told elsewhere
            if participating and NOT_DONE.search(before[: participating.start()]):
                participating = None  # "X did not attend the gala"
            passive = PASSIVE_BY.match(after)
            if passive:
                start = b + passive.end()
                participants = self.people(start, self._list_end(cs, ce), clause_start=start)
            # the chair may come after a long "was held in X on <date>"
            chair = UNDER_THE_CHAIR.search(low, b - cs, ce - cs)
            if chair:
                start = cs + chair.end()
                participants += [
                    p for p in self.people(start, ce, clause_start=start) if p not in participants
                ]
            signed = SIGNED_BY.search(low[: a - cs]) if kind == "ceremony" else None
            if signed:
                # "The agreement was signed by A and B in X, in a ceremony witnessed by C"
                signers = self.people(cs + signed.end(), a, clause_start=cs + signed.end())
                participants = signers + [p for p in participants if p not in signers]
            honoured = CEREMONY_FOR.match(low[b - cs : ce - cs]) if kind == "ceremony" else None
            if honoured:
                # "held a welcome ceremony for X": X is the guest of honour, there
                who = b + honoured.start("who")
                participants += [
                    p
                    for p in self.people(who, b + honoured.end("who"), clause_start=who)
                    if p not in participants
                ]
            host = WITH_AS_HOST.match(low[b - cs : ce - cs])
            if host:
                who = b + host.start("who")
                participants += [
                    p
                    for p in self.people(who, b + host.end("who"), clause_start=who)
                    if p not in participants
                ]
            if participating:
                subject_end = a - len(before) + participating.start()
                cuts = [cs + m.end() for m in SPEECH_THAT.finditer(low) if cs + m.end() <= a]
                start = max(cuts + [cs])
                sent = SENT_TO_REPRESENT.search(self.low, start, subject_end)
                if sent:
                    start = sent.end()  # "X delegated Y to represent ... at": Y took part
                subject_end = min(
                    [e for e in encounters if start <= e < subject_end] + [subject_end]
                )
                participants = self.people(start, subject_end) + [
                    p for p in participants if p not in self.people(start, subject_end)
                ]
                if not participants:
                    participants = (
                        self.people(b, ce, clause_start=b)[:1] if re.match(r"\s*,", after) else []
                    )
                if (
                    not participants
                    and re.search(r"\b(?:he|she)\b", self.low[start:subject_end]) is None
                    and state.visitor is not None
                    and re.search(r"\b(?:also|she|he)\b", before)
                ):
                    participants = [state.visitor]
            status = self._status(low, a - cs, b - cs, dates, state)
            if generic and state.main is None and DURATION.search(self.low[a:b]):
                generic = False  # "The two-day summit opened ...": the story's first word of it
            if generic:
                # "the meeting", "the talks": the meeting the story is about, else the
                # encounter told last ("X received Y ... Z also attended the meeting")
                target = state.main or self._last_encounter(story, a)
                if target is not None and target.kind == "ceremony" and kind != "ceremony":
                    # "present at the talks" after a welcome ceremony: the talks told before
                    target = self._last_encounter(story, a) or target
                if target is None and re.search(r"\btheir\s+$", self.low[max(cs, a - 8) : a]):
                    # "A and B agreed on Tuesday ... During their talks, A said": the pair
                    # that opened the story met
                    pair = self._subject_pair(cs)
                    if pair:
                        report = Report(
                            start=cs,
                            end=ce,
                            kind="bilateral",
                            story=story,
                            participants=pair,
                            status=status,
                        )
                        self._when(report, state, dates, a, ce, cs, ce)
                        if report.date_strength <= DATELINE and state.last_day is not None:
                            # the day the pair's sentence gave ("agreed on Tuesday")
                            report.date, report.precision = state.last_day.date, Precision.DAY
                        self._where(report, state, a, ce, cs, ce, low)
                        self.reports.append(report)
                        target = report
                if target is None:
                    continue
                if attendees and not participants:
                    participants = self.people(cs, self._list_end(cs, ce))
                if target.end_date is None and target.status == status:
                    self._duration(target, self.low[a:b])  # "the two-day session"
                for p in participants:
                    if p not in target.participants:
                        target.participants.append(p)
                target.spans.append((cs, ce))
                continue
            if not participants and attendees and attendees.start() >= b - cs:
                # "The summit opened on Sunday with A and B in attendance"
                participants = self.people(b, self._list_end(cs, ce), clause_start=b)
            pair = []
            if not participants and BETWEEN_THE_TWO.match(after):
                pair = participants = self._subject_pair(cs)
            if kind == "multilateral" and len(participants) == 2:
                kind = "bilateral"  # "A and B discussed ... at a meeting": the two of them
            elif kind == "bilateral" and len(participants) > 2 and not said_bilateral:
                kind = "multilateral"  # "A, B and C took part in the security dialogue"
            report = Report(
                start=cs,
                end=ce,
                kind=kind,
                story=story,
                participants=participants,
                status=status,
                named=True,
            )
            orgs = self.orgs_in(a, b)
            if not orgs and (participating or POSSESSIVE.search(before)):
                # "Leaders of the G7 opened a summit", "ASEAN ministers ... their meeting"
                cuts = [cs + m.end() for m in SPEECH_THAT.finditer(low) if cs + m.end() <= a]
                orgs = self.orgs_in(max(cuts + [cs]), a)
            report.organisation_key = orgs[0] if orgs else None
            report.title = self._np_title(a, b)
            told = self._told_before(story, report.title)
            if told is not None:
                # "agreed at the 4th Summit" after "during the 4th Summit, in 2016"
                report.status = told.status
            self._when(report, state, dates, a, ce, cs, ce)
            if pair and report.date_strength <= DATELINE and state.last_day is not None:
                # the day the pair's sentence gave ("agreed Wednesday")
                report.date, report.precision = state.last_day.date, Precision.DAY
            ending = ENDED_BEFORE.search(before) or ENDED_AFTER.match(after)
            self._duration(report, self.low[a:b], ending=bool(ending))
            self._where(report, state, a, ce, cs, ce, low)
            if (
                report.title.lower() in MEETING_HEADS
                and len(report.participants) < 2
                and report.organisation_key is None
                and INDEFINITE.search(before)
            ):
                # "X said at a meeting in Geneva": the setting of one person's words, not a
                # gathering the text tells enough of to register
                continue
            if report.title.lower() in MEETING_HEADS and report.city:
                report.title += f" in {report.city}"  # "at a summit": "Summit in Lakeview"
            if report.status == "reported" and (
                state.main is None
                or state.main.status != "reported"
                or state.main.kind in ("multilateral",)
                and kind != "multilateral"
            ):
                state.main = report
            elif report.status == "reported" and state.main is not None and state.main.kind == kind:
                state.main = report
            self.reports.append(report)
        # "Attendees included A, B and C", "Present:" and a list, about the meeting under way
        if (
            (attendees or JOINED_UNDER_WAY.search(low))
            and state.main is not None
            and not self._meeting_phrases(cs, ce, low)
        ):
            for p in self.people(cs, self._list_end(cs, ce)):
                if p not in state.main.participants:
                    state.main.participants.append(p)
        elif attendees and not self._meeting_phrases(cs, ce, low):
            # "Present there were A and B" after "X received Y": at that encounter
            target = self._last_encounter(story, cs)
            for p in self.people(cs, ce) if target is not None else []:
                if p not in target.participants:
                    target.participants.append(p)
        heard = HEARD_FROM.search(low)
        if heard and state.main is not None:
            # "The Council heard a briefing by the Commissioner, X": X addressed the
            # gathering under way (however the sentence names it)
            start = cs + heard.end()
            for p in self.people(start, self._list_end(cs, ce), clause_start=start):
                if p not in state.main.participants:
                    state.main.participants.append(p)
        represented = REPRESENTED_BY.search(low)
        if represented and state.main is not None and not self._meeting_phrases(cs, ce, low):
            # "A's side was headed by X and B's side by Y": the head of each side
            heads = [represented] + list(GAPPED_BY.finditer(low, represented.end()))
            for n, by in enumerate(heads):
                start = cs + by.end()
                end = cs + heads[n + 1].start() if n + 1 < len(heads) else ce
                for p in self.people(start, end, clause_start=start)[:1]:
                    if p not in state.main.participants:
                        state.main.participants.append(p)
        # "Addressing the ministers, President X said": a meeting with the group
        group = ADDRESSING_THE_GROUP.search(low)
        # ... unless the ministers are then named: "met with the ministers of A, X, and B, Y"
        named_after = group is not None and self.people(cs + group.end(), ce, cs + group.end())
        if group and not named_after and not self._meeting_phrases(cs, ce, low):
            people = self.people(cs, ce)
            if people and GATHERING_PEOPLE.search(group.group(0)):
                # "briefed the participants": of the gathering told, not a meeting of its own
                if state.main is not None and people[0] not in state.main.participants:
                    state.main.participants.append(people[0])
            elif people:
                report = Report(
                    start=cs, end=ce, kind="multilateral", story=story, participants=people[:1]
                )
                report.status = self._status(low, group.start(), group.end(), dates, state)
                orgs = self.orgs_in(cs, ce)
                report.organisation_key = (
                    orgs[0] if orgs else (state.main.organisation_key if state.main else None)
                )
                self._when(report, state, dates, cs + group.start(), ce, cs, ce)
                if report.date_strength <= DATELINE and state.main is not None and state.main.date:
                    report.date, report.precision, report.end_date = (
                        state.main.date,
                        state.main.precision,
                        state.main.end_date,
                    )
                    report.date_strength = DATELINE
                self._where(report, state, cs + group.start(), ce, cs, ce, low)
                self.reports.append(report)

    def _told_before(self, story, title: str) -> Report | None:
        """An earlier report of this story naming the same numbered meeting."""
        key = _numbered_key(title)
        if key is None:
            return None
        for r in self.reports:
            if r.story == story and r.named and _numbered_key(r.title) == key:
                return r
        return None

    @staticmethod
    def _duration(report: Report, text: str, ending: bool = False):
        """A meeting of "three days" that starts on a known day ends two days later; one
        told as ending ("ended its two-day summit on Sunday") started two days earlier."""
        found = DURATION.search(text)
        if not found or report.date is None or report.precision != Precision.DAY:
            return
        days = int(found.group(1)) if found.group(1).isdigit() else NUMBERS[found.group(1)]
        if report.end_date is None and ending:
            report.date, report.end_date = report.date - dt.timedelta(days=days - 1), report.date
        elif report.end_date is None:
            report.end_date = report.date + dt.timedelta(days=days - 1)
        elif report.end_date == report.date:
            # "a three-day meeting through Friday": Friday is the last day
            report.date = report.end_date - dt.timedelta(days=days - 1)

    def _subject_pair(self, before: int) -> list[int]:
        """The two persons joined by "and" at the start of the sentence before char
        ``before`` ("Japanese Foreign Minister A and Kazakh Foreign Minister B agreed")."""
        this, _ = self.ctx.sentence_of(bisect.bisect_left(self._token_starts, before))
        if this == 0:
            return []
        s0, s1 = self.ctx.sentence_of(this - 1)  # the sentence before this one
        a, b = self.tokens[s0].start, self.tokens[s1 - 1].end
        mentions = [m for m in self.mentions_in(a, b) if m.start - a < 200]
        for first, second in zip(mentions, mentions[1:], strict=False):
            between = self.low[first.end : second.start]
            if first.entity != second.entity and SUBJECT_PAIR.fullmatch(between):
                return [first.entity, second.entity]
        return []

    def _last_encounter(self, story, before: int) -> Report | None:
        """The last meeting this story reported as having happened before char ``before``."""
        told = [
            r
            for r in self.reports
            if r.story == story and r.status == "reported" and r.start < before and not r.named
        ]
        return max(told, key=lambda r: r.start) if told else None

    def _convenes(self, k, cs, ce, low) -> bool:
        """Whether the body whose name ends at token ``k`` is a gathering the sentence
        tells: "The OSCE Ministerial Council opened in Valletta", "attended the X Summit"."""
        end = self.tokens[k].end
        span = next(((s, e) for s, e, _ in self.org_spans if s <= self.tokens[k].start < e), None)
        if span is None:
            return False
        if span[1] != end:
            # "The Ministerial Council of the X (XO) was held": an organ of a body
            if not self.low.startswith(" of ", end):
                return False
            end = span[1]
        return bool(
            CONVENES.match(low[end - cs : ce - cs])
            or PARTICIPATION.search(low[max(0, span[0] - cs - 40) : span[0] - cs])
        )

    def _meeting_phrases(self, cs, ce, low) -> list[tuple[int, int, str, bool]]:
        """(start, end, kind, generic) of noun phrases naming a meeting in the sentence."""
        out = []
        toks = self.tokens
        rng = self._token_range(cs, ce)
        if not len(rng):
            return out
        first, last = rng[0], rng[-1] + 1
        k = first
        while k < last:
            head = toks[k].lower
            kind = MEETING_HEADS.get(head)
            if kind is None or (
                head in ("meeting", "meetings") and k + 1 < last and toks[k + 1].lower == "with"
            ):
                k += 1
                continue
            convening = self._in_org(toks[k].start) and self._convenes(k, cs, ce, low)
            if self._in_org(toks[k].start) and head != "meeting" and not convening:
                k += 1
                continue
            if head in ("conference", "briefing") and k > first and toks[k - 1].lower in PRESS:
                k += 1
                continue  # "told a news conference": the press, not a meeting
            if k + 1 < last and toks[k + 1].lower in VENUE_HEADS:
                k += 1
                continue  # "held at the Lakeside Conference Centre": a place
            if (
                head == "meeting"
                and k + 1 < last
                and (toks[k + 1].lower in VERB_OBJECTS or (k + 1 in self._mention_tokens))
            ):
                k += 1
                continue  # a verb: "jointly meeting the press", "meeting President X"
            if (
                head == "council"
                and not convening
                and not (
                    k + 1 < last
                    and toks[k + 1].lower == "of"
                    and k + 2 < last
                    and toks[k + 2].lower in COUNCIL_MEMBERS
                )
            ):
                k += 1
                continue
            if (
                toks[k].is_cap
                and k + 1 < last
                and toks[k + 1].is_cap
                and toks[k + 1].lower in VENUE_TAILS
            ):
                k += 1
                continue  # "at the Mansudae Assembly Hall": a building, not a meeting
            # left: modifiers back to a determiner
            a = k
            while (
                a - 1 >= first
                and (
                    toks[a - 1].lower not in LEFT_BOUNDARY
                    and (
                        toks[a - 1].is_cap
                        or NP_MODIFIERS.match(toks[a - 1].lower)
                        or toks[a - 1].text in ("'", "’", "'s", "’s", "-", "+", "(", ")", "&")
                    )
                    and toks[a - 1].lower not in LEFT_STOPS
                )
                and k - a < 12
            ):
                a -= 1
            det = toks[a - 1].lower if a - 1 >= first else ""
            # right: "of the Conference ... (CICA)", "of SCO Foreign Ministers"
            b = k + 1
            if b < last and toks[b].lower == "of":
                j = b + 1
                while j < last and (
                    toks[j].is_cap
                    or toks[j].lower
                    in ("of", "the", "and", "on", "in", "for", "'", "’", "'s", "’s", "(", ")", "-")
                    or toks[j].text.isupper()
                    or self._in_org(toks[j].start)
                ):
                    if toks[j].lower in ("in", "on") and not self._in_org(toks[j].start):
                        break
                    j += 1
                while j > b + 1 and toks[j - 1].lower in (
                    "of",
                    "the",
                    "and",
                    "on",
                    "in",
                    "for",
                    "(",
                ):
                    j -= 1
                if j > b + 1:
                    b = j
            modifiers = [t.lower for t in toks[a:k]]
            generic = det in GENERIC_NP and not modifiers and b == k + 1 and det not in ("a", "an")
            if head == "session" and modifiers and set(modifiers) <= PART_OF_A_MEETING:
                generic = b == k + 1 and det in GENERIC_NP
            elif modifiers and DURATION.fullmatch("".join(modifiers)):
                # "The two-day session is chaired by X": the gathering under way, its length
                generic = b == k + 1 and det in GENERIC_NP and det not in ("a", "an")
            # "at a summit", "in a ceremony": one they were at
            at_one = a - 2 >= first and (
                toks[a - 2].lower == "at" or (toks[a - 2].lower == "in" and head == "ceremony")
            )
            if det in ("a", "an") and not modifiers and b == k + 1 and not at_one:
                k += 1
                continue  # "a meeting": says nothing about which; "at a summit" does
            if head == "talks" and not generic:
                k += 1
                continue  # "held talks with", "peace talks": encounters, or not a meeting
            if head in ("meeting", "meetings") and any(w in ("group",) for w in modifiers):
                k = b
                continue  # handled as an encounter
            start = toks[a].start
            end = toks[b - 1].end
            words = self.low[start : toks[k].end]
            if head == "ceremony":
                kind = "ceremony"
            elif head == "council" or COUNCIL_OF_MINISTERS.search(self.low[start:end]):
                kind = "ministerial"
            elif HEADS_OF_STATE.search(self.low[start:end]):
                kind = "summit"  # "the meeting of the Council of Heads of State"
            elif FORUM_TAIL.search(self.low[toks[k].end : end]):
                kind = "forum" if "forum" in self.low[toks[k].end : end] else "summit"
            elif "summit" in words:
                kind = "summit"
            elif FORUM_WORDS.search(words):
                kind = "forum"
            elif "ceremony" in words or "signing" in words:
                kind = "ceremony"
            elif MINISTERIAL_WORD.search(self.low[start:end]):
                kind = "ministerial"
            if kind in ("forum", "multilateral") and MINISTERS.search(self.low[start:end]):
                kind = "ministerial"  # "Conference of Coastal League FMs"
            if kind in ("ministerial", "summit", "multilateral") and self._two_countries(a, k):
                kind = "bilateral"
            out.append((start, end, kind, generic))
            k = b
        return out

    def _two_countries(self, a: int, k: int) -> bool:
        """ "Japan-Brazil Foreign Ministers' Meeting", "the Kenya–Ghana Summit": a name opening
        with two countries joined by a hyphen is a meeting of the two, however it is headed
        (three, "A-B-C", is not)."""
        toks, in_match = self.tokens, self.ctx.in_match
        first = in_match.get(a)
        if first is None or first.kind != "country" or first.start != a or first.end + 1 >= k:
            return False
        second = in_match.get(first.end + 1)
        return (
            toks[first.end].is_hyphen
            and second is not None
            and second.kind == "country"
            and second.start == first.end + 1
            and not toks[second.end].is_hyphen
        )

    def _np_title(self, a: int, b: int) -> str:
        text = " ".join(self.ctx.document.text[a:b].split())
        return text[:1].upper() + text[1:]


def _numbered_key(title: str) -> str | None:
    """ "the 4th Summit of the X" -> "4th summit": a meeting named by its number."""
    key = re.sub(r"\s+of\s.*$", "", title.lower()).removeprefix("the ").strip()
    return key if ORDINAL.search(key) else None
