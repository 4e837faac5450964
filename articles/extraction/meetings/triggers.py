"""Triggers: the phrases that report an encounter ("X met Y", "held talks with",
"a phone call with", "paid a visit to"), and the pass over one sentence that turns them
into reports.
"""

from __future__ import annotations

import re

from ..coreference import HEADS_OF, LEADERS, LOWER_RANKS
from ..identity import GROUP_KINDS
from ..lexicons import TITLE_HEADS, TITLE_MODIFIERS
from ..patterns import table, words
from ..types import DateMention, Precision
from .merging import Report, copy_report
from .when_where import StoryState

# The patterns are rows of patterns/meetings.toml (what each is for is said there).
PATTERNS = table("meetings")
CALL = PATTERNS["call"]
IN_PERSON = PATTERNS["in_person"]
MET_THE_PRESS = PATTERNS["met_the_press"]
TRIGGERS = PATTERNS["triggers"]
SENDS_WORDS = PATTERNS["sends_words"]
SPEECH_THAT = PATTERNS["speech_that"]
SPEECH_CONTENT = PATTERNS["speech_content"]
GROUP_SUBJECT = PATTERNS["group_subject"]
ONE_BY_ONE = PATTERNS["one_by_one"]
JOINTLY = PATTERNS["jointly"]
FUTURE_AFTER = PATTERNS["future_after"]
FRONTED = PATTERNS["fronted"]
RESPECTIVE = PATTERNS["respective"]
NOMINAL = PATTERNS["nominal"]
WORDS_CAME_AFTER = PATTERNS["words_came_after"]
RUN_IN_DATELINE = PATTERNS["run_in_dateline"]
COUNTERPART_GROUP = PATTERNS["counterpart_group"]
GROUP_NAMED = PATTERNS["group_named"]
RECIPROCAL = PATTERNS["reciprocal"]
UNNAMED_SUBJECT = PATTERNS["unnamed_subject"]
GROUP_NOUNS = PATTERNS["group_nouns"]
GROUP_MEETING = PATTERNS["group_meeting"]
ASIDE = PATTERNS["aside"]
RECEIVED_NOT_A_VISITOR = PATTERNS["received_not_a_visitor"]
DURING_THEIR_MEETING = PATTERNS["during_their_meeting"]
HOSTED_A_PERSON = PATTERNS["hosted_a_person"]
RECEIVE_FORMS = words("meeting_receive_forms")
HOST_FORMS = words("meeting_host_forms")
MEET_FORMS = words("meeting_meet_forms")
MEETING_A_GOAL = PATTERNS["meeting_a_goal"]
COUNTRY_STOP = PATTERNS["country_stop"]
APPEAL_AFTER_CALLED_ON = PATTERNS["appeal_after_called_on"]
THE_TWO = PATTERNS["the_two_posts"]
SPEAKER_LABEL = PATTERNS["speaker_label"]
UNNAMED_OFFICIAL = PATTERNS["unnamed_official"]
WORD = re.compile(r"[a-z]+")


