"""What every extractor of one document works from: text, tokens, sentences, stories."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from .gazetteer import Lexicon, Match
from .patterns import mapping, words
from .tokens import Token, sentences, tokenize
from .types import Document, Story


@dataclass
class Context:
    document: Document
    lexicon: Lexicon
    text: str  # normalised text: same length as document.text
    tokens: list[Token]
    sentences: list[tuple[int, int]]  # token ranges
    matches: list[Match] = field(default_factory=list)
    match_at: dict[int, list[Match]] = field(default_factory=dict)  # by start token
    in_match: dict[int, Match] = field(default_factory=dict)  # token index -> covering match
    _sentence_starts: list[int] = field(default_factory=list)
    _story_starts: list[int] = field(default_factory=list)

    @classmethod
    def build(cls, document: Document, lexicon: Lexicon, normalised: str) -> Context:
        tokens = tokenize(normalised)  # numbered in order
        if document.boilerplate:
            tokens = [t for t in tokens if not _inside(t.start, document.boilerplate)]
            for i, tok in enumerate(tokens):
                tok.i = i
        ctx = cls(document, lexicon, normalised, tokens, sentences(tokens))
        ctx.matches = lexicon.matches(tokens)
        ctx.matches = _with_shared_short_forms(tokens, ctx.matches)
        for m in ctx.matches:
            ctx.match_at.setdefault(m.start, []).append(m)
            for k in range(m.start, m.end):
                ctx.in_match.setdefault(k, m)
        ctx._sentence_starts = [a for a, _ in ctx.sentences]
        ctx._story_starts = [s.start for s in document.stories]
        return ctx

    def city_in_a_name(self, k: int) -> bool:
        """A one-word city that is really a name: "Gao Shuren" (Gao is also a town in Mali)."""
        m = self.in_match.get(k)
        if m is None or m.kind != "city" or m.end - m.start != 1 or k + 1 >= len(self.tokens):
            return False
        nxt = self.tokens[k + 1]
        if k > 0 and self.tokens[k - 1].lower in PLACE_PREPOSITIONS:
            return False  # "arrived in Ankara Smith told ...": the city, then a name
        return (
            nxt.is_cap
            and nxt.text.isalpha()
            and not nxt.text.isupper()
            and (k + 1) not in self.in_match
            and self.tokens[k].space_after
        )

    def sentence_of(self, token_index: int) -> tuple[int, int]:
        k = bisect.bisect_right(self._sentence_starts, token_index) - 1
        return self.sentences[max(k, 0)] if self.sentences else (0, len(self.tokens))

    def story_at(self, char: int) -> Story | None:
        if not self.document.stories:
            return None
        k = bisect.bisect_right(self._story_starts, char) - 1
        return self.document.stories[max(k, 0)]

    def span_text(self, a: int, b: int) -> str:
        """Original text of tokens [a, b)."""
        return self.document.text[self.tokens[a].start : self.tokens[b - 1].end]

    def norm_text(self, a: int, b: int) -> str:
        return self.text[self.tokens[a].start : self.tokens[b - 1].end]


PLACE_PREPOSITIONS = words("place_prepositions")
SHARED_SHORT_FORMS = mapping("places", "shared_short_forms")
PLACE_WORDS = words("place_words")


def _with_shared_short_forms(tokens: list[Token], matches: list[Match]) -> list[Match]:
    """The matches with "Korea" / "Korean" added, of the state the document means."""
    covered = {k for m in matches for k in range(m.start, m.end)}
    shared = [
        k
        for k, t in enumerate(tokens)
        if t.lower in SHARED_SHORT_FORMS
        and t.is_cap
        and k not in covered
        and not (k + 1 < len(tokens) and tokens[k + 1].lower in PLACE_WORDS)
    ]
    if not shared:
        return matches
    named = {m.value for m in matches if m.kind in ("country", "demonym")}
    qualified = {
        (m.value, tokens[m.start].lower) for m in matches if m.kind in ("country", "demonym")
    }
    for k in shared:
        first, second, kind, apart = SHARED_SHORT_FORMS[tokens[k].lower]
        only_second = second in named and first not in named and (second, apart) not in qualified
        value = second if only_second else first
        matches.append(Match(k, k + 1, kind, value))
    return sorted(matches, key=lambda m: m.start)


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    for a, b in spans:
        if a <= pos < b:
            return True
    return False
