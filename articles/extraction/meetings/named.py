"""Named meetings: "the meeting of the Council of Foreign Ministers", "the CICA summit",
and the people who attended, chaired or addressed them.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from ..patterns import words
from ..types import Precision
from .merging import DATELINE, Report
from .triggers import PARTICIPATE, SPEECH_THAT, TRIGGERS
from .when_where import StoryState

# The head nouns of a named meeting.
MEETING_HEADS = {
    "meeting": "multilateral",
    "summit": "summit",
    "forum": "forum",
    "conference": "forum",
    "symposium": "forum",
    "seminar": "forum",
    "congress": "forum",
    "ceremony": "ceremony",
    "session": "multilateral",
    "assembly": "multilateral",
    "council": "ministerial",
    "talks": "bilateral",  # only as "the talks", "their talks": see _meeting_phrases
    "retreat": "summit",  # "the Leaders' Retreat"
    "dialogue": "bilateral",  # "their annual strategic dialogue"
}
# "... between the two countries' ministers": the pair the story opened with
BETWEEN_THE_TWO = re.compile(r"^\s*(?:between|of) (?:the two|both|them)\b")
REMOTE = re.compile(r"\b(?:virtual|video|online|tele(?:phone)?|phone)\b|\bteleconference")
NOT_DONE = re.compile(
    r"\b(?:failed to|did not|didn't|could not|couldn't|was unable to|were unable to|declined to"
    r"|refused to|chose not to|not)\s*$"
)
THANKED_FOR = re.compile(
    r"\bfor (?:hosting|chairing|organi[sz]ing|convening|opening)(?: [a-z]+)? ?$"
)
MINISTERS = re.compile(r"\bministers?\b|\bfms\b")
NP_MODIFIERS = re.compile(r"^[a-z0-9\-'’]+$")
# hosting is taking part: "X hosted/opened/convened the summit"
HOSTING = r"hosted|hosts|hosting|opened|opens|opening|convened|convenes|convening"
PARTICIPATION = re.compile(
    rf"\b(?:{PARTICIPATE}|{HOSTING})(?: (?:a|an|the|its|this|his|her|their))? ?$"
    # "A and B held their 11th Leaders' Retreat": they took part
    r"|\b(?:held|hold|holds|holding) (?:a|an|the|their)(?: [a-z0-9\-']+){0,2} ?$"
)
# "..., with X as host": the chair or host named after the meeting
WITH_AS_HOST = re.compile(
    r"^[^.;]{0,80}?\bwith (?P<who>[^;]{3,120}?) as (?:the )?"
    r"(?:host|hosts|chair|chairs|co-chair|co-chairs|chairman|chairwoman|chairperson)\b"
)
# "their annual meeting", "its summit": the body the sentence's subject belongs to
POSSESSIVE = re.compile(r"\b(?:their|its)(?: [a-z0-9\-]+){0,3} ?$")
PASSIVE_BY = re.compile(
    r"^(?:[^.;]{0,60}?(?:(?:was|were|is|had been|has been) (?:also )?|, )|\s*)"
    r"(?:attended|chaired|co-chaired|presided over|addressed|hosted|opened|witnessed) by\b"
)
# "It was attended by A, B and C": the gathering the sentence before named
IT_WAS_BY = re.compile(
    r"^\s*(?:it|the gathering|the event|the session)\s+(?:was|were)\s+(?:also\s+)?"
    r"(?:attended|chaired|co-chaired|presided over|addressed|opened)\s+by\b"
)
# "... under the chairmanship of X": the chair took part
UNDER_THE_CHAIR = re.compile(
    r"\bunder the (?:co-)?(?:chairmanship|chairwomanship|chair|presidency) of\b"
)
# a line of a list: "- Indonesia: Foreign Minister A", "• A, Foreign Minister", "2. A"
LIST_LINE = re.compile(r"^\s*(?:[-\u2013\u2022*]|\d{1,2}[.)])\s+\S|^\s*[A-Z][\w .'\-]{1,40}:\s+\S")
# a signing told as a ceremony: its signers and witnesses took part
SIGNED_BY = re.compile(r"\bsigned by\b")
IN_A_CEREMONY = re.compile(r"\bin an? $")
ATTENDEES = re.compile(
    r"\b(?:attendees|participants|those present|guests|those (?:attending|present at|taking part in)"
    r"(?: the [a-z]+)?) (?:included|were|include)\b"
)
# "A and B also attended.", "A, B and C were among those present.": the people of the
# sentence joined the gathering under way (the sentence names no meeting of its own)
JOINED_UNDER_WAY = re.compile(
    r"\b(?:(?:also |too )?(?:took part|attended|participated|(?:was|were) present)"
    r"|(?:was|were) (?:also )?among (?:those present|those attending|the participants"
    r"|the attendees|the (?:[a-z]+ )?(?:leaders|ministers|delegates|guests) who "
    r"(?:attended|took part|were present)))\W*$"
)
# "Kazakhstan was represented by Deputy Minister A": A joined the gathering under way
REPRESENTED_BY = re.compile(r"\b(?:was|were) (?:also )?represented by\b")
# "the opening session", "its closing session": a part of the gathering under way
PART_OF_A_MEETING = frozenset({"opening", "closing", "plenary", "final", "inaugural"})
SIDELINES = re.compile(
    r"\b(?:sidelines of|margins? of|ahead of|prior to|before|after|following|preparatory to|on the eve of)(?: the| a)? ?$"
)
# a body named like a gathering, told as one: "The X Ministerial Council opened ..."
CONVENES = re.compile(
    r"\s*(?:\([^)]{1,20}\)\s*)?(?:opened|opens|was held|is held|is being held|took place|convened"
    r"|met (?=in |on |at |here\b|today\b)"
    r"|began|begins|kicked off|closed|concluded|ended|wrapped up)\b"
)
# "ended their two-day summit on Sunday", "The summit closed on Friday": its last day
ENDED_BEFORE = re.compile(
    r"\b(?:ended|ends|closed|closes|concluded|concludes|wrapped up)"
    r"(?: (?:a|an|the|its|their))? ?$"
)
ENDED_AFTER = re.compile(r"^\s*(?:ended|ends|closed|closes|concluded|concludes|wrapped up)\b")
NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
DURATION = re.compile(r"\b(two|three|four|five|six|seven|[2-7])-day\b")
GENERIC_NP = words("meeting_generic_np")
PRESS = words("meeting_press")


class NamedMeetingsMixin:
    """Part of ``MeetingFinder``: noun phrases that name a meeting."""

    # -- named meetings: "the meeting of the Council of Foreign Ministers" ------------------------
    def _list_end(self, ce: int) -> int:
        """Where the list that follows a sentence ending with a colon ends ("attended by the
        following heads of delegation:" and a line per delegation), else ``ce``."""
        if not self.text[:ce].rstrip().endswith(":"):
            return ce
        end, at = ce, ce
        semicolons = False  # a communiqué's lines end with ";", the last one with "."
        while at < len(self.text):
            line_end = self.text.find("\n", at)
            line_end = len(self.text) if line_end < 0 else line_end
            line = self.text[at:line_end]
            if LIST_LINE.match(line) or semicolons or (end == ce and line.rstrip().endswith(";")):
                end = line_end
                semicolons = line.rstrip().endswith(";")
            elif line.strip() or end > ce:
                break
            at = line_end + 1
        return end

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
        for p in self.people(start, self._list_end(ce), clause_start=start):
            if p not in target.participants:
                target.participants.append(p)
        target.spans.append((cs, ce))
        return True

    def _named_meetings(self, story, state: StoryState, cs, ce, low, dates):
        if self._told_of_the_gathering_before(story, cs, ce, low):
            return
        encounters = [cs + m.start() for m in TRIGGERS.finditer(low) if not m.group("visit")]
        for np in self._meeting_phrases(cs, ce, low):
            a, b, kind, generic = np
            if self._in_quote(a):
                continue
            before = low[max(0, a - cs - 40) : a - cs]
            after = low[b - cs : b - cs + 60]
            if SIDELINES.search(before):
                continue
            text = self.low[a:b]
            if kind == "multilateral" and re.search(r"minist", text):
                kind = "ministerial"
            if kind in ("multilateral", "bilateral") and REMOTE.search(text):
                kind = "call"  # "held a virtual meeting": a video call
            elif kind == "forum" and re.search(r"\b(?:video ?|tele)conference\b", text):
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
            attendees = ATTENDEES.search(low)
            if passive:
                start = b + passive.end()
                participants = self.people(start, self._list_end(ce), clause_start=start)
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
            if generic:
                # "the meeting", "the talks": the meeting the story is about, else the
                # encounter told last ("X received Y ... Z also attended the meeting")
                target = state.main or self._last_encounter(story, a)
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
                    participants = self.people(cs, self._list_end(ce))
                for p in participants:
                    if p not in target.participants:
                        target.participants.append(p)
                target.spans.append((cs, ce))
                continue
            pair = []
            if not participants and BETWEEN_THE_TWO.match(after):
                pair = participants = self._subject_pair(cs)
            if kind == "multilateral" and len(participants) == 2:
                kind = "bilateral"  # "A and B discussed ... at a meeting": the two of them
            elif kind == "bilateral" and len(participants) > 2:
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
        # "Attendees included A, B and C" about the meeting under way
        if (
            (ATTENDEES.search(low) or JOINED_UNDER_WAY.search(low))
            and state.main is not None
            and not self._meeting_phrases(cs, ce, low)
        ):
            for p in self.people(cs, ce):
                if p not in state.main.participants:
                    state.main.participants.append(p)
        represented = REPRESENTED_BY.search(low)
        if represented and state.main is not None and not self._meeting_phrases(cs, ce, low):
            start = cs + represented.end()
            for p in self.people(start, ce, clause_start=start)[:1]:
                if p not in state.main.participants:
                    state.main.participants.append(p)
        # "Addressing the ministers, President X said": a meeting with the group
        group = re.search(
            r"\b(?:addressing|addressed|met with|meeting with|received|briefed)(?: the| a group of)? (?:[a-z]+ ){0,3}?(?:ministers|participants|delegates|leaders|heads of delegations)\b",
            low,
        )
        # ... unless the ministers are then named: "met with the ministers of A, X, and B, Y"
        named_after = group is not None and self.people(cs + group.end(), ce, cs + group.end())
        if group and not named_after and not self._meeting_phrases(cs, ce, low):
            people = self.people(cs, ce)
            if people:
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
            if first.entity != second.entity and re.fullmatch(
                r"\s+and\s+(?:[^,;.()]{0,80}|(?:his|her)[^,;.()]{0,40} counterpart,\s*)", between
            ):
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
            if (
                head == "meeting"
                and k + 1 < last
                and (
                    toks[k + 1].lower
                    in ("the", "his", "her", "their", "with", "reporters", "journalists")
                    or (k + 1 in self._mention_tokens)
                )
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
                    and toks[k + 2].lower in ("foreign", "ministers", "heads")
                )
            ):
                k += 1
                continue
            # left: modifiers back to a determiner
            a = k
            while (
                a - 1 >= first
                and (
                    toks[a - 1].lower
                    not in GENERIC_NP
                    | {"of", "at", "in", "during", "to", ",", "and", "with", "by", "on"}
                    and (
                        toks[a - 1].is_cap
                        or NP_MODIFIERS.match(toks[a - 1].lower)
                        or toks[a - 1].text in ("'", "’", "'s", "’s", "-", "+", "(", ")", "&")
                    )
                    and toks[a - 1].lower
                    not in (
                        "attended",
                        "chaired",
                        "addressed",
                        "attends",
                        "held",
                        "said",
                        "was",
                        "is",
                        "were",
                        "hosts",
                        "hosted",
                        "the",
                        "a",
                    )
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
            elif head == "council" or re.search(
                r"council of (?:foreign )?minist", self.low[start:end]
            ):
                kind = "ministerial"
            elif re.search(r"\bheads of state\b", self.low[start:end]):
                kind = "summit"  # "the meeting of the Council of Heads of State"
            elif re.search(r"\b(?:forum|summit)\b", self.low[toks[k].end : end]):
                kind = "forum" if "forum" in self.low[toks[k].end : end] else "summit"
            elif "summit" in words:
                kind = "summit"
            elif re.search(r"forum|conference|symposium|seminar", words):
                kind = "forum"
            elif "ceremony" in words or "signing" in words:
                kind = "ceremony"
            elif re.search(r"minist", self.low[start:end]):
                kind = "ministerial"
            if kind in ("forum", "multilateral") and MINISTERS.search(self.low[start:end]):
                kind = "ministerial"  # "Conference of Coastal League FMs"
            out.append((start, end, kind, generic))
            k = b
        return out

    def _np_title(self, a: int, b: int) -> str:
        text = " ".join(self.ctx.document.text[a:b].split())
        return text[:1].upper() + text[1:]


def _numbered_key(title: str) -> str | None:
    """ "the 4th Summit of the X" -> "4th summit": a meeting named by its number."""
    key = re.sub(r"\s+of\s.*$", "", title.lower()).removeprefix("the ").strip()
    return key if re.search(r"\b[0-9]+(?:st|nd|rd|th)\b", key) else None
