"""Quotations: quotation marks paired within a paragraph, attributed, and continued."""

from __future__ import annotations

import bisect

from .drafts import Attribution, Draft, Quote
from .speakers import AUDIENCE_VERBS
from .vocabulary import MAX_QUOTE_TOKENS, MIN_WORDS, QUOTE_MARKS, SPEECH


class QuotationsMixin:
    """Part of ``StatementFinder``: the direct quotations of a document."""

    # -- quotations --------------------------------------------------------------------
    def _paragraphs(self) -> list[tuple[int, int]]:
        if self._paragraph_cache is None:
            self._paragraph_cache = self._split_paragraphs()
        return self._paragraph_cache

    def _split_paragraphs(self) -> list[tuple[int, int]]:
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
            marks = [k for k in range(lo, hi) if toks[k].text in QUOTE_MARKS] or self._singles(
                lo, hi
            )
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

    def _singles(self, lo: int, hi: int) -> list[int]:
        """Single quotation marks ('...,' she said) in a paragraph with no double ones: an
        apostrophe that opens a word or closes one before punctuation, never the
        possessive of "the countries' leaders"."""
        toks = self.tokens
        out, open_at = [], None
        for k in range(lo, hi):
            if toks[k].text != "'":
                continue
            before_space = k == lo or toks[k - 1].space_after or toks[k - 1].text in "(:"
            if before_space and not toks[k].space_after and k + 1 < hi and toks[k + 1].is_word:
                open_at = k
            elif (
                open_at is not None
                and not before_space
                and (
                    toks[k - 1].text in (",", ".", "!", "?")
                    or not toks[k - 1].lower.endswith("s")
                    or k + 1 >= hi
                    or toks[k + 1].text in (",", ".", ";", ":", "!", "?", ")")
                )
            ):
                out += [open_at, k]  # only pairs: a lone one is an apostrophe
                open_at = None
        return out

    def _quote_attribution(self, q: Quote, paragraph: tuple[int, int]) -> Attribution | None:
        toks = self.tokens
        lo, hi = paragraph
        if q.close_mark is not None:
            # after: '," he said.' / '," said Varga, ...' / '," the diplomat explained.'
            end = q.close_mark + 1
            while (
                end < hi
                and toks[end].text not in (".", "!", "?", ";")
                and toks[end].text not in QUOTE_MARKS
                and end - q.close_mark < 30
            ):
                end += 1
            for v in range(q.close_mark + 1, min(end, q.close_mark + 14)):
                at = self._attribution_at(v, q.close_mark, end)
                if at is not None:
                    if (
                        not at.inverted
                        and not self._clause_ends(at.verb + 1, end)
                        and not self._told_whom(at.verb, end)
                    ):
                        return None  # '... "fair rules," he expressed hope that ...'
                    at.end = end  # the rest of the clause: "Varga said, according to ..."
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
                at = self._attribution_at(k, start, q.open_mark) or self._participle_attribution(
                    k, s_start, q.open_mark
                )
                if at is not None:
                    at.end = q.open_mark
                    return at
                m = self.coref.mention_at.get(k)
                if m is not None:
                    for at, _s, e in self._according_to(start, q.open_mark):
                        if e == k + 1:
                            at.end = q.open_mark
                            return at
                if toks[q.open_mark - 1].text == ":":
                    # 'X posted on social media: "..."': a circumstance before the colon
                    for v in range(k - 1, max(start, k - 12) - 1, -1):
                        at = self._attribution_at(v, start, q.open_mark)
                        if at is not None and at.end >= q.open_mark:
                            at.end = q.open_mark
                            return at
        return None

    def _colon_before(self, paragraph: tuple[int, int]) -> Attribution | None:
        """'X said:' ending the paragraph before a quotation that opens its own."""
        toks = self.tokens
        lo, hi = paragraph
        if hi - lo < 3 or toks[hi - 1].text != ":":
            return None
        s_start, _ = self.ctx.sentence_of(hi - 1)
        for v in range(hi - 2, max(lo, s_start, hi - 10) - 1, -1):
            at = self._attribution_at(v, max(lo, s_start), hi)
            if at is not None:
                at.end = hi
                return at
        return None

    def _whole_paragraph(self, q: Quote, paragraph: tuple[int, int]) -> bool:
        toks = self.tokens
        lo, hi = paragraph
        if q.open_mark != lo or q.close_mark is None or q.words < MIN_WORDS:
            return False
        return all(not toks[k].is_word for k in range(q.close_mark + 1, hi))

    def attach_loose_quotes(self):
        """A paragraph of quotation with no speech verb, right after a paragraph whose last
        statement is one person's, is that person's words: a second span of that statement
        when it is a quotation too (GUIDELINES), else a quotation of its own."""
        if not self.loose_quotes:
            return
        paragraphs = self._paragraphs()
        last_in: dict[int, Draft] = {}  # paragraph index -> its last statement
        starts = [a for a, _ in paragraphs]
        for d in self.drafts:
            p = bisect.bisect_right(starts, d.parts[-1][0]) - 1
            if p not in last_in or last_in[p].parts[-1][0] < d.parts[-1][0]:
                last_in[p] = d
        for q in self.loose_quotes:
            if q.paragraph == 0 or any(k in self.consumed for k in range(q.a, q.b)):
                continue
            last = last_in.get(q.paragraph - 1)
            if last is None:
                continue
            if last.speaker.entity is None or last.speaker.group:
                continue
            if last.direct:
                last.parts.append((q.a, q.b))  # one statement, a second quoted span
            else:  # after reported words: a quotation of its own by the same person
                self.drafts.append(Draft([(q.a, q.b)], last.speaker, direct=True))
            self.consumed.update(range(q.open_mark, q.close_mark + 1))

    def _spoken_after(self, q: Quote, paragraph: tuple[int, int]) -> bool:
        """Whether a speech verb follows the quotation in its paragraph: an attribution to
        someone not found as a person ('"...," Roe tweeted.'), so it continues no one."""
        if q.close_mark is None:
            return False
        return any(self.tokens[k].lower in SPEECH for k in range(q.close_mark + 1, paragraph[1]))

    def _told_whom(self, v: int, end: int) -> bool:
        """'," X told reporters.', '," X told a press conference after the talks.': only
        the audience follows the verb, no content of its own (no "that")."""
        toks = self.tokens
        return toks[v].lower in AUDIENCE_VERBS and not any(
            toks[k].lower in ("that", ":") for k in range(v + 1, end)
        )

    def _reported_lead(self, group: list[Quote], at: Attribution) -> int | None:
        """The sentence start when a short quotation sits inside reported words that the
        attribution after it ends: 'Ties "are making a difference", Y stated.' Then the
        whole sentence is the statement, with the quotation as a partial quote."""
        toks = self.tokens
        if len(group) != 1 or group[0].open_mark is None or at.start <= group[0].b:
            return None
        q = group[0]
        s_start, _ = self.ctx.sentence_of(q.open_mark)
        story = self.ctx.story_at(toks[q.open_mark].start)
        body = story.body_start if story is not None else None
        if body and toks[s_start].start < body <= toks[q.open_mark].start:
            # 'NAIROBI, March 5 (Agency) -- "Ties are strong," Y said': the dateline is
            # no words of the sentence
            s_start = bisect.bisect_left(self._token_starts, body)
        if s_start in self.consumed:
            return None
        before = [toks[k] for k in range(s_start, q.open_mark)]
        words = sum(1 for t in before if t.is_word)
        if words < 3 or any(t.text in QUOTE_MARKS or t.text in ".!?:" for t in before):
            return None
        if any(t.lower in SPEECH for t in before):
            return None  # the words before have their own speaker
        return s_start

    def find_quotations(self):
        paragraphs = self._paragraphs()
        quotes = [q for q in self._quotes() if q.words >= 3]
        for q in quotes:
            q.attribution = self._quote_attribution(q, paragraphs[q.paragraph])
            if q.attribution is None and q.open_mark == paragraphs[q.paragraph][0] and q.paragraph:
                q.attribution = self._colon_before(paragraphs[q.paragraph - 1])
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
                and not self._spoken_after(q, paragraphs[q.paragraph])
            ):
                owner[i] = owner[i + 1]
                groups[owner[i]].insert(0, q)
            elif (
                prev is not None
                and (i - 1) in owner
                and q.paragraph - prev.paragraph == 1
                and q.open_mark is not None
                and prev.close_mark is None
            ):
                # a quotation running on into the next paragraph
                owner[i] = owner[i - 1]
                groups[owner[i]].append(q)
        for i in range(len(quotes) - 2, -1, -1):
            q = quotes[i]
            # paragraphs of one quotation: each opens a mark that only the last one closes
            if (
                i not in owner
                and (i + 1) in owner
                and q.close_mark is None
                and q.open_mark is not None
                and quotes[i + 1].paragraph - q.paragraph == 1
                and quotes[i + 1].open_mark is not None
                and not self._spoken_after(q, paragraphs[q.paragraph])
            ):
                owner[i] = owner[i + 1]
                groups[owner[i]].insert(0, q)
        # whole paragraphs of quotation that no attribution reached: maybe the words of the
        # person whose statement the paragraph before ends with (see ``attach_loose_quotes``)
        self.loose_quotes = [
            q
            for i, q in enumerate(quotes)
            if i not in owner and self._whole_paragraph(q, paragraphs[q.paragraph])
        ]
        for group in groups:
            at = next(q.attribution for q in group if q.attribution is not None)
            parts = [(q.a, q.b) for q in sorted(group, key=lambda q: q.a)]
            lead = self._reported_lead(group, at)
            if lead is not None:  # 'X must give "a clear signal" to investors, Y said'
                self.drafts.append(Draft([(lead, at.start)], at.speaker, direct=False))
                self.consumed.update(range(lead, at.start))
            else:
                self.drafts.append(Draft(parts, at.speaker, direct=True))
            for q in group:
                self.consumed.update(
                    range(
                        q.a if q.open_mark is None else q.open_mark, (q.close_mark or q.b - 1) + 1
                    )
                )
            self.consumed.update(range(at.start, at.end))
