"""Reported speech: one sentence at a time, the content around a speech verb."""

from __future__ import annotations

import bisect
import re

from ..patterns import words
from .drafts import Attribution, Draft, Speaker
from .vocabulary import (
    CIRCUMSTANCES,
    CLAUSE_BREAKS,
    CONTINUING,
    COURTESIES,
    COURTESY_VERBS,
    INVERTED,
    MIN_WORDS,
    NOT_AN_OCCASION,
    QUOTE_MARKS,
    REPORT_VERBS,
    SPEECH,
    WISHING_VERBS,
)

# the words among the clause breaks ("and", "but", "while" ...), without the punctuation
CLAUSE_BREAK_WORDS = frozenset(w for w in CLAUSE_BREAKS if w.isalpha())
OCCASION_PREPOSITIONS = words("statement_occasion_prepositions")
CLAUSE_VERBS = words("statement_clause_verbs")


class ReportedMixin:
    """Part of ``StatementFinder``: statements in reported speech."""

    # -- reported speech -------------------------------------------------------------------
    def find_reported(self):
        toks = self.tokens
        for s_start, s_end in self.ctx.sentences:
            if all(k in self.consumed for k in range(s_start, s_end) if toks[k].is_word):
                continue
            hi = s_end
            while hi > s_start and (
                toks[hi - 1].text in (".", "!", "?", "...", "\u2026")
                or toks[hi - 1].text in QUOTE_MARKS
            ):
                hi -= 1
            attributions = []
            verbs = sum(
                1 for v in range(s_start, hi) if toks[v].lower in SPEECH and v not in self.consumed
            )
            for at, _s, _e in self._according_to(s_start, hi):
                # "In her view, ..., said an official": the verb names the speaker, not "her"
                if at.verb not in self.consumed and not verbs:
                    attributions.append(at)
            for v in range(s_start, hi):
                if v in self.consumed or (
                    toks[v].lower not in SPEECH and toks[v].lower != "saying"
                ):
                    continue
                at = self._attribution_at(v, s_start, hi)
                if at is not None:
                    attributions.append(at)
            if not attributions:
                attributions = self._participles(s_start, hi)
            if attributions:
                attributions.sort(key=lambda at: at.start)
                self._sentence_statements(attributions, s_start, hi)

    def _participles(self, s_start: int, hi: int) -> list[Attribution]:
        """A sentence with no speech verb of its own may speak through a participle:
        "X exchanged views on ..., emphasizing the importance of ..."."""
        for v in range(s_start + 2, hi):
            if v not in self.consumed:
                at = self._participle_attribution(v, s_start, hi)
                if at is not None:
                    return [at]
        return []

    def _trailing(self, at: Attribution, s_start: int, hi: int) -> bool:
        """Whether the attribution follows its content: "..., Varga said (, adding that ...)"."""
        toks = self.tokens
        if at.start - s_start < 3:
            return False
        if toks[at.start - 1].text != "," and not (
            toks[at.start - 1].text in QUOTE_MARKS and toks[at.start - 2].text == ","
        ):
            return False
        if toks[at.start].lower == "according":
            return True
        if at.inverted:
            return True
        end = at.verb + 1
        if end >= hi or toks[end].text == ",":
            return True
        if self._own_post_before(at, s_start):
            return False  # "The UN envoy for Syria, X, said on Friday the ...": the post
        # "..., Ambassador X said at the forum in Baku." : only a circumstance follows
        rest = [t.lower for t in toks[end:hi]]
        words_before = sum(1 for t in toks[s_start : at.start] if t.is_word)
        if toks[at.verb].lower in ("told", "tells") and "that" not in rest and len(rest) <= 8:
            return words_before >= 4  # "..., X told reporters."
        return (
            toks[at.verb].lower in INVERTED
            and rest[0] in CIRCUMSTANCES
            and "that" not in rest
            and ":" not in rest
            and len(rest) <= 30
            and words_before >= 6
        )

    def _own_post_before(self, at: Attribution, s_start: int) -> bool:
        """The words before the comma are the speaker's own post, told before the name
        ("The UN special envoy for Syria, X, said ..."), not words of theirs."""
        if at.speaker.entity is None:
            return False
        text = self.ctx.document.text
        told = text[self.tokens[s_start].start : self.tokens[at.start - 1].start].lower()
        told = re.split(r"--|[—–):]", told)[-1].strip()  # after a dateline
        words = told.split()
        if CLAUSE_VERBS & set(words):
            return False  # "Norway's minister is ready to mediate, X said": words said
        return any(
            p.title.lower() in told and len(words) <= len(p.title.split()) + 4
            for p in self.result.persons[at.speaker.entity].positions
        )

    def _sentence_statements(self, attributions: list[Attribution], s_start: int, hi: int):
        toks = self.tokens
        trailing = next((at for at in attributions if self._trailing(at, s_start, hi)), None)
        if trailing is not None and any(
            at.start < trailing.start
            and not at.speaker.group
            and not self._same_speaker(at.speaker, trailing.speaker)
            for at in attributions
        ):
            trailing = None  # "X described ..., while Y, foreign minister of Z, briefed ..."
        if trailing is not None:
            before = (self._past_report(s_start, trailing.start - 1), trailing.start - 1)
            end = max(trailing.end, trailing.verb + 1)
            if trailing.inverted or toks[trailing.start].lower == "according":
                end = trailing.end
            else:
                end = trailing.verb + 1
            parts = [before]
            if end < hi and toks[end].text == ",":
                k = end + 1
                if k < hi and toks[k].lower in CONTINUING:
                    k += 1
                    if k < hi and toks[k].lower == "that":
                        k += 1
                elif k < hi and toks[k].lower == "and":
                    k += 1
                if k < hi:
                    parts.append((k, hi))
            self._add(parts, trailing.speaker)
            return
        # leading attributions: content after the verb, up to another speaker's clause
        i = 0
        while i < len(attributions):
            at = attributions[i]
            j = i + 1
            stop = hi
            while j < len(attributions):
                nxt = attributions[j]
                if (
                    not self._same_speaker(at.speaker, nxt.speaker)
                    and toks[nxt.start - 1].lower in CLAUSE_BREAKS
                ):
                    stop = nxt.start - 1
                    while (
                        stop > at.end
                        and toks[stop - 1].text in (",", ";")
                        or toks[stop - 1].lower in CLAUSE_BREAK_WORDS
                    ):
                        stop -= 1
                    break
                j += 1
            if self._greetings(at, stop):
                # "X conveyed Y's greetings to Z": a courtesy, not a statement, unless X goes
                # on to say something ("... and expressed the hope that ...")
                then = self._then_said(at.end, stop)
                if then is not None and not self._courtesy(then - 1, then, stop):
                    self._add([(then, stop)], at.speaker)
                i = j
                continue
            second = self._second_verb(at.end, stop)
            parts = [(at.end, second[0] if second else stop)]
            prefix = self._speech_prefix(s_start, at.start)
            if prefix:
                parts.insert(0, prefix)
            if second:
                # "X expressed gratitude ... and stated that Y": one sentence, one statement
                parts.append((second[1], stop))
            self._add(parts, at.speaker)
            i = j

    def _past_report(self, a: int, b: int) -> int:
        """Where the words start after a report that carries them: "The Daily further
        reported that ..., according to X" is X's words, not the newspaper's."""
        toks = self.tokens
        for k in range(a + 1, min(b - 1, a + 14)):
            if toks[k].lower in REPORT_VERBS and toks[k + 1].lower == "that":
                if any(j in self.coref.mention_at for j in range(a, k)):
                    return a  # a person's report is theirs: "X told Y that ..."
                return k + 2
            if toks[k].text in (",", ";", ":") or toks[k].text in QUOTE_MARKS:
                break
        return a

    def _greetings(self, at: Attribution, stop: int) -> bool:
        """Greetings, regards or wishes conveyed or extended, with nothing more said."""
        return self._courtesy(at.verb, at.end, stop)

    def _courtesy(self, verb: int, start: int, stop: int) -> bool:
        """Whether the speech verb at ``verb`` with its words from ``start`` passes on a
        courtesy only: "conveyed greetings from X", "wished the people of X peace"."""
        toks = self.tokens
        words = [t.lower for t in toks[start : min(stop, start + 12)]] + ["", ""]
        if toks[verb].lower in WISHING_VERBS:
            # "wished the people of X peace and prosperity"; not "wished that ..."
            return toks[start - 1].lower != "that"
        if toks[verb].lower not in COURTESY_VERBS:
            return False
        for i, w in enumerate(words[:-2]):
            if w in COURTESIES:
                # "congratulations on the anniversary", "condolences to the people over the
                # attack": said about something, unlike greetings passed on "on behalf of"
                # someone; the occasion may follow the one they are addressed to
                occasion = any(
                    words[j] in OCCASION_PREPOSITIONS
                    and words[j + 1] not in NOT_AN_OCCASION
                    and not words[j + 1][:1].isdigit()
                    for j in range(i + 1, min(i + 7, len(words) - 1))
                )
                return not occasion and "that" not in words
        return False

    def _then_said(self, a: int, b: int) -> int | None:
        """Where the words start after "and" and a speech verb: "... and expressed ..."."""
        toks = self.tokens
        for k in range(a + 1, b - 2):
            if (
                toks[k].lower == "and"
                and toks[k + 1].lower in SPEECH
                and k + 1 not in self.consumed
            ):
                return k + 2
        return None

    def _second_verb(self, a: int, b: int) -> tuple[int, int] | None:
        """(end of the first content, start of the second) when the speaker goes on with a
        second speech verb and a that-clause: "... and stated that ...", "..., adding that"."""
        toks = self.tokens
        for k in range(a + 1, b - 2):
            if (
                toks[k].lower in ("and", ",")
                and toks[k + 1].lower in SPEECH
                and toks[k + 2].lower == "that"
                and k + 1 not in self.consumed  # not inside a quotation already taken
            ):
                return k, k + 3
        return None

    def _speech_prefix(self, s_start: int, a: int) -> tuple[int, int] | None:
        """ "Noting that ..., X said ...": the participle clause is part of what was said."""
        toks = self.tokens
        if a - s_start < 3 or toks[s_start].lower not in CONTINUING or toks[a - 1].text != ",":
            return None
        k = s_start + 1
        if toks[k].lower == "that":
            k += 1
        return (k, a - 1)

    def _body_start(self, a: int) -> int | None:
        story = self.ctx.story_at(self.tokens[a].start)
        if story is None or story.body_start is None:
            return None
        k = bisect.bisect_left(self._token_starts, story.body_start)
        return k if k < len(self.tokens) else None

    def _same_speaker(self, x: Speaker, y: Speaker) -> bool:
        if x.group or y.group:
            return x.group and y.group
        return x.entity is not None and x.entity == y.entity

    def _add(self, parts, speaker: Speaker):
        toks = self.tokens
        clean = []
        for a, b in parts:
            body = self._body_start(a)
            if body is not None and a < body < b:
                a = body  # "ASTANA, May 21 (Xinhua) -- ...": the dateline is not said
            while a < b and (
                toks[a].text in (",", ":", ";")
                or toks[a].text in QUOTE_MARKS
                or toks[a].lower == "that"
            ):
                a += 1
            while b > a and (
                toks[b - 1].text in (",", ":", ";", "-") or toks[b - 1].text in QUOTE_MARKS
            ):
                b -= 1
            if b > a:
                clean.append((a, b))
        if (
            not clean
            or sum(1 for a, b in clean for k in range(a, b) if toks[k].is_word) < MIN_WORDS
        ):
            return
        self.drafts.append(Draft(clean, speaker))
