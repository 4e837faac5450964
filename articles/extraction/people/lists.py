"""Coordinated lists of names: "Leaders included A of X, B of Y and C of Z" (or "A (X)"), "the foreign
ministers of X A, Y B and Z C", "their counterparts from X and Y, A and B", "A, B, C and
D gathered".

One name in such a list rarely has a title of its own; the list as a whole says the names
are persons (a plural noun for people before it, a verb after it, a country beside every
name, or one member already known to be a person). Each member then counts as named with
evidence, and takes the country written beside it, or the country in the same place of a
parallel list of countries ("the ministers of X and Y, A and B"), or of demonyms before
"counterparts" ("her Turkish and Georgian counterparts, A and B", who also hold the post of
the person named before).
"""

from __future__ import annotations

from ..lexicons import DOMAIN_WORDS, SPEECH_VERBS, TITLE_HEADS
from .candidates import Candidate
from .vocabulary import COUNTERPART_PLURALS, LIST_CLOSING_VERBS, PERSON_GROUP_NOUNS, TITLE_WORDS

# words between two members of a list
LIST_SEPARATORS = frozenset({",", "and", ";"})
# "Azerbaijan – A", "Latvia: B": a country and a dash or colon before a member
COUNTRY_NAME_MARKS = frozenset({"-", "–", "—", ":"})
# "his", "her", "their" Turkish and Georgian counterparts: whose counterparts they are
COUNTERPART_OWNERS = frozenset({"his", "her", "their"})


