"""Acronyms: names defined with one ("... Development Financing (CAPDF)"), later bare uses
of it, and unknown acronyms that name a body's parent ("CPC Central Committee").
"""

from __future__ import annotations

from ..context import Context
from ..lexicons import HONORIFICS, ORG_HEADS, ORGAN_SUFFIXES, TITLE_HEADS
from ..patterns import table
from .vocabulary import CONNECTORS

# the shape of an acronym, and one inside a longer name: see patterns/organisations.toml
ACRONYM = table("organisations")["acronym"]
INNER_ACRONYM = table("organisations")["inner_acronym"]
ORGAN_WORDS = ORGAN_SUFFIXES | ORG_HEADS  # "Central Committee", "Ministry": a body's organ


def is_acronym(text: str) -> bool:
    return bool(ACRONYM.match(text)) and sum(c.isupper() for c in text) >= 2


def initials(ctx: Context, a: int, b: int) -> list[tuple[str, int]]:
    """First letters of the capitalised words in tokens [a, b), with their token index."""
    out = []
    for k in range(a, b):
        t = ctx.tokens[k]
        if t.is_cap and t.lower not in CONNECTORS:
            if is_acronym(t.text):
                out.extend((c.lower(), k) for c in t.text if c.isupper())
            else:
                out.append((t.text[0].lower(), k))
    return out


def _subsequence(needle: str, hay: str) -> bool:
    it = iter(hay)
    return all(c in it for c in needle)


class AcronymsMixin:
    """Part of ``OrganisationFinder``: "Full Name (ACR)", and acronyms used on their own."""

    # -- 2. "Full Name (ACR)" ----------------------------------------------------
    def acronym_definitions(self):
        toks = self.tokens
        for i in range(1, len(toks) - 2):
            if toks[i].text != "(" or toks[i + 2].text != ")":
                continue
            acr = toks[i + 1].text
            if not is_acronym(acr) or self._match_kind(i + 1) == "country":
                continue
            known = self.ctx.in_match.get(i + 1)
            start = self._phrase_for_acronym(i, acr)
            if start is None:
                if known and known.kind in ("org", "acronym") and (i + 1) not in self.taken:
                    self._add(i + 1, i + 2, "", reference=known.value)
                continue
            if any(k in self.taken for k in range(start, i)):
                # the name is already a mention; the acronym in parentheses joins it
                if known and known.kind in ("org", "acronym") and (i + 1) not in self.taken:
                    self._add(i + 1, i + 2, "", reference=known.value)
                self.taken.update(range(i, i + 3))
                continue
            name = self.ctx.span_text(start, i)
            if (
                not known
                and toks[i - 1].lower in TITLE_HEADS
                and not any(toks[k].lower in ORG_HEADS for k in range(start, i))
            ):
                continue  # "Foreign Minister (FM) X": a post shortened, not a body
            if known and known.kind in ("org", "acronym"):
                self._add(start, i + 3, "", reference=known.value)
            else:
                self._add(start, i + 3, name, acronym=acr)

    def _phrase_for_acronym(self, paren: int, acr: str) -> int | None:
        toks = self.tokens
        sent_start = self.ctx.sentence_of(paren)[0]
        k = paren - 1
        while k >= sent_start:
            t = toks[k]
            if t.is_cap or t.lower in CONNECTORS or t.is_hyphen:
                k -= 1
                continue
            break
        lo = k + 1
        letters = "".join(c for c in acr.lower() if c.isalpha())
        best = None
        for a in range(lo, paren):
            t = toks[a]
            if not t.is_cap or t.lower in CONNECTORS or t.lower in TITLE_HEADS | HONORIFICS:
                continue
            inits = initials(self.ctx, a, paren)
            chars = "".join(c for c, _ in inits)
            if not chars or chars[0] != letters[0] or not _subsequence(letters, chars):
                continue
            extra = len(chars) - len(letters)
            if extra > 3:
                continue
            score = (extra, -(paren - a))
            if best is None or score < best[0]:
                best = (score, a)
        return best[1] if best else None

    # -- 4. (continued) later and bare uses of acronyms ------------------------------
    def defined_acronyms(self):
        """Later bare uses of an acronym the document defined: 'the CAPDF'."""
        for k, t in enumerate(self.tokens):
            if k in self.taken or t.text not in self.by_acronym:
                continue
            first = self.by_acronym[t.text]
            self._add(
                k,
                k + 1,
                first.name,
                acronym=t.text,
                kind=first.kind,
                country=first.country,
                key=first.key,
            )

    def acronyms_in_titles(self):
        """An unknown acronym a post belongs to: "head of OKAPRO", "the chief of the XYZ"."""
        toks = self.tokens
        for k in range(2, len(toks)):
            t = toks[k]
            if toks[k - 1].lower not in ("of", "the") or not t.text.isupper():
                continue
            if toks[k - 1].text.isupper():
                continue  # "ENVOY OF THE PRESIDENT": a line in capitals, not an acronym
            if k in self.taken or not is_acronym(t.text) or self._match_kind(k):
                continue
            j = k - 1
            if toks[j].lower == "the":
                j -= 1
            if j >= 1 and toks[j].lower == "of" and toks[j - 1].lower in TITLE_HEADS:
                if t.text not in self.by_acronym:
                    self._add(k, k + 1, t.text, acronym=t.text)

    def bare_acronyms_before_organs(self):
        """An unknown acronym naming a body's parent: 'CPC Central Committee' -> 'CPC'."""
        toks = self.tokens
        for k in range(len(toks) - 1):
            t, nxt = toks[k], toks[k + 1]
            # the organ word first: it rules out almost every token before the acronym test
            if nxt.lower not in ORGAN_WORDS or not nxt.is_cap:
                continue
            if not is_acronym(t.text) or self._match_kind(k) or t.text in self.by_acronym:
                continue
            self._add_nested(k, k + 1, t.text, None, None)
            self.mentions[-1].acronym = t.text
            self.by_acronym.setdefault(t.text, self.mentions[-1])
