"""Statements: quotations and reported speech attributed to a person or to a group.

Two passes over a document. Quotations first: quotation marks are paired within a
paragraph (an unclosed quotation ends with its paragraph; a stray closing mark opens at the
paragraph's start), and a quotation is a statement when an attribution ("..., he said",
"X said: ...") sits next to it; an unattributed quotation right before or after an
attributed one continues it. Then reported speech, one sentence at a time: a speech verb
whose subject is a person ("Tokayev stressed", "..., said Wang", "the Chinese foreign
minister recalled", "he noted", "according to X"). The content is the sentence without the
attribution; a second verb of the same speaker in the sentence ("..., adding that ...")
stays in the same statement. Subjects that are groups ("the two sides", "they") give
statements without a speaker; when no subject can be found there is no statement, and a
subject that cannot be resolved gives no speaker rather than a guess.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from .context import Context
from .coreference import Coreference
from .lexicons import DOMAIN_WORDS, MONTHS, SPEECH_VERBS, TITLE_HEADS, TITLE_MODIFIERS, WEEKDAYS
from .types import Extraction, MeetingCandidate, Precision, StatementCandidate

# Listed speech verbs that news uses as often for things that are not speech.
NOT_SPEECH = frozenset(
    """
    supported supports continued continues shared shares invited invites expected expects
    states thanks remarks comments notes calls points voices wishes hopes briefs
    """.split()
)
SPEECH = (SPEECH_VERBS - NOT_SPEECH) | frozenset(
    "touched asked agreed spelled spelt wrote tweeted quoted".split()
)
# Verbs that need a particle to be speech: "put forward", "pointed out", "spoke about".
PARTICLES = {
    "put": ("forward",),
    "pointed": ("out",),
    "looked": ("forward",),
    "looks": ("forward",),
    "spoke": ("about", "of", "highly", "on"),
    "speaks": ("about", "of", "highly", "on"),
    "touched": ("upon", "on"),
}
# Speech verbs that a group subject takes too ("the sides agreed").
GROUP_ONLY = frozenset({"agreed"})
# Verbs that come before their subject after a comma or a quotation: "..., said Wang".
INVERTED = frozenset(
    """
    said says added adds noted notes stressed stresses explained explains concluded
    remarked observed insisted argued declared stated asked emphasized emphasised
    continued wrote told underlined underscored recalled
    """.split()
)
# Participles that continue the same statement: "..., adding that ...".
CONTINUING = frozenset(
    """
    adding noting stressing saying emphasizing emphasising highlighting underscoring
    underlining stating expressing recalling calling urging pointing reiterating praising
    describing arguing insisting warning welcoming hailing thanking voicing affirming
    reaffirming expressing
    """.split()
)
# Words between a subject and its verb: "He also noted", "Wang further stressed".
ADVERBS = frozenset(
    """
    also further then once again highly later earlier repeatedly particularly especially
    specifically strongly firmly briefly previously subsequently separately additionally
    meanwhile here there today yesterday reportedly has had have will would explicitly
    clearly publicly openly warmly sincerely likewise similarly too
    """.split()
)
# Words that open an apposition or aside between a subject and its verb.
ASIDE_OPENERS = frozenset(
    """
    also a an the who whose which for in as speaking addressing currently now then on at
    while during after when
    """.split()
)
GROUP_NOUNS = frozenset(
    """
    sides side parties ministers participants leaders delegations delegates countries
    members officials presidents heads counterparts governments nations meeting council
    summit attendees envoys diplomats premiers chairs both all
    """.split()
)
GROUP_PRONOUNS = frozenset({"they", "we"})
GROUP_AFTER = frozenset({"that", "while", "but", "whereas", "and", "as", "when"})
PERSON_PRONOUNS = frozenset({"he", "she"})
VIEW_WORDS = frozenset(
    {"view", "views", "assessment", "opinion", "words", "estimation", "judgment", "judgement"}
)
# What may follow "said" when the content came before it: "..., X said at the forum".
CIRCUMSTANCES = frozenset(
    """
    at on in during here there while after before when following via today yesterday
    last this earlier later recently
    """.split()
)
TITLE_CONNECTORS = frozenset({"of", "the", "for", "on", "and", "in", "'s", "-", "from", "to", "at"})
CLAUSE_BREAKS = frozenset({",", ";", ":", "while", "whereas", "but", "and"})
TITLE_WORDS = TITLE_HEADS | TITLE_MODIFIERS | DOMAIN_WORDS
SAME_UTTERANCE_RATIO = 88
MAX_QUOTE_TOKENS = 400
MIN_WORDS = 6  # shorter content ("conveyed greetings") says too little to keep  # a closed quotation longer than this is two garbled marks


@dataclass
class Speaker:
    entity: int | None
    start: int  # token range of the subject
    end: int
    group: bool = False


@dataclass
class Attribution:
    verb: int  # token index of the speech verb
    speaker: Speaker
    start: int  # token range of subject + verb (+ particle, "that")
    end: int
    inverted: bool = False


@dataclass
class Quote:
    a: int  # content tokens [a, b), without the marks
    b: int
    open_mark: int | None
    close_mark: int | None
    paragraph: int
    attribution: Attribution | None = None
    words: int = 0


@dataclass
class Draft:
    parts: list[tuple[int, int]]  # token ranges of the content
    speaker: Speaker
    direct: bool = False
    spans: list[tuple[int, int]] = field(default_factory=list)


class StatementFinder:
    def __init__(self, ctx: Context, result: Extraction):
        self.ctx = ctx
        self.result = result
        self.tokens = ctx.tokens
        self.coref = Coreference(ctx, result)
        self.consumed: set[int] = set()  # tokens of quotations and their attributions
        self.drafts: list[Draft] = []
        self._token_starts = [t.start for t in self.tokens]

    # -- words -------------------------------------------------------------------------
    def _speech_verb(self, k: int, hi: int) -> bool:
        toks = self.tokens
        low = toks[k].lower
        if low not in SPEECH or not toks[k].text.islower():
            return False
        if low in PARTICLES:
            return k + 1 < hi and toks[k + 1].lower in PARTICLES[low]
        if k + 1 < hi and toks[k + 1].lower == "by":
            return False  # "proposed by Xi": a participle, not this subject's speech
        if low in ("called", "calls"):
            nxt = k + 1
            if nxt < hi and (
                nxt in self.coref.mention_at or toks[nxt].lower in ("him", "her", "his", "the")
            ):
                return False  # a phone call
        return True

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
            if low in WEEKDAYS or low in MONTHS or low.isdigit():
                p = k - 1
                while p > lo and (
                    toks[p - 1].lower in MONTHS
                    or toks[p - 1].lower.isdigit()
                    or toks[p - 1].lower in WEEKDAYS
                ):
                    p -= 1
                if p > lo and toks[p - 1].lower in ("on", "here", "this", "last"):
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
                    return k - 2  # "Wang, also a member of ..., said": the aside is behind us
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
            return None
        return self._subject_ending(e, lo)

    def _subject_ending(self, e: int, lo: int) -> Speaker | None:
        toks = self.tokens
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
            return Speaker(m.entity, self._title_start(a, lo), b)
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
                return None  # an object: "welcomed participants and called for ..."
            return Speaker(None, start, e + 1, group=True)
        return None

    def _title_start(self, a: int, lo: int) -> int:
        """Start of the title before a name: "Chinese Foreign Minister Wang Yi"."""
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
                if p - 1 >= lo and toks[p - 1].is_cap and toks[p - 1].is_word:
                    k = p  # "Department of European and Central Asian Affairs of the ..."
                else:
                    break
            else:
                break
        while k < a and (toks[k].lower in TITLE_CONNECTORS or toks[k].text in "()"):
            k += 1
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
        return k >= lo and toks[k].lower in ("and", "&")

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
        """The subject of an inverted verb: "..., said Chinese Foreign Minister Wang Yi"."""
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
            ):
                k += 1
                continue
            if toks[k].is_cap and toks[k].is_word:
                k += 1
                continue
            return None
        return None

    # -- attributions ------------------------------------------------------------------
    def _attribution_at(self, v: int, lo: int, hi: int) -> Attribution | None:
        """The attribution whose speech verb is token ``v``, looking no further than [lo, hi)."""
        toks = self.tokens
        if not self._speech_verb(v, hi):
            return None
        low = toks[v].lower
        speaker = self._subject_before(v, lo)
        inverted = False
        if speaker is None and low in INVERTED:
            p = v - 1
            while p >= lo and toks[p].lower in ADVERBS:
                p -= 1
            if p >= lo and toks[p].text in (",", '"'):
                speaker = self._subject_after(v, hi)
                inverted = True
        if speaker is None:
            return None
        if low in GROUP_ONLY and not speaker.group:
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
        if (
            k < hi
            and toks[k].lower in ("of", "about", "upon")
            and low in ("spoke", "speaks", "touched")
        ):
            k += 1
        if low in ("told", "tells", "briefed"):
            for p in range(k, min(hi, k + 8)):
                if toks[p].lower in ("that", ":"):
                    return p + 1
        if k < hi and toks[k].lower in ("that", ":", ","):
            k += 1
        return k

    def _clause_ends(self, k: int, end: int) -> bool:
        """Whether nothing but circumstances follow a verb: '," he said on Monday.'"""
        toks = self.tokens
        return k >= end or toks[k].text in (",", '"') or toks[k].lower in CIRCUMSTANCES

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

    # -- quotations --------------------------------------------------------------------
    def _paragraphs(self) -> list[tuple[int, int]]:
        out, start = [], 0
        for t in self.tokens:
            if t.newline:
                if t.i > start:
                    out.append((start, t.i))
                start = t.i + 1
        if start < len(self.tokens):
            out.append((start, len(self.tokens)))
        return out

    def _quotes(self) -> list[Quote]:
        toks = self.tokens
        quotes = []
        for p, (lo, hi) in enumerate(self._paragraphs()):
            marks = [k for k in range(lo, hi) if toks[k].text == '"']
            if not marks:
                continue
            open_at = None
            seen_close = False
            for k in marks:
                before_space = k == lo or toks[k - 1].space_after
                after_space = toks[k].space_after or k + 1 >= hi
                opening = before_space and not after_space
                closing = after_space and not before_space
                if open_at is None and (opening or not closing):
                    open_at = k
                elif (
                    open_at is not None
                    and (closing or not opening)
                    and k - open_at < MAX_QUOTE_TOKENS
                ):
                    quotes.append(Quote(open_at + 1, k, open_at, k, p))
                    open_at = None
                    seen_close = True
                elif open_at is not None:  # a second opening mark: the first never closed
                    quotes.append(Quote(open_at + 1, k, open_at, None, p))
                    open_at = k
                elif not seen_close:  # a closing mark with no opening: from the paragraph start
                    quotes.append(Quote(lo, k, None, k, p))
                    seen_close = True
            if open_at is not None:
                quotes.append(Quote(open_at + 1, hi, open_at, None, p))
        for q in quotes:
            q.words = sum(1 for k in range(q.a, q.b) if toks[k].is_word)
        return [q for q in quotes if q.b > q.a]

    def _quote_attribution(self, q: Quote, paragraph: tuple[int, int]) -> Attribution | None:
        toks = self.tokens
        lo, hi = paragraph
        if q.close_mark is not None:
            # after: '," he said.' / '," said Wang, ...' / '," the diplomat explained.'
            end = q.close_mark + 1
            while (
                end < hi
                and toks[end].text not in (".", "!", "?", '"', ";")
                and end - q.close_mark < 30
            ):
                end += 1
            for v in range(q.close_mark + 1, min(end, q.close_mark + 14)):
                at = self._attribution_at(v, q.close_mark, end)
                if at is not None:
                    if not at.inverted and not self._clause_ends(at.verb + 1, end):
                        return None  # '... "three forces," he expressed confidence that ...'
                    at.end = end  # the rest of the clause: "Lavrov said, according to ..."
                    return at
            for at, _s, e in self._according_to(q.close_mark + 1, min(end + 1, hi)):
                at.end = e
                return at
        if q.open_mark is not None:
            # before: 'X said: "' / 'X said, "' / 'According to X, "'
            k = q.open_mark - 1
            if k >= lo and toks[k].text in (":", ","):
                k -= 1
            s_start, _ = self.ctx.sentence_of(q.open_mark)
            start = max(lo, s_start, q.open_mark - 30)
            if k >= start and toks[k].lower == "that":
                k -= 1
            if k >= start:
                at = self._attribution_at(k, start, q.open_mark)
                if at is not None:
                    at.end = q.open_mark
                    return at
                m = self.coref.mention_at.get(k)
                if m is not None:
                    for at, _s, e in self._according_to(start, q.open_mark):
                        if e == k + 1:
                            at.end = q.open_mark
                            return at
        return None

    def find_quotations(self):
        paragraphs = self._paragraphs()
        quotes = [q for q in self._quotes() if q.words >= 3]
        for q in quotes:
            q.attribution = self._quote_attribution(q, paragraphs[q.paragraph])
        groups: list[list[Quote]] = []
        owner: dict[int, int] = {}  # quote index -> group index
        for i, q in enumerate(quotes):
            if q.attribution is not None:
                owner[i] = len(groups)
                groups.append([q])
        for i, q in enumerate(quotes):
            if q.attribution is not None:
                continue
            prev = quotes[i - 1] if i > 0 else None
            nxt = quotes[i + 1] if i + 1 < len(quotes) else None
            # '"A," he said. "B."': B continues A
            if (
                prev is not None
                and (i - 1) in owner
                and prev.paragraph == q.paragraph
                and q.a - prev.b <= 16
            ):
                owner[i] = owner[i - 1]
                groups[owner[i]].append(q)
            # an unattributed paragraph of quotation before the attributed one that ends it
            elif (
                nxt is not None
                and nxt.attribution is not None
                and nxt.paragraph - q.paragraph in (0, 1)
                and (q.close_mark is None or q.words >= MIN_WORDS)
            ):
                owner[i] = owner[i + 1]
                groups[owner[i]].insert(0, q)
            elif (
                prev is not None
                and (i - 1) in owner
                and q.paragraph - prev.paragraph == 1
                and q.open_mark is not None
            ):
                # a quotation running on into the next paragraph
                owner[i] = owner[i - 1]
                groups[owner[i]].append(q)
        for group in groups:
            at = next(q.attribution for q in group if q.attribution is not None)
            parts = [(q.a, q.b) for q in sorted(group, key=lambda q: q.a)]
            self.drafts.append(Draft(parts, at.speaker, direct=True))
            for q in group:
                self.consumed.update(
                    range(
                        q.a if q.open_mark is None else q.open_mark, (q.close_mark or q.b - 1) + 1
                    )
                )
            self.consumed.update(range(at.start, at.end))

    # -- reported speech -------------------------------------------------------------------
    def find_reported(self):
        toks = self.tokens
        for s_start, s_end in self.ctx.sentences:
            if all(k in self.consumed for k in range(s_start, s_end) if toks[k].is_word):
                continue
            hi = s_end
            while hi > s_start and toks[hi - 1].text in (".", "!", "?", '"', "...", "\u2026"):
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
                if v in self.consumed or toks[v].lower not in SPEECH:
                    continue
                at = self._attribution_at(v, s_start, hi)
                if at is not None:
                    attributions.append(at)
            if attributions:
                attributions.sort(key=lambda at: at.start)
                self._sentence_statements(attributions, s_start, hi)

    def _trailing(self, at: Attribution, s_start: int, hi: int) -> bool:
        """Whether the attribution follows its content: "..., Wang said (, adding that ...)"."""
        toks = self.tokens
        if at.start - s_start < 3:
            return False
        if toks[at.start - 1].text != "," and not (
            toks[at.start - 1].text == '"' and toks[at.start - 2].text == ","
        ):
            return False
        if toks[at.start].lower == "according":
            return True
        if at.inverted:
            return True
        end = at.verb + 1
        if end >= hi or toks[end].text == ",":
            return True
        # "..., Ambassador X said at the forum in Baku." : only a circumstance follows
        rest = [t.lower for t in toks[end:hi]]
        words_before = sum(1 for t in toks[s_start : at.start] if t.is_word)
        return (
            toks[at.verb].lower in INVERTED
            and rest[0] in CIRCUMSTANCES
            and "that" not in rest
            and ":" not in rest
            and len(rest) <= 30
            and words_before >= 6
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
            before = (s_start, trailing.start - 1)
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
                        or toks[stop - 1].lower in ("while", "and", "but", "whereas")
                    ):
                        stop -= 1
                    break
                j += 1
            parts = [(at.end, stop)]
            prefix = self._speech_prefix(s_start, at.start)
            if prefix:
                parts.insert(0, prefix)
            self._add(parts, at.speaker)
            i = j

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
            while a < b and (toks[a].text in (",", ":", ";", '"') or toks[a].lower == "that"):
                a += 1
            while b > a and toks[b - 1].text in (",", ":", ";", "-", '"'):
                b -= 1
            if b > a:
                clean.append((a, b))
        if (
            not clean
            or sum(1 for a, b in clean for k in range(a, b) if toks[k].is_word) < MIN_WORDS
        ):
            return
        self.drafts.append(Draft(clean, speaker))

    # -- statements --------------------------------------------------------------------
    def statements(self) -> list[StatementCandidate]:
        self.find_quotations()
        self.find_reported()
        drafts = sorted(self.drafts, key=lambda d: d.parts[0][0])
        out: list[StatementCandidate] = []
        by_speaker: dict[int, list[int]] = {}
        for d in drafts:
            candidate = self._candidate(d)
            if candidate.speaker is not None:
                same = self._same_utterance(candidate, out, by_speaker.get(candidate.speaker, []))
                if same is not None:
                    out[same].spans.append((candidate.start, candidate.end))
                    continue
                by_speaker.setdefault(candidate.speaker, []).append(len(out))
            out.append(candidate)
        return out

    def _same_utterance(self, c: StatementCandidate, out, indexes) -> int | None:
        for i in indexes:
            other = out[i]
            shorter, longer = sorted((len(c.text), len(other.text)))
            if shorter / max(longer, 1) < 0.6:
                continue
            if fuzz.token_set_ratio(c.text, other.text) >= SAME_UTTERANCE_RATIO:
                return i
        return None

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
        meeting = self._meeting(start, d.speaker.entity)
        date, precision = self._date(start, meeting)
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

    # -- meeting and date ----------------------------------------------------------------------
    def _meeting(self, char: int, speaker: int | None) -> int | None:
        """The reported meeting whose report contains or comes right before ``char``."""
        meetings: list[MeetingCandidate] = self.result.meetings or []
        story = self.ctx.story_at(char)
        lo, hi = (story.start, story.end) if story else (0, len(self.ctx.text))
        best, best_start = None, None
        in_story = []
        for i, m in enumerate(meetings):
            if getattr(m, "status", "reported") != "reported":
                continue
            spans = m.spans or [(m.start, m.end)]
            here = [(a, b) for a, b in spans if lo <= a < hi]
            if not here:
                continue
            in_story.append(i)
            for a, _b in here:
                if a <= char and (best_start is None or a > best_start):
                    if speaker is None or self._takes_part(m, speaker):
                        best, best_start = i, a
        if best is not None:
            return best
        if speaker is not None:
            mine = [i for i in in_story if self._takes_part(meetings[i], speaker)]
            if len(mine) == 1:
                return mine[0]
        return None

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


def find_statements(ctx: Context, result: Extraction) -> list[StatementCandidate]:
    """Every quotation and reported utterance of a document, with speaker, date, meeting."""
    return StatementFinder(ctx, result).statements()
