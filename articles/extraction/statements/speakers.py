"""Speakers: speech verbs, their subjects ("Ostrova stressed", "..., said Varga", "he noted")
and attributions ("according to X", "in his view").
"""

from __future__ import annotations

from ..lexicons import APPEAL_AFTER_CALLED_ON, MONTHS, WEEKDAYS
from ..patterns import words
from .drafts import Attribution, Speaker
from .vocabulary import (
    ADVERBS,
    ASIDE_OPENERS,
    AUDIENCES,
    CIRCUMSTANCES,
    CONTINUING,
    COURTESIES,
    COURTESY_ONLY,
    GROUP_AFTER,
    GROUP_NOUNS,
    GROUP_ONLY,
    GROUP_PRONOUNS,
    INTRO_WORDS,
    INVERTED,
    MEDIA_NOUNS,
    NOTHING_SAID,
    OWNER_PREPOSITIONS,
    PARTICLES,
    PERSON_PRONOUNS,
    POST_VERBS,
    QUOTE_MARKS,
    RELATIVES,
    SPEECH,
    SUBJECT_OPENERS,
    TITLE_CONNECTORS,
    TITLE_WORDS,
    VIEW_WORDS,
)

OPENING_QUOTES = frozenset({'"', "\u201c", "\u2018", "'"})
AUDIENCE_VERBS = words("statement_audience_verbs")
SHORT_CIRCUMSTANCE = 13  # words of a circumstance with no comma: "said in his speech that"
CIRCUMSTANCE_REACH = 24  # with an aside between commas: "said on Monday, a day after ..., that"
AUDIENCE_REACH = 16  # words from "told" to its "that": the audience, where and when
QUOTING_VERBS = words("statement_quoting_verbs")
WELCOMING = frozenset({"welcomed", "welcomes", "welcoming"})
TOPIC_VERBS = words("statement_topic_verbs")
TOPIC_PREPOSITIONS = words("statement_topic_prepositions")
DATE_OPENERS = words("statement_date_openers")
QUOTED_AUXILIARIES = words("statement_quoted_auxiliaries")
CALLED_OBJECTS = words("statement_called_objects")
ENCOUNTER_NOUNS = words("statement_encounter_nouns")


