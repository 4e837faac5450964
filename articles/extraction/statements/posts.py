"""Posts embedded in an article: the post's paragraph, then a signature line naming its
author with a handle and a date ("— Jane Roe (@janeroe) May 3, 2024")."""

from __future__ import annotations

from .drafts import Draft, Speaker
from .vocabulary import MIN_WORDS, POST_LINKS, SIGNATURE_DASHES


class PostsMixin:
    """Part of ``StatementFinder``: embedded social-media posts, direct statements of their
    author however the article introduces them."""

    def find_posts(self):
        paragraphs = self._paragraphs()
        for i, (lo, hi) in enumerate(paragraphs):
            speaker = self._signature(lo, hi)
            if speaker is None or i == 0:
                continue
            a, b = paragraphs[i - 1]
            if any(k in self.consumed for k in range(a, b)):
                continue
            b = self._without_links(a, b)
            if sum(1 for k in range(a, b) if self.tokens[k].is_word) < MIN_WORDS:
                continue
            self.drafts.append(Draft([(a, b)], speaker, direct=True))
            self.consumed.update(range(a, paragraphs[i - 1][1]))
            self.consumed.update(range(lo, hi))

    def _signature(self, lo: int, hi: int) -> Speaker | None:
        """The author of a signature line: a dash, a name (with its title), "(@handle)"."""
        toks = self.tokens
        if toks[lo].text not in SIGNATURE_DASHES:
            return None
        handle = next(
            (k for k in range(lo + 1, min(hi, lo + 14)) if toks[k].text.startswith("@")), None
        )
        if handle is None or toks[handle - 1].text != "(":
            handle = next(
                (k for k in range(lo + 1, min(hi, lo + 14)) if toks[k].text.startswith("(@")),
                None,
            )
            if handle is None:
                return None
        for k in range(lo + 1, handle):
            m = self.coref.mention_at.get(k)
            if m is not None:
                a, b = self.coref.tokens_of(m)
                if b <= handle:
                    return Speaker(m.entity, a, b)
        return None

    def _without_links(self, a: int, b: int) -> int:
        """The end of a post's text before the picture links it ends with."""
        toks = self.tokens
        while b > a and any(toks[b - 1].lower.startswith(p) for p in POST_LINKS):
            b -= 1
        return b