class TriggersMixin:
    """Part of ``MeetingFinder``: one sentence's encounters, calls and visits."""

    # -- one sentence ----------------------------------------------------------------------
    def _sentence(self, story: int, state: StoryState, cs: int, ce: int, dates: list[DateMention]):
        sentence = self.text[cs:ce]
        low = sentence.lower().replace("’", "'")
        if SENDS_WORDS.search(low):
            first_verb = SENDS_WORDS.search(low).start()
            for entity in self.people(cs, cs + first_verb):
                self.sends_words.setdefault(story, set()).add(entity)
        self._note_speakers(story, cs, ce, low)
        group, state.unnamed_group = state.unnamed_group, None
        if group is not None and GROUP_NAMED.match(low):
            self._group_named(story, state, group, cs, ce, dates)
            return
        self._named_meetings(story, state, cs, ce, low, dates)
        # "Meeting with X, ..." opens a sentence as "meeting with X" would run inside one
        triggers = [
            m
            for m in TRIGGERS.finditer(sentence[:1].lower() + sentence[1:])
            if not self._in_org(cs + m.start())
        ]
        triggers = [m for m in triggers if not self._not_a_trigger(m, low, cs)]
        if not triggers:
            return
        # clause cuts: "said that ...", ";"
        colon = re.search(r":\s", sentence)
        list_from = cs + colon.start() if colon else ce  # "spoke with: A of X; B of Y; ..."
        cuts = sorted(
            {cs + m.start() for m in SPEECH_THAT.finditer(low)}
            | {cs + m.end() for m in SPEECH_CONTENT.finditer(low)}
            | {cs + i for i, c in enumerate(sentence) if c == ";" and cs + i < list_from}
            | {cs + m.start() for m in RUN_IN_DATELINE.finditer(sentence)}
            | self._after_speaker_label(cs, sentence)
        )
        first_trigger = cs + triggers[0].start()
        ordered = sorted(range(len(triggers)), key=lambda n: (not triggers[n].group("visit"), n))
        for n in ordered:
            m = triggers[n]
            t0, t1 = cs + m.start(), cs + m.end()
            zone_end = cs + triggers[n + 1].start() if n + 1 < len(triggers) else ce
            clause_start = max([c for c in cuts if c <= t0] + [cs])
            zone_end = min([c for c in cuts if c > t1] + [zone_end])
            subject_end = t0 if n == 0 else first_trigger
            if clause_start >= first_trigger:
                subject_end = t0
            subjects = self._salient(story, state, clause_start, subject_end)
            lone = False
            owner = self._owner(clause_start, t0, m.group(0), story)
            if owner is not None:
                subjects = [owner]  # "X briefed Y on his conversation with Z": X and Z
            if not subjects:
                subjects = self._the_two(story, clause_start, t0)
            objects_text = self.text[t1:zone_end]
            objects = self.people(t1, zone_end, clause_start=t1)
            if DURING_THEIR_MEETING.match(low, m.start()):
                objects = []  # "A and B discussed X during a meeting": the two before it
            if m.group("visit"):
                self._visit(story, state, t0, zone_end, cs, ce, subjects, dates, low)
                continue
            if m.group("meet") and not subjects:
                gathering = GROUP_SUBJECT.search(self.text[clause_start:t0])
                # only a named body's people or those of three or more named countries: "the
                # two leaders met" is the pair told before
                if (
                    gathering
                    and not m.group(0).endswith(" with")
                    and (
                        self.orgs_in(clause_start, t0)
                        or len(self._countries_in(clause_start, t0)) >= 3
                    )
                ):
                    self._gathering(
                        story, state, gathering, m, clause_start, zone_end, cs, ce, dates, low
                    )
                    continue
            state.met_objects.update(e for e in objects if e not in subjects)
            implied = [] if subjects else self._implied_subject(state, clause_start, t0, m.group(0))
            if not subjects and not objects and not (implied and NOMINAL.fullmatch(m.group(0))):
                continue
            if subjects and state.lead is None and len(subjects) == 1:
                state.lead = subjects[0]
            if not subjects and self._unknown_subject(clause_start, t0, m.group(0), state):
                # "The minister met A and B": the story's main person, else no meeting of
                # A with B
                main = state.protagonist if state.protagonist is not None else state.lead
                if main is None and len(objects) == 1 and self._unnamed_official(clause_start, t0):
                    # "The Secretary-General met today with X": a readout whose own
                    # principal is never named; X met someone
                    lone = True
                elif main is None or main in objects:
                    continue
                else:
                    implied = [main]
            kind = "call" if m.group("call") else "bilateral"
            if kind != "call" and CALL.search(low):
                kind = "call"
            if kind == "call" and m.group(0).endswith(" with") and IN_PERSON.search(low):
                kind = "bilateral"
            if kind == "bilateral" and self._told_call(story, m, low, objects):
                kind = "call"
            group = (
                bool(GROUP_NOUNS.match(objects_text.strip().lstrip(",").strip())) and not objects
            )
            if GROUP_MEETING.search(low[max(0, t0 - cs - 20) : t1 - cs]):
                group = True
            if group and kind != "call":
                # "his meeting with Nordic foreign ministers": their ministerial
                ministers = "minister" in objects_text[:60].lower() or (
                    "counterpart" in objects_text[:60].lower()
                    and any("minister" in self._role(e, None).lower() for e in subjects)
                )
                kind = "ministerial" if ministers else "multilateral"
            subject_people = subjects or implied
            counterparts = [e for e in objects if e not in subject_people]
            respectively = (
                "respectively" in low[t1 - cs : zone_end - cs]
                or "respectively" in low[t0 - cs : t1 - cs]
            )
            separate = (
                len(counterparts) >= 2
                and not m.group(0).endswith("between")  # "the meeting between A and B"
                and bool(subject_people)
                and (
                    respectively
                    or bool(ONE_BY_ONE.search(low[max(0, t0 - cs - 60) : t1 - cs + 20]))
                    or (
                        # "a trilateral meeting", "a video conference with A, B and C"
                        not JOINTLY.search(low)
                        and self._different_posts(counterparts)
                        and not self._one_country(counterparts)
                        and not self._country_stop(cs, clause_start)
                    )
                    or self._one_per_country(counterparts, subject_people, low)
                )
            )
            status = self._status(low, t0 - cs, t1 - cs, dates, state)
            if NOMINAL.fullmatch(m.group(0).lower()) and FUTURE_AFTER.match(low, t1 - cs):
                status = "planned"  # "her meeting with X will follow the summit"
            one_by_one = bool(ONE_BY_ONE.search(low[max(0, t0 - cs - 60) : t1 - cs]))
            if not counterparts and len(subject_people) < 2:
                if subject_people and COUNTERPART_GROUP.search(objects_text[:80].lower()):
                    # "held separate talks with senior diplomats": the next sentence may name
                    # them; the meeting as told so far gives their date and place
                    told = Report(start=cs, end=ce, kind=kind, story=story, status=status)
                    self._when(told, state, dates, t0, zone_end, cs, ce)
                    self._where(told, state, t0, zone_end, cs, ce, low)
                    state.unnamed_group = (subject_people, one_by_one, told)
                if not group or one_by_one:
                    if COUNTERPART_GROUP.search(objects_text[:80].lower()):
                        # "met with his counterparts from A, B and C": named one by one later
                        when = self._pick_date(dates, t0, zone_end, cs)
                        if when is not None and status == "reported":
                            state.announced = when
                    continue
            groups = [[c] for c in counterparts] if separate else [counterparts]
            tables = [list(dict.fromkeys(subject_people + people)) for people in groups]
            if (
                group
                and len(subject_people) >= 2
                and RESPECTIVE.search(low[max(0, t0 - cs - 30) : t0 - cs + 5])
            ):
                # "A and B, in their respective talks with Gulf counterparts": one each
                tables = [[e] for e in subject_people]
            for parts in tables:
                if len(parts) < 2 and kind not in ("multilateral", "ministerial") and not lone:
                    continue
                report = Report(
                    start=cs, end=ce, kind=kind, story=story, participants=parts, status=status
                )
                if kind == "bilateral" and len(parts) > 2:
                    report.kind = "multilateral"
                if kind in ("multilateral", "ministerial"):
                    orgs = self.orgs_in(t1, zone_end) or self.orgs_in(cs, ce)
                    report.organisation_key = orgs[0] if orgs else None
                self._when(report, state, dates, t0, zone_end, cs, ce)
                self._where(report, state, t0, zone_end, cs, ce, low)
                # a talk on the sidelines leaves the story about the gathering
                aside = ASIDE.search(low)
                state.has_encounter = state.has_encounter or (
                    report.status == "reported" and not aside
                )
                if report.status == "reported" and len(subject_people) == 1:
                    state.protagonist = subject_people[0]
                self._tell_once(report)

    def _tell_once(self, report: Report):
        """A group encounter the sentence already told through its other path ("met with
        the ministers" is also "addressing the ministers"): one meeting, of the trigger's kind."""
        for n, told in enumerate(self.reports):
            if (
                report.kind in GROUP_KINDS
                and told.kind in GROUP_KINDS
                and (told.start, told.story, told.named) == (report.start, report.story, False)
                and told.participants == report.participants
            ):
                self.reports[n] = report
                return
        self.reports.append(report)

    def _group_named(self, story, state: StoryState, group, cs, ce, dates):
        """The people of "held separate talks with senior diplomats" named in the next
        sentence: one meeting with each, or one with all of them."""
        subjects, one_by_one, told = group
        named = [e for e in self.people(cs, ce) if e not in subjects]
        for people in [[e] for e in named] if one_by_one else [named] if named else []:
            report = copy_report(told)
            report.participants = subjects + people
            if report.kind != "call":
                report.kind = "bilateral" if len(report.participants) == 2 else "multilateral"
            self.reports.append(report)

    def _gathering(self, story, state, gathering, m, clause_start, zone_end, cs, ce, dates, low):
        """ "Foreign ministers of the G7 met in Capri, where host X ...": the body's meeting,
        with the people the sentence names; later speakers and attendees join it."""
        t0, t1 = cs + m.start(), cs + m.end()
        noun = gathering["noun"].lower()
        kind = "ministerial" if noun == "ministers" else "summit"
        orgs = self.orgs_in(clause_start, t0)
        report = Report(
            start=cs,
            end=ce,
            kind=kind,
            story=story,
            participants=self.people(cs, ce),
            status=self._status(low, t0 - cs, t1 - cs, dates, state),
        )
        report.organisation_key = orgs[0] if orgs else None
        self._when(report, state, dates, t0, zone_end, cs, ce)
        self._where(report, state, t0, zone_end, cs, ce, low)
        if report.status == "reported" and (state.main is None or state.main.status != "reported"):
            state.main = report
        self.reports.append(report)

    def _countries_in(self, a: int, b: int) -> set[str]:
        """Countries named (or by demonym) in chars [a, b): "the ministers of A, B and C"."""
        found = set()
        for k in self._token_range(a, b):
            m = self.ctx.in_match.get(k)
            if m is not None and m.start == k and m.kind in ("country", "demonym"):
                found.add(m.value)
        return found

    def _not_a_trigger(self, m: re.Match, low: str, cs: int) -> bool:
        word = m.group(0)
        if DURING_THEIR_MEETING.match(low, m.start()):
            # "X said at a meeting in Geneva that Y ...": Y was not there; two people are
            return len(self.people(cs, cs + m.start())) < 2
        if word == "visiting":
            # "visiting Ghana" is a visit; "visiting Ghanaian Minister X" names the visitor
            rng = self._token_range(cs + m.end(), cs + m.end() + 40)
            place = self.ctx.in_match.get(rng[0]) if len(rng) else None
            return (
                place is None
                or place.kind not in ("country", "city")
                or self._visitor_named(low[: m.start()], place.end)
            )
        after = low[m.end() : m.end() + 40]
        if word.endswith(" on") and word.startswith("call"):
            # "called on the world to act" is an appeal, not a visit
            return APPEAL_AFTER_CALLED_ON.match(low[m.end() :]) is not None
        if word in RECEIVE_FORMS:
            # "received the visiting minister" counts; "received support" does not
            return RECEIVED_NOT_A_VISITOR.match(after) is not None
        if word in HOST_FORMS or word.endswith(" host to"):
            return not HOSTED_A_PERSON.search(after + low[m.end() + 40 : m.end() + 80])
        if word in ("meet", "meets", "met", "meeting") and MEETING_A_GOAL.match(after):
            return True  # "meeting the targets", "must meet EU demands"
        if word in MEET_FORMS and MET_THE_PRESS.match(after):
            return True  # "A and B met the press": a press conference, not a meeting of the two
        if (
            word in ("visits", "visiting")
            and re.match(r"\s+(?:to|by|of)\b", after) is None
            and word == "visits"
        ):
            return True
        return False

    def _told_call(self, story: int, m: re.Match, low: str, objects: list[int]) -> bool:
        """ "In the conversation with X, ...": the conversation, talks or meeting with X the
        story has already told as a phone call is that call, not a second meeting."""
        if not objects or not NOMINAL.fullmatch(m.group(0).lower()):
            return False
        if not low[: m.start()].endswith("the "):
            return False
        return any(
            told.story == story and told.kind == "call" and set(objects) <= set(told.participants)
            for told in self.reports
        )

    def _visitor_named(self, before: str, place_end: int) -> bool:
        """ "the visiting New Zealand Minister X", "met visiting Kenya Foreign Minister X":
        after a determiner, or with a post after the country, "visiting" describes the
        visitor; "is visiting Ghana" is the visit."""
        toks = self.ctx.tokens
        after_place = toks[place_end].lower if place_end < len(toks) else ""
        return before.endswith(("the ", " a ")) or after_place in TITLE_HEADS | TITLE_MODIFIERS

    def _owner(self, clause_start: int, t0: int, trigger: str, story: int = 0) -> int | None:
        """Whose "his/her meeting with X" it is, by the pronoun right before it; whose
        words "came after talks with X" (the pronoun's, else the last speaker's)."""
        if self.coref is None or not NOMINAL.fullmatch(trigger.lower()):
            return None
        if self._named_after_fronted(clause_start, t0):
            return None
        before = self.low[clause_start:t0]
        owner = re.search(r"\b(his|her)\s+$", before)
        if owner is not None:
            return self.coref.resolve(clause_start + owner.start(1), owner.group(1))
        came = WORDS_CAME_AFTER.search(before)
        if came is None:
            return None
        if came.group("owner"):
            return self.coref.resolve(clause_start + came.start("owner"), came.group("owner"))
        spoken = [e for e, char in self.speakers.get(story, []) if char < clause_start]
        return spoken[-1] if spoken else None

    def _named_after_fronted(self, clause_start: int, t0: int) -> bool:
        """ "During/While ... meeting with X, <Name> said": the phrase's owner is named next."""
        if not FRONTED.match(self.text, clause_start):
            return False
        comma = self.text.find(",", t0)
        if comma < 0:
            return False
        after = self.mentions_in(comma, comma + 40)
        return bool(after) and not self.text[comma + 1 : after[0].start].strip(" ,").split()[2:]

    def _unnamed_official(self, clause_start: int, t0: int) -> bool:
        """ "The Secretary-General met ...", "The President received ...": a capitalised
        post with no name, opening the clause."""
        found = UNNAMED_OFFICIAL.search(self.text[clause_start:t0])
        return found is not None and found.group(1).lower() in TITLE_HEADS

    def _unknown_subject(self, clause_start: int, t0: int, trigger: str, state) -> bool:
        """Someone the text does not name met the people after the verb: "The minister met
        A and B" (unlike "Talks were held between A and B" or "A meeting with B")."""
        if RECIPROCAL.search(trigger.lower()) or NOMINAL.fullmatch(trigger.lower()):
            return False
        before = self.text[clause_start:t0]
        return bool(UNNAMED_SUBJECT.search(before)) and not self._implied_subject(
            state, clause_start, t0, trigger
        )

    def _salient(self, story, state: StoryState, a: int, b: int) -> list[int]:
        """The people before the verb; "He also met Z" after "X met Y" is X again, the
        story's protagonist, even where the pronoun's nearest antecedent is Y."""
        subjects = self.people(a, b)
        pronouns = {e for _, e in self.pronouns_in(a, b)}
        if (
            len(subjects) == 1
            and subjects[0] in pronouns
            and not self.mentions_in(a, b)
            and state.protagonist != subjects[0]
            and subjects[0] in state.met_objects
        ):
            # the pronoun's nearest antecedent was the one met, not the one meeting
            return [state.protagonist] if state.protagonist is not None else []
        return subjects

    def _one_per_country(self, counterparts: list[int], subjects: list[int], low: str) -> bool:
        """ "X met the ministers of A, B and C" / "met A's P, B's Q and C's R": a counterpart
        from each of several other countries is a series of bilaterals, unless the sentence
        says they met together."""
        countries = [self.persons[e].country for e in counterparts]
        own = {self.persons[e].country for e in subjects}
        return (
            all(countries)
            and len(set(countries)) == len(countries)
            and not own & set(countries)
            and not JOINTLY.search(low)
        )

    def _country_stop(self, cs: int, clause_start: int) -> str | None:
        """ "In Ghana, X met A, B and C": a stop of a tour, one meeting with its hosts."""
        lead = COUNTRY_STOP.match(self.text[cs : clause_start + 80])
        return lead and self.ctx.lexicon.country_for_phrase(lead.group(1))

    def _one_country(self, entities: list[int]) -> bool:
        """All from one country, or none with a known one: a delegation met together ("In
        Peru, X met the President A, the Foreign Minister B and the Trade Minister C", "met
        Minister of Trade A and Defence Minister B"); different countries tell bilaterals."""
        countries = {self.persons[e].country for e in entities}
        return len(countries) == 1

    def _different_posts(self, entities: list[int]) -> bool:
        posts = [self._role(e, None) for e in entities]
        return len({p.lower() for p in posts if p}) == len(entities) and all(posts)

    def _after_speaker_label(self, cs: int, sentence: str) -> set[int]:
        """ "Lin Haoran: Yesterday, X held talks with Y": a transcript's speaker label is
        who tells, not who met; the clause starts after it."""
        label = SPEAKER_LABEL.match(sentence)
        if label is None:
            return set()
        named = self.mentions_in(cs, cs + label.end())
        if len(named) == 1 and named[0].start == cs + label.start(1):
            return {cs + label.end()}
        return set()

    def _the_two(self, story: int, clause_start: int, t0: int) -> list[int]:
        """ "the two foreign ministers held talks": the two people the story has named who
        hold that post, when there are exactly two and no meeting of theirs was told yet."""
        found = THE_TWO.search(self.low[clause_start:t0])
        if found is None:
            return []
        words = found.group(1).split()
        plural = words[-1]
        singular = plural[:-3] + "y" if plural.endswith("ies") else plural[:-1]
        if singular in LEADERS:
            wanted = [{post} for post in HEADS_OF["state"] | HEADS_OF["government"] | LEADERS]
        elif singular in TITLE_HEADS:
            wanted = [set(words[:-1]) | {singular}]
        else:
            return []
        stories = self.ctx.document.stories
        start = stories[story].start if stories else 0
        people: list[int] = []
        for mention in self.mentions_in(start, clause_start):
            entity = mention.entity
            if entity in people:
                continue
            for position in self.persons[entity].positions:
                said = set(WORD.findall(position.title.lower()))
                if any(w <= said and not (LOWER_RANKS & said) - w for w in wanted):
                    people.append(entity)
                    break
        if len(people) != 2:
            return []
        if any(r.story == story and set(people) <= set(r.participants) for r in self.reports):
            return []  # "The two ministers discussed ...": the call or meeting told already
        return people

    def _implied_subject(
        self, state: StoryState, clause_start: int, t0: int, trigger: str = ""
    ) -> list[int]:
        """No one named before the verb: the visitor of the visit under way, or, for a
        nominal or passive encounter ("during the meeting with X", "were discussed with X"),
        the one person the story has told meeting others."""
        text = self.low[clause_start:t0]
        if state.visitor is not None and re.search(
            r"\b(?:visit|he|she|his|her|the)\b", text + " the"
        ):
            return [state.visitor]
        nominal = NOMINAL.fullmatch(trigger.lower())
        if nominal and self._named_after_fronted(clause_start, t0):
            return []  # "During his meeting with X, Orlov said": Orlov's, told elsewhere
        owner = re.search(r"\b(his|her)\s+$", text)
        if nominal and owner and self.coref is not None:
            # "his meeting with X": whose the pronoun says
            entity = self.coref.resolve(clause_start + owner.start(1), owner.group(1))
            if entity is not None:
                return [entity]
        if state.protagonist is not None and nominal:
            return [state.protagonist]
        return []

    def _visit(self, story, state: StoryState, t0, zone_end, cs, ce, subjects, dates, low):
        if not subjects:
            # "..., said the visiting Danish Trade Minister Holm": the visitor follows the word
            after = self.people(t0, min(zone_end, t0 + 120))
            subjects = after[:1]
        if not subjects:
            return
        status = self._status(low, t0 - cs, t0 - cs + 10, dates, state)
        if status != "reported":
            return
        visit_dates = [d for d in dates if cs <= d.start < ce]
        ranges = [d for d in visit_dates if d.end_date and d.precision == Precision.DAY]
        if any(self._past_or_future(d, state) for d in visit_dates if d.precision != Precision.DAY):
            return
        state.visitor = subjects[0]
        state.announced = None
        if ranges:
            state.visit_range = (ranges[0].date, ranges[0].end_date)
        city = self.city_in(t0, zone_end)
        if city:
            state.city, state.country = city
            return
        country = self._country_in(t0, min(zone_end, t0 + 80))
        if country and country != state.country:
            # "visited Ghana" under another country's dateline: where in Ghana is untold
            state.city, state.country = None, country

    def _country_in(self, a: int, b: int) -> str | None:
        """ISO code of the first country named in chars [a, b)."""
        for k in self._token_range(a, b):
            m = self.ctx.in_match.get(k)
            if m is not None and m.kind == "country" and m.start == k:
                return self.ctx.lexicon.country_for_phrase(self.ctx.span_text(m.start, m.end))
        return None