class SpeakersMixin:
    """Part of ``StatementFinder``: who speaks, found from the speech verb."""

    # -- words -------------------------------------------------------------------------
    def _speech_verb(self, k: int, hi: int) -> bool:
        toks = self.tokens
        low = toks[k].lower
        if low not in SPEECH or not toks[k].text.islower():
            return False
        if low in PARTICLES:
            return k + 1 < hi and toks[k + 1].lower in PARTICLES[low]
        if low in POST_VERBS and k + 2 < hi and toks[k + 2].lower in MEDIA_NOUNS:
            return False  # "tweeted a picture of the meeting": a picture, not words
        if low in COURTESY_ONLY:
            return any(toks[j].lower in COURTESIES for j in range(k + 1, min(hi, k + 4)))
        if k + 1 < hi and toks[k + 1].lower == "by":
            return False  # "proposed by Xi": a participle, not this subject's speech
        after = tuple(t.lower for t in toks[k + 1 : min(hi, k + 3)])
        if any(after[: len(words)] == words for words in NOTHING_SAID.get(low, ())):
            return False  # "X, said to be close to ...", "X said nothing about ..."
        if low in WELCOMING and self._welcomes_a_person(k, hi):
            return False  # "X welcomed Y, who said ...": a greeting, not words of X's
        if low in ("called", "calls"):
            nxt = k + 1
            if nxt < hi and toks[nxt].lower == "on" and not self._appeal(nxt + 1, hi):
                return False  # a courtesy call: "called on Vice President X"
            if nxt < hi and (nxt in self.coref.mention_at or toks[nxt].lower in CALLED_OBJECTS):
                # a phone call, unless it names something: 'called the deal a "breakthrough"'
                ahead = [t.text for t in toks[nxt : min(hi, nxt + 10)]]
                return any(
                    w.lower() in ("a", "an")
                    and i + 1 < len(ahead)
                    and ahead[i + 1] in OPENING_QUOTES
                    for i, w in enumerate(ahead)
                )
        return True

    def _welcomes_a_person(self, k: int, hi: int) -> bool:
        """ "welcomed Y", "welcomed the visiting minister": a person welcomed, not something
        approved ("welcomed the agreement", "welcomed Y's decision")."""
        toks = self.tokens
        j = k + 1
        while j < hi and j - k <= 3 and toks[j].lower in ("the", "visiting", "his", "her"):
            j += 1
        m = self.coref.mention_at.get(j)
        if m is None:
            return False
        _, b = self.coref.tokens_of(m)
        return b >= hi or toks[b].text not in ("'s", "’s")

    def _agreed_aloud(self, v: int, hi: int) -> bool:
        """ "X agreed that ...", "X agreed, saying ...": a person's words, unlike "X agreed
        to attend"."""
        toks = self.tokens
        nxt = [toks[j].lower for j in range(v + 1, min(hi, v + 3))]
        return nxt[:1] == ["that"] or (
            nxt[:1] == [","] and nxt[1:2] in (["saying"], ["adding"], ["noting"], ["stressing"])
        )

    def _appeal(self, k: int, hi: int) -> bool:
        """Whether "called on ..." from token ``k`` asks someone to act ("called on all
        sides to show restraint") rather than visits them."""
        if k >= hi:
            return False
        toks = self.tokens
        after = self.ctx.text[toks[k].start : toks[hi - 1].end].lower()
        return APPEAL_AFTER_CALLED_ON.match(" " + after) is not None

    # -- subjects ----------------------------------------------------------------------
    def _skip_back(self, k: int, lo: int) -> int:
        """The last token of a subject before token ``k`` (exclusive), skipping adverbs,
        dates and asides between commas; -1 when there is none."""
        toks = self.tokens
        steps = 0
        while k > lo and steps < 60:
            steps += 1
            t = toks[k - 1]
            low = t.lower
            if low in ADVERBS:
                k -= 1
                continue
            if (low in WEEKDAYS or low in MONTHS or low.isdigit()) and (
                k - 1 not in self.coref.mention_at  # "Gao Jun said": a name's last word
            ):
                p = k - 1
                while p > lo and (
                    toks[p - 1].lower in MONTHS
                    or toks[p - 1].lower.isdigit()
                    or toks[p - 1].lower in WEEKDAYS
                ):
                    p -= 1
                if p > lo and toks[p - 1].lower in DATE_OPENERS:
                    k = p - 1
                    continue
                if p > lo and toks[p - 1].lower in ADVERBS:
                    k = p
                    continue
                return -1
            if t.text == ")":
                p = k - 1
                while p > lo and toks[p].text != "(" and k - p < 12:
                    p -= 1
                if toks[p].text == "(":
                    k = p
                    continue
                return -1
            if t.text == ",":
                if k - 2 >= lo and (
                    k - 2 in self.coref.mention_at or toks[k - 2].lower in PERSON_PRONOUNS
                ):
                    return k - 2  # "Ostrova, who also chairs ..., said": the aside is behind us
                # an aside: ", also a member of ..., " / ", for his part, "
                p = k - 2
                while (
                    p >= lo
                    and toks[p].text not in (",", ";", ":", '"')
                    and not toks[p].newline
                    and k - p < 40
                ):
                    p -= 1
                if p < lo or toks[p].text != ",":
                    return -1
                opener = toks[p + 1].lower
                if (
                    opener in ASIDE_OPENERS
                    or opener in TITLE_WORDS
                    or opener in ("his", "her")
                    or (
                        self.ctx.in_match.get(p + 1) is not None
                        and toks[p + 2].lower in TITLE_WORDS
                    )
                ):
                    k = p + 1
                    continue
                return -1
            return k - 1
        return -1

    def _subject_before(self, v: int, lo: int) -> Speaker | None:
        e = self._skip_back(v, lo)
        if e < lo:
            return self._open_apposition(v, lo) or self._encounter_aside(v, lo)
        return (
            self._subject_ending(e, lo)
            or self._open_apposition(v, lo)
            or self._encounter_aside(v, lo)
        )

    def _encounter_aside(self, v: int, lo: int) -> Speaker | None:
        """ "X in a meeting with Y in Muscat on Sunday said": an encounter told between the
        speaker and the verb, with no commas around it."""
        toks = self.tokens
        for j in range(v - 1, max(lo, v - 30), -1):
            if toks[j].text in (";", ":", '"') or toks[j].lower in SPEECH:
                return None
            if (
                toks[j].lower in ("in", "during")
                and j + 3 < v
                and toks[j + 1].lower in ("a", "an", "his", "her", "the", "their")
                and toks[j + 2].lower in ENCOUNTER_NOUNS
                and any(toks[k].lower == "with" for k in range(j + 3, min(v, j + 6)))
            ):
                return self._subject_ending(j - 1, lo)
        return None

    def _open_apposition(self, v: int, lo: int) -> Speaker | None:
        """ "Jane Roe, an analyst at a bank said": an apposition whose closing comma is
        missing sits between the name and the verb."""
        toks = self.tokens
        for p in range(v - 2, max(lo, v - 14) - 1, -1):
            if toks[p].text == "," and toks[p + 1].lower in ("a", "an", "the"):
                m = self.coref.mention_at.get(p - 1)
                if m is None or self.coref.tokens_of(m)[1] != p:
                    return None
                a, b = self.coref.tokens_of(m)
                return Speaker(m.entity, self._title_start(a, lo), b)
            if toks[p].text in (",", ";", ":", '"') or toks[p].lower in SPEECH:
                return None
        return None

    def _subject_ending(self, e: int, lo: int) -> Speaker | None:
        toks = self.tokens
        if toks[e].lower == "who" and e - 2 >= lo and toks[e - 1].text == ",":
            # "X welcomed Y, who said ...": the one the relative clause is about, when that
            # one is an object (not "Y, who conceded the vote, stayed home and said")
            named = self.coref.mention_at.get(e - 2)
            if (
                named is not None
                and self.coref.tokens_of(named)[1] == e - 1
                and self._object_of_a_word(e - 2)
            ):
                a, b = self.coref.tokens_of(named)
                return Speaker(named.entity, a, b)
        m = self.coref.mention_at.get(e)
        if m is not None:
            a, b = self.coref.tokens_of(m)
            if b - 1 != e:
                return None
            if (
                m.form == "title"
                and a - 2 >= lo
                and toks[a - 1].text == ","
                and a - 2 in self.coref.mention_at
                and b < len(toks)
                and toks[b].text == ","
            ):
                return self._subject_ending(a - 2, lo)  # "Jane Roe, foreign minister of X, said"
            if self._coordinated(a, lo):
                return Speaker(None, self._group_start(a, lo), b, group=True)
            start = self._title_start(a, lo)
            if start - 1 >= lo and toks[start - 1].lower in OWNER_PREPOSITIONS:
                # "a spokesman for X said", "an aide to X said": someone else speaks
                return Speaker(None, self._group_start(start - 1, lo), b)
            return Speaker(m.entity, self._post_set_off_before(start, lo), b)
        low = toks[e].lower
        if low in PERSON_PRONOUNS:
            if e - 1 > lo and toks[e - 1].lower == "and" and e - 2 in self.coref.mention_at:
                return Speaker(None, e - 2, e + 1, group=True)  # "Xi and he agreed"
            return Speaker(self.coref.resolve(toks[e].start, low), e, e + 1)
        if low in GROUP_PRONOUNS:
            return Speaker(None, e, e + 1, group=True)
        if low in GROUP_NOUNS:
            start = self._group_start(e, lo)
            if (
                start > lo
                and toks[start - 1].text not in (",", ";", ":", '"')
                and toks[start - 1].lower not in GROUP_AFTER
            ):
                return None  # an object: "thanked the delegates and asked for ..."
            return Speaker(None, start, e + 1, group=True)
        return None

    def _title_start(self, a: int, lo: int) -> int:
        """Start of the title before a name: "Latvian Foreign Minister Ilze Ostrova"."""
        toks = self.tokens
        k = a
        while k - 1 >= lo and a - k < 25:
            t = toks[k - 1]
            if (
                t.lower in TITLE_WORDS
                or self.ctx.in_match.get(k - 1) is not None
                or (t.is_cap and t.is_word)
            ):
                k -= 1
            elif t.text in "()" or t.lower in TITLE_CONNECTORS:
                p = k - 1
                while p - 1 >= lo and toks[p - 1].lower in TITLE_CONNECTORS:
                    p -= 1
                lower_title = toks[p - 1].lower in TITLE_WORDS and all(
                    toks[j].lower in ("of", "the") for j in range(p, k)
                )  # "secretary of state", never "a spokesman for"
                if p - 1 >= lo and ((toks[p - 1].is_cap and toks[p - 1].is_word) or lower_title):
                    k = p  # "Office of Trade and Maritime Questions of the ...", "secretary of state"
                else:
                    break
            else:
                break
        while k < a and (toks[k].lower in TITLE_CONNECTORS or toks[k].text in "()"):
            k += 1
        return k

    def _post_set_off_before(self, a: int, lo: int) -> int:
        """Start of a post set off by commas before the name at ``a`` ("..., the spokesman
        for the presidency, X, said"): the speaker's words end before it."""
        toks = self.tokens
        if a - 2 < lo or toks[a - 1].text != ",":
            return a
        k = a - 2
        # back to the determiner that opens the post after a comma ("for the presidency"
        # holds a "the" of its own)
        while k > lo and a - k < 10:
            if toks[k].lower in ("the", "a", "an") and toks[k - 1].text in (",", ";", ":"):
                break
            if not (toks[k].is_word or toks[k].text in ("'s", "’s")):
                return a
            k -= 1
        if toks[k].lower not in ("the", "a", "an") or toks[k - 1].text not in (",", ";", ":"):
            return a
        if not any(toks[j].lower in TITLE_WORDS for j in range(k + 1, a - 1)):
            return a
        return k

    def _coordinated(self, a: int, lo: int) -> bool:
        """Whether the name at token ``a`` is the last of several: "X and Minister Y"."""
        toks = self.tokens
        k = a - 1
        while (
            k >= lo
            and (toks[k].lower in TITLE_WORDS or self.ctx.in_match.get(k) is not None)
            and toks[k].lower != "and"
        ):
            k -= 1
        if k < lo or toks[k].lower not in ("and", "&"):
            return False
        # "Deputy Prime Minister and Foreign Minister X": one person's two posts
        return not (k - 1 >= lo and toks[k - 1].lower in TITLE_WORDS)

    def _group_start(self, e: int, lo: int) -> int:
        toks = self.tokens
        k = e
        while k - 1 >= lo and e - k < 12:
            t = toks[k - 1]
            if t.text in (",", ";", ":", '"') or t.newline or t.lower in ADVERBS:
                break
            if t.lower in ("said", "that") or t.lower in SPEECH:
                break
            k -= 1
        return k

    def _subject_after(self, v: int, hi: int) -> Speaker | None:
        """The subject of an inverted verb: "..., said Latvian Foreign Minister Ilze Ostrova"."""
        toks = self.tokens
        k = v + 1
        while k < hi and k - v <= 10:
            m = self.coref.mention_at.get(k)
            if m is not None:
                a, b = self.coref.tokens_of(m)
                if a != k:
                    return None
                if b < hi and toks[b].lower == "and":
                    return Speaker(None, k, b, group=True)
                return Speaker(m.entity, k, b)
            low = toks[k].lower
            if k == v + 1 and low in PERSON_PRONOUNS:
                return Speaker(self.coref.resolve(toks[k].start, low), k, k + 1)
            if k == v + 1 and low in GROUP_PRONOUNS:
                return Speaker(None, k, k + 1, group=True)
            if (
                low in TITLE_WORDS
                or low in ("the", "visiting", "'s")
                or self.ctx.in_match.get(k) is not None
                or (low in TITLE_CONNECTORS and k > v + 1 and toks[k - 1].is_cap)
            ):
                k += 1
                continue
            if toks[k].is_cap and toks[k].is_word:
                k += 1
                continue
            return None
        return None

    def _main_subject(self, s_start: int, v: int) -> Speaker | None:
        """The subject that opens the sentence holding token ``v``, past an opening phrase
        ("In a call on Monday, X ...") and the title before a name: whom a participle after a
        comma ("..., saying: ...", "..., emphasizing that ...") belongs to."""
        toks = self.tokens
        k = s_start
        while k < v and toks[k].text in ('"', "-", "--", "\u2014", "(", "*"):
            k += 1
        if k < v and toks[k].lower in INTRO_WORDS:
            comma = next((j for j in range(k + 1, min(v, k + 16)) if toks[j].text == ","), None)
            if comma is None:
                return None
            k = comma + 1
        low = toks[k].lower if k < v else ""
        if low in PERSON_PRONOUNS:
            return Speaker(self.coref.resolve(toks[k].start, low), k, k + 1)
        if low in GROUP_PRONOUNS:
            return Speaker(None, k, k + 1, group=True)
        for j in range(k, min(v, k + 12)):
            m = self.coref.mention_at.get(j)
            if m is not None:
                a, b = self.coref.tokens_of(m)
                if a != j or self._title_start(a, k) != k or b >= v:
                    return None
                if toks[b].lower in ("and", "&"):
                    return Speaker(None, k, b, group=True)
                return Speaker(m.entity, k, b)
            if toks[j].lower in GROUP_NOUNS:
                return Speaker(None, k, j + 1, group=True)
            t = toks[j]
            if not (t.lower in TITLE_WORDS or t.lower in SUBJECT_OPENERS or t.is_cap):
                return None  # past the subject: "X highlighted the ... officials and noted"
        return None

    def _quoted_at(self, v: int) -> int | None:
        """The "quoted" of "X was quoted (by the agency) as saying" before ``v``: the speech
        is the subject's of "was"."""
        toks = self.tokens
        if v < 3 or toks[v].lower != "saying" or toks[v - 1].lower != "as":
            return None
        # "was quoted by the state news agency as saying": who quoted, left out
        for q in range(v - 2, max(0, v - 9), -1):
            if toks[q].lower == "quoted":
                if q - 1 >= 0 and toks[q - 1].lower in QUOTED_AUXILIARIES:
                    if q == v - 2 or toks[q + 1].lower == "by":
                        return q
                return None
            if not toks[q].is_word:
                return None
        return None

    def _quoted_object(self, v: int) -> Speaker | None:
        """ "The ministry quoted X as saying ...": X speaks."""
        toks = self.tokens
        if v < 4 or toks[v].lower != "saying" or toks[v - 1].lower != "as":
            return None
        m = self.coref.mention_at.get(v - 2)
        if m is None:
            return None
        a, b = self.coref.tokens_of(m)
        a = self._title_start(a, max(0, a - 12))  # "quoted Foreign Minister X as saying"
        if b != v - 1 or a < 1 or toks[a - 1].lower not in QUOTING_VERBS:
            return None
        return Speaker(m.entity, a, b)

    def _coordinated_subject(self, v: int) -> Speaker | None:
        """The subject of "X, who ..., failed to attend and said ...", "X was grateful ...
        and reiterated ...": a speech verb after "and" shares the sentence's subject."""
        toks = self.tokens
        k = v - 1
        while k > 0 and toks[k].lower in ADVERBS:
            k -= 1
        if toks[k].lower != "and" or self._coordinated_names(k - 1):
            return None
        s_start, _ = self.ctx.sentence_of(v)
        speaker = self._main_subject(s_start, k)
        if speaker is None:
            return None
        between = [t.lower for t in toks[speaker.end : k]]
        for i, w in enumerate(between):
            if w in RELATIVES and "," not in between[i:]:
                return None  # "X received Y, who thanked him and said": Y speaks
            if w in (",", ";") and i + 1 < len(between) and between[i + 1] in ("and", "but"):
                return None  # a second clause with a subject of its own
        return speaker

    def _coordinated_names(self, e: int) -> bool:
        """Whether the person mention ending at token ``e`` is one of several subjects ("A
        and B said"), not the object of a verb ("welcomed the ambassador and said")."""
        return e in self.coref.mention_at and not self._object_of_a_word(e)

    def _object_of_a_word(self, e: int) -> bool:
        """Whether the person mention ending at token ``e`` follows a lower-case word (a
        verb or preposition: "welcomed Y", "met with Y"), not opening its clause."""
        m = self.coref.mention_at.get(e)
        if m is None:
            return False
        toks = self.tokens
        p = self.coref.tokens_of(m)[0] - 1
        while p >= 0 and toks[p].lower == "the":
            p -= 1
        return p >= 0 and toks[p].is_word and toks[p].text.islower() and toks[p].lower != "and"

    def _participle_attribution(self, v: int, s_start: int, hi: int) -> Attribution | None:
        """ "X referred to ..., saying: ..." / "X exchanged views ..., emphasizing that ...":
        the participle speaks for the sentence's subject."""
        toks = self.tokens
        if toks[v].lower not in CONTINUING or v - 1 <= s_start or toks[v - 1].text != ",":
            return None
        speaker = self._main_subject(s_start, v)
        if speaker is None:
            return None
        end = v + 1
        while end < hi and toks[end].lower in ("that", ":", ","):
            end += 1
        return Attribution(v, speaker, v, end)

    # -- attributions ------------------------------------------------------------------
    def _attribution_at(self, v: int, lo: int, hi: int) -> Attribution | None:
        """The attribution whose speech verb is token ``v``, looking no further than [lo, hi)."""
        toks = self.tokens
        quoted = self._quoted_at(v)  # "X was quoted as saying"
        quoted_object = None if quoted is not None else self._quoted_object(v)
        if not (self._speech_verb(v, hi) or quoted is not None or quoted_object is not None):
            return None
        low = toks[v].lower
        speaker = None if quoted is not None else quoted_object or self._subject_before(v, lo)
        inverted = False
        if speaker is None and low in INVERTED:
            p = v - 1
            while p >= lo and toks[p].lower in ADVERBS:
                p -= 1
            if p >= lo and (toks[p].text == "," or toks[p].text in QUOTE_MARKS):
                speaker = self._subject_after(v, hi)
                inverted = True
        if speaker is None and quoted is not None:
            # "X was quoted (by the agency) as saying"
            speaker = self._subject_before(quoted - 1, lo)
        if speaker is None:
            speaker = self._coordinated_subject(v)
        if speaker is None:
            return None
        if low in GROUP_ONLY and not speaker.group and not self._agreed_aloud(v, hi):
            return None
        start = min(speaker.start, v)
        end = max(speaker.end, v + 1) if inverted else v + 1
        if not inverted:
            end = self._after_verb(v, hi)
        return Attribution(v, speaker, start, end, inverted)

    def _after_verb(self, v: int, hi: int) -> int:
        """First content token after the verb: past particles, "that", "reporters that"."""
        toks = self.tokens
        k = v + 1
        low = toks[v].lower
        while k < hi and toks[k].lower in PARTICLES.get(low, ()) + ("highly", "also"):
            k += 1
        if k < hi and toks[k].lower in TOPIC_PREPOSITIONS and low in TOPIC_VERBS:
            k += 1
        if low in AUDIENCE_VERBS:
            # "told reporters that", "told a joint news conference with X on Monday that"
            for p in range(k, min(hi, k + AUDIENCE_REACH)):
                if toks[p].lower in ("that", ":"):
                    return p + 1
                if toks[p].text in (".", ";", "!", "?") or toks[p].text in QUOTE_MARKS:
                    break
            # "told reporters the talks went well": the audience, then the words
            j = k + (k < hi and toks[k].lower == "the")
            if j + 1 < hi and toks[j].lower in AUDIENCES:
                k = j + 1
        k = self._past_circumstance(k, hi)
        if k < hi and toks[k].lower in ("that", ":", ","):
            k += 1
        if k < hi and toks[k - 1].text == "," and toks[k].lower in CONTINUING:
            k += 1  # "X agreed, saying that ...": the words are what follows
            if k < hi and toks[k].lower == "that":
                k += 1
        return k

    def _past_circumstance(self, k: int, hi: int) -> int:
        """The "that" ending a circumstance between a verb and its clause: "said here Sunday
        that ...", "said in his speech that ...", "told reporters on arrival that ..."."""
        toks = self.tokens
        if k >= hi or not (
            toks[k].lower in CIRCUMSTANCES
            or toks[k].lower in WEEKDAYS
            or toks[k].lower in MONTHS
            or toks[k - 1].lower in CIRCUMSTANCES  # a particle: "posted on social media:"
            or self._to_audience(k, hi)
        ):
            return k
        comma = False  # "said on Monday, a day after meeting X in Y, that ...": an aside
        for j in range(k + 1, min(hi, k + CIRCUMSTANCE_REACH)):
            if toks[j].lower == "that" and (not comma or toks[j - 1].text == ","):
                return j
            if toks[j].text == ":" and not comma:  # "wrote on X: ..."
                return j
            if toks[j].text == ",":
                comma = True
                continue
            if (not toks[j].is_word and not toks[j].is_hyphen) or toks[j].lower in SPEECH:
                break  # (a hyphen stays inside a circumstance: "in an op-ed that")
            if not comma and j - k >= SHORT_CIRCUMSTANCE:
                break
        return k

    def _to_audience(self, k: int, hi: int) -> bool:
        """ "said to reporters that", "said to the press that" (never "agreed to work ...")."""
        toks = self.tokens
        if toks[k].lower != "to":
            return False
        j = k + 1
        if j < hi and toks[j].lower == "the":
            j += 1
        return j < hi and toks[j].lower in AUDIENCES

    def _clause_ends(self, k: int, end: int) -> bool:
        """Whether nothing but circumstances follow a verb: '," he said on Monday.'"""
        toks = self.tokens
        return (
            k >= end
            or toks[k].text == ","
            or toks[k].text in QUOTE_MARKS
            or toks[k].lower in CIRCUMSTANCES
        )

    def _according_to(self, lo: int, hi: int) -> list[tuple[Attribution, int, int]]:
        """ "According to X," and "In his view," attributions: (attribution, start, end)."""
        toks = self.tokens
        out = []
        for k in range(lo, hi - 2):
            low = toks[k].lower
            if low == "according" and toks[k + 1].lower == "to":
                e = k + 2
                m = self.coref.mention_at.get(e)
                if m is not None:
                    a, b = self.coref.tokens_of(m)
                    if a != e:
                        continue
                    speaker = Speaker(m.entity, a, b)
                elif toks[e].lower in ("him", "her"):
                    word = "he" if toks[e].lower == "him" else "she"
                    speaker = Speaker(self.coref.resolve(toks[e].start, word), e, e + 1)
                    b = e + 1
                else:
                    continue
                out.append((Attribution(k, speaker, k, b), k, b))
            elif (
                low == "in"
                and toks[k + 1].lower in ("his", "her")
                and toks[k + 2].lower in VIEW_WORDS
            ):
                e = k + 1
                speaker = Speaker(self.coref.resolve(toks[e].start, toks[e].lower), e, e + 1)
                out.append((Attribution(k, speaker, k, k + 3), k, k + 3))
        return out