class ListsMixin:
    """Part of ``PeopleFinder``: candidates that are members of one coordinated list."""

    def mark_lists(self, candidates: list[Candidate]) -> None:
        for members in self._lists(candidates):
            if self._list_is_of_persons(members):
                for c in members:
                    c.in_list = True
                members[0].list_first = True
                self._first_country(members)
                self._respective_counterparts(members)
                self._respective_countries(members)
                self._share_plural_title(members)

    def _lists(self, candidates: list[Candidate]) -> list[list[Candidate]]:
        out, current = [], []
        for c in candidates:
            if current and self._coordinated(current[-1], c):
                current.append(c)
                continue
            if len(current) >= 2:
                out.append(current)
            current = [c]
        if len(current) >= 2:
            out.append(current)
        return out

    def _coordinated(self, left: Candidate, right: Candidate) -> bool:
        """True if only separators (and a country beside ``right``) lie between them."""
        toks = self.tokens
        if self.ctx.sentence_of(left.a) != self.ctx.sentence_of(right.a):
            return False
        k = self._after_country_after(left)
        separators = 0
        while k < right.a and toks[k].lower in LIST_SEPARATORS:
            separators += 1
            k += 1
        if not separators:
            return False
        country, k = self._country_at(k, right.a)
        if country is not None:
            if k < right.a and toks[k].text in COUNTRY_NAME_MARKS:
                k += 1
            if k == right.a and right.country_after is None:
                right.country_before = country
        return k == right.a

    def _after_country_after(self, c: Candidate) -> int:
        """The token after "of (the) Country" or "(Country)" that follows a member, else after
        the name."""
        if c.country_after is None:
            return c.b
        k = c.b + 1
        if self.tokens[k].lower == "the" and k not in self.ctx.in_match:
            k += 1
        while k < len(self.tokens) and k in self.ctx.in_match:
            k += 1
        if k < len(self.tokens) and self.tokens[k].text == ")":
            k += 1  # "A (Kenya), B (Ghana)"
        return k

    def _country_at(self, k: int, limit: int) -> tuple[str | None, int]:
        m = self.ctx.in_match.get(k)
        if m is None or m.kind != "country" or m.start != k or m.end > limit:
            if self.tokens[k].lower == "the" and k + 1 < limit:
                m = self.ctx.in_match.get(k + 1)
                if m is not None and m.kind == "country" and m.start == k + 1:
                    return m.value, m.end
            return None, k
        return m.value, m.end

    def _list_is_of_persons(self, members: list[Candidate]) -> bool:
        names = [self._name_text(c.a, c.b) for c in members]
        if any(len(n.split()) < 2 for n in names):
            return False  # "Spain, France and Italy": lists of single words are not names
        if any(c.title or c.appositions or c.honorific for c in members):
            return True
        if all(c.country_after or c.country_before for c in members[1:]):
            return True
        if self._verb_after_list(members[-1]):
            return True
        s_start, _ = self.ctx.sentence_of(members[0].a)
        before = {t.lower for t in self.tokens[s_start : members[0].a]}
        return bool(before & PERSON_GROUP_NOUNS)

    def _verb_after_list(self, last: Candidate) -> bool:
        k = self._after_country_after(last)
        if k < len(self.tokens) and self.tokens[k].lower in ("have", "has", "had", "also"):
            k += 1
        if k >= len(self.tokens):
            return False
        low = self.tokens[k].lower
        return last.verb_after or low in SPEECH_VERBS or low in LIST_CLOSING_VERBS

    def _share_plural_title(self, members: list[Candidate]) -> None:
        """ministers of X A, Y B": each member holds the post the plural names."""
        first = members[0]
        if first.title is not None and self._plural_head(*first.title) is not None:
            shared = first.title
            first.title = None
        else:
            shared = self._plural_title_near(first.a)
        if shared is not None:
            for c in members:
                c.shared_title = shared

    def _plural_title_near(self, a: int) -> tuple[int, int] | None:
        """ "foreign ministers of Azerbaijan – A, ...": a plural post a few words back."""
        s_start, _ = self.ctx.sentence_of(a)
        head = self._plural_head(max(s_start, a - 8), a)
        if head is None:
            return None
        k = head
        while k - 1 >= s_start and self.tokens[k - 1].lower in TITLE_WORDS | DOMAIN_WORDS:
            k -= 1
        return k, head + 1

    def _plural_head(self, a: int, b: int) -> int | None:
        """The token of a plural title head ("ministers") in [a, b), if any."""
        for k in range(a, b):
            low = self.tokens[k].lower
            if low.endswith("s") and low in TITLE_HEADS and low[:-1] in TITLE_HEADS:
                return k
        return None

    def _first_country(self, members: list[Candidate]) -> None:
        """The first member's country written before it, as the others' are."""
        first = members[0]
        if first.country_after or not any(c.country_before for c in members[1:]):
            return
        k = first.a - 1
        if k >= 0 and self.tokens[k].text in COUNTRY_NAME_MARKS:
            k -= 1
        m = self.ctx.in_match.get(k)
        if m is not None and m.kind == "country" and m.end == k + 1:
            first.country_before = m.value

    def _respective_counterparts(self, members: list[Candidate]) -> None:
        """ "her Turkish and Georgian counterparts, A and B": the n-th demonym is the n-th
        name's country, and each name holds the post of the person named before
        (``_counterpart_post``). When they differ in number nobody gets anything: which name
        goes without a country, or with two, cannot be told."""
        first = members[0]
        if any(c.country_after or c.country_before for c in members):
            return
        found = self._counterpart_demonyms(first.a)
        if found is None:
            return
        start, countries = found
        if first.title is not None and first.title[0] >= start:
            first.title = None  # the phrase is the whole list's, not the first name's post
        if len(countries) != len(members) or len(set(countries)) != len(countries):
            # nor does the first take the nearest demonym, a guess the others never make
            first.list_first = False
            return
        for c, iso2 in zip(members, countries, strict=True):
            c.country_before = iso2
            c.counterpart = (start, iso2)

    def _counterpart_demonyms(self, a: int) -> tuple[int, list[str]] | None:
        """(first token, countries) of "his Turkish, Georgian and Azerbaijani counterparts"
        (or "colleagues", a comma after) right before token ``a``; None unless two demonyms
        or more and nothing else lie between the possessive and the noun."""
        toks = self.tokens
        k = a - 1 if a > 0 and toks[a - 1].text == "," else a
        if k == 0 or toks[k - 1].lower not in COUNTERPART_PLURALS:
            return None
        countries, k = [], k - 2
        while k >= 0:
            m = self.ctx.in_match.get(k)
            if m is None or m.kind != "demonym" or m.end != k + 1:
                return None
            countries.insert(0, m.value)
            k = m.start - 1
            if k >= 0 and toks[k].lower in COUNTERPART_OWNERS:
                return (k + 1, countries) if len(countries) >= 2 else None
            if k < 0 or toks[k].lower not in LIST_SEPARATORS:
                return None
            k -= 1
        return None

    def _respective_countries(self, members: list[Candidate]) -> None:
        """ "counterparts from X and Y, A and B": the n-th country goes to the n-th name."""
        if any(c.country_after or c.country_before for c in members):
            return
        s_start, _ = self.ctx.sentence_of(members[0].a)
        countries = self._countries_in(s_start, members[0].a)
        if not countries and s_start > 0:
            # "Ministers of X, Y and Z met. ... A, B and C gathered": the sentence before
            p_start, p_end = self.ctx.sentence_of(s_start - 1)
            countries = self._countries_in(p_start, p_end)
            if len(countries) == len(members) and members[0].shared_title is None:
                shared = self._plural_title_near(min(p_end, p_start + 8))
                for c in members:
                    c.shared_title = shared
        if len(countries) == len(members) and len(set(countries)) == len(countries):
            for c, iso2 in zip(members, countries, strict=True):
                c.country_before = iso2

    def _countries_in(self, a: int, b: int) -> list[str]:
        countries, k = [], a
        while k < b:
            m = self.ctx.in_match.get(k)
            if m is not None and m.start == k and m.kind == "country":
                countries.append(m.value)
                k = m.end
                continue
            k += 1
        return countries
