"""Named bodies: capitalised phrases around a head word ("Ministry", "University",
"Committee"), trimmed of titles and names, and the bodies named inside them.
"""

from __future__ import annotations

from ..lexicons import (
    DOMAIN_WORDS,
    HONORIFICS,
    NOT_NAME_WORDS,
    ORG_HEADS,
    ORG_HEADS_WITH_ON,
    ORGAN_SUFFIXES,
    REGION_WORDS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
)
from ..patterns import words
from .acronyms import INNER_ACRONYM
from .vocabulary import (
    COLLECTIVE_TAILS,
    CONNECTORS,
    GENERIC,
    NOT_BODY_TAILS,
    PERSONAL_GOVERNMENT_HEADS,
    PREMISES_HEADS,
    VENUE_HEADS,
    VENUE_WORDS,
)

TITLE_WORDS_IN_NAMES = words("organisation_title_words_in_names")
VENUE_TAILS = words("venue_tails")  # "the Mansudae Assembly Hall": a building


def _plural_title(low: str) -> bool:
    """ "governors", "heads", "ministers": people named by their post, in the plural."""
    return low.endswith("s") and low[:-1] in TITLE_HEADS


class PhrasesMixin:
    """Part of ``OrganisationFinder``: phrases around a head word, and nested bodies."""

    # -- 3. capitalised phrases around a head word --------------------------------
    def phrases(self):
        toks = self.tokens
        for s_start, s_end in self.ctx.sentences:
            k = s_start
            while k < s_end:
                t = toks[k]
                if (
                    t.lower in ORG_HEADS
                    and t.is_cap
                    and k not in self.taken
                    and not self._compound_tail(k)
                ):
                    span = self._extend(k, s_start, s_end)
                    if span:
                        a, b = span
                        self._emit_phrase(a, b)
                        k = b
                        continue
                k += 1

    def _compound_tail(self, k):
        """The last part of a hyphenated word ("Chairperson-in-Office"): not a body's head."""
        toks = self.tokens
        return (
            k >= 2
            and toks[k - 1].is_hyphen
            and not toks[k - 1].space_after
            and not toks[k - 2].space_after
        )

    def _extend(self, head, s_start, s_end):
        toks = self.tokens
        # leftwards: capitalised words, joined by hyphens, 's, and "of the"/"and"
        a = head
        while a - 1 >= s_start:
            p = toks[a - 1]
            if (a - 1) in self.taken:
                # an organ named after its body: "African Union Peace and Security Council",
                # "Andean Trade Organization (ATO) Council of ..."
                m = self.mention_at.get(a - 1)
                if m is None and p.text == ")" and a - 4 >= s_start and toks[a - 3].text == "(":
                    m = self.mention_at.get(a - 4)
                    if m is not None and m.reference and m.kind == "intergovernmental":
                        a -= 3
                if m is not None and m.reference and m.kind == "intergovernmental":
                    a -= 1
                    while a - 1 >= s_start and self.mention_at.get(a - 1) is m:
                        a -= 1
                break
            if p.is_hyphen or p.text == "'s":
                a -= 1
                continue
            if p.is_cap and p.lower not in NOT_NAME_WORDS and p.lower not in HONORIFICS:
                if p.lower in TITLE_HEADS and p.lower not in TITLE_WORDS_IN_NAMES:
                    break
                if (
                    p.lower in TITLE_HEADS
                    and toks[a].lower not in ORG_HEADS
                    and p.lower not in TITLE_WORDS_IN_NAMES
                ):
                    break
                a -= 1
                continue
            if p.lower in ("and", "&") and a - 2 >= s_start and toks[a - 2].is_cap:
                a -= 1
                continue
            if p.text == "," and a - 2 >= s_start and toks[a - 2].is_cap:
                # "A, B and C Commission": a comma inside a list of name words
                between = [x.lower for x in toks[a:head]]
                if "and" in between and self._match_kind(a - 2) is None:
                    a -= 1
                    continue
            break
        if (
            a - 1 >= s_start
            and toks[a - 1].lower in TITLE_HEADS
            and toks[a - 1].lower not in TITLE_WORDS_IN_NAMES
            and toks[a].lower not in GENERIC
        ):
            # "Secretary Harlan and Prime Cabinet Secretary X": the word after a post is a
            # name, and the phrase starts after the "and" that follows it
            joins = [k for k in range(a, head) if toks[k].lower in ("and", "&")]
            if joins:
                a = joins[0] + 1
        while a < head and (toks[a].lower in CONNECTORS or toks[a].text == ","):
            a += 1
        # rightwards: "of (the) X", "for X", "on X" (committees), more head words
        b = head + 1
        last_good = b
        while b < s_end:
            t = toks[b]
            if t.lower in ("of", "for") or (
                t.lower == "on" and toks[b - 1].lower in ORG_HEADS_WITH_ON
            ):
                b += 1
                if b < s_end and toks[b].lower == "the":
                    b += 1
                continue
            if t.lower == "at" and b + 1 < s_end and toks[b + 1].is_cap:
                b += 1
                continue
            if b in self.mention_at:
                m = self.mention_at[b]
                while b < s_end and self.mention_at.get(b) is m:
                    b += 1
                if b < s_end and toks[b].text == "(" and b + 2 < s_end and toks[b + 2].text == ")":
                    b += 3
                last_good = b
                continue
            if t.lower == "and":
                joins_places = (
                    b + 1 < s_end
                    and self._match_kind(b + 1) == "country"
                    and (self._match_kind(b - 1) == "country" or toks[b - 1].lower in REGION_WORDS)
                )
                if not joins_places and not self._head_ahead(b + 1, s_end):
                    break
                b += 1
                continue
            if t.is_hyphen or t.text == "'s":
                b += 1
                continue
            if t.is_cap and (
                t.lower in COLLECTIVE_TAILS
                or (_plural_title(t.lower) and self._after_of(b, s_start))
            ):
                b += 1  # "Board of Governors", "Assembly of the Highland Republics"
                last_good = b
                continue
            if t.is_cap and t.lower not in TITLE_HEADS | HONORIFICS:
                if self._is_known_word(b):
                    m = self.ctx.in_match.get(b)
                    b = m.end if m and m.start == b else b + 1
                    last_good = b
                    continue
                if (
                    toks[b - 1].lower in ("of", "for", "the", "at", "and", "-", "on")
                    or toks[b - 1].is_cap
                ):
                    b += 1
                    continue
            break
        b = last_good
        if b - 3 > head and toks[b - 1].text == ")" and toks[b - 3].text == "(":
            b -= 3  # "... Agency (XYZ)": the acronym is the inner body's, not this name's
        # the phrase must not continue into lower-case words ("... Asia cooperation mechanism")
        tail = toks[b] if b < s_end else None
        last = toks[b - 1]
        ends_as_modifier = last.lower in REGION_WORDS or (
            self._match_kind(b - 1) is None
            and last.lower not in ORG_HEADS | DOMAIN_WORDS
            and last.text != ")"  # "... Agency (XYZ) met"
            and not _plural_title(last.lower)  # "Council of Ministers met"
            and last.lower not in COLLECTIVE_TAILS
            and (b - 1) not in self.mention_at
        )
        if tail is not None and tail.is_word and not tail.is_cap and ends_as_modifier:
            if tail.lower not in ("in", "on", "at", "and", "to", "of"):
                b = head + 1
        return a, b

    def _known_organ(self, body, a, b) -> str | None:
        """The reference organ a body's name and an organ word name together, however
        they are ordered: "X Organization (XO) Council" is "XO Council", "Council of XO"."""
        if not body.reference or body.kind != "intergovernmental":
            return None
        k = a
        while k < b and self.mention_at.get(k) is body:
            k += 1
        if k < b and self.tokens[k].text == "(":
            k += 3
        organ = self.ctx.span_text(k, b) if k < b else ""
        if not organ:
            return None
        names = [body.name, body.acronym] if body.acronym else [body.name]
        for name in names:
            for form in (f"{name} {organ}", f"{organ} of the {name}", f"{organ} of {name}"):
                key = self.lexicon.org_for_phrase(form)
                if key is not None:
                    return key
        return None

    def _not_a_body(self, a, b, words) -> bool:
        """A venue ("Conference Centre", "AU Headquarters"), a person's government ("the Smith
        Administration"), a scheme named after a body ("X Office Initiative"), or a
        country's own name ("the Russian Federation", "the Kyrgyz Republic")."""
        lows = [w.lower for w in words]
        if self.lexicon.country_for_phrase(self.ctx.span_text(words[0].i, words[-1].i + 1)):
            return True
        if len(lows) >= 2 and lows[-1] in VENUE_HEADS and lows[-2] in VENUE_WORDS:
            return True
        if (
            len(lows) >= 2
            and lows[-1] in PREMISES_HEADS
            and all(self.mention_at.get(w.i) is not None for w in words[:-1])
        ):
            return True  # "the AU Headquarters": the body's premises
        if (
            len(words) == 2
            and lows[1] in PERSONAL_GOVERNMENT_HEADS
            and not self._is_known_word(words[0].i)
        ):
            return True
        nxt = self.tokens[b] if b < len(self.tokens) else None
        return nxt is not None and nxt.is_cap and nxt.lower in NOT_BODY_TAILS | VENUE_TAILS

    def _demonym_before_title(self, a, b, words) -> bool:
        """ "the Kenyan Cabinet Secretary for Trade": a demonym and generic words before a
        title word are the post's country and post, not a named body (a ministry stays
        one: "the Kenyan Foreign Ministry spokesperson")."""
        m = self.ctx.in_match.get(words[0].i)
        if m is None or m.kind != "demonym":
            return False
        rest = [w for w in words if w.i >= m.end]
        after = self.tokens[b] if b < len(self.tokens) else None
        return (
            bool(rest)
            and all(w.lower in GENERIC for w in rest)
            and after is not None
            and after.lower in TITLE_HEADS
            and not self._ministry(a, b)
        )

    def _generic_only(self, a, b, words) -> bool:
        """Generic words alone ("the National Committee") name no body, unless there are
        three of them ("the National Security Council") or a ministry's domain follows
        ("the Ministry of Energy")."""
        if any(self._match_kind(w.i) for w in words):
            return False
        if not all(w.lower in GENERIC for w in words):
            return False
        content = [w for w in words if w.lower not in CONNECTORS]
        if (
            self._inside_a_post(a)
            and len(words) > 2
            and words[0].lower in ORG_HEADS
            and words[1].lower in CONNECTORS
        ):
            # "High Representative of the Union for Foreign Affairs": the post's words, while
            # "Secretary of the National Security Council" names the council
            return True
        if len(content) >= 3 and all(w.is_cap for w in content):
            # not a heading's capitalised words ("Regional Security Council Meets")
            return a == self.ctx.sentence_of(a)[0] and self.tokens[a].lower not in ORG_HEADS
        lows = [w.lower for w in words]
        return not (
            lows[0] in ("ministry", "ministries")
            and len(lows) >= 3
            and lows[1] == "of"
            and all(w in DOMAIN_WORDS | CONNECTORS for w in lows[2:])
        )

    def _inside_a_post(self, a) -> bool:
        """ "<Post> of the <generic words>": the words go on the post, they name no body."""
        toks = self.tokens
        return (
            a >= 3
            and toks[a - 1].lower == "the"
            and toks[a - 2].lower == "of"
            and toks[a - 3].lower in TITLE_HEADS
        )

    def _body_and_its_head(self, a, b) -> str | None:
        """ "the NATO Alliance": a known body's acronym and a head word from its name."""
        m = self.ctx.in_match.get(a)
        if m is None or m.kind != "acronym" or m.start != a or m.end != b - 1:
            return None
        entry = self.lexicon.organisations.get(m.value)
        head = self.tokens[b - 1].lower
        names = [entry.name, *entry.names] if entry else []
        if any(head in name.lower().split() for name in names):
            return m.value
        return None

    def _after_of(self, k, s_start) -> bool:
        """ "of (the) (Foreign) Ministers": only modifiers between "of" and token ``k``."""
        j = k - 1
        while j > s_start and self.tokens[j].lower in TITLE_MODIFIERS | DOMAIN_WORDS:
            j -= 1
        return self.tokens[j].lower in ("of", "the")

    def _head_ahead(self, k, s_end):
        """True if capitalised words from ``k`` reach an organisation head word."""
        toks = self.tokens
        while k < s_end and (toks[k].is_cap or toks[k].lower in CONNECTORS):
            if toks[k].lower in ORG_HEADS:
                return True
            k += 1
        return False

    def _organ_of(self, a, b):
        """'National Committee of the X' where X is a known body: an organ named generically."""
        toks = self.tokens
        for k in range(a + 1, b):
            if toks[k].lower == "of":
                head_words = [t for t in toks[a:k] if t.is_word]
                rest = k + 1 + (1 if k + 1 < b and toks[k + 1].lower == "the" else 0)
                if (
                    head_words
                    and all(t.lower in GENERIC for t in head_words)
                    and rest < b
                    and self.mention_at.get(rest) is not None
                ):
                    return self.mention_at[rest]
                return None
        return None

    def _emit_phrase(self, a, b):
        toks = self.tokens
        words = [t for t in toks[a:b] if t.is_word]
        if not words or self._not_a_body(a, b, words) or self._demonym_before_title(a, b, words):
            return
        if self._generic_only(a, b, words):
            return
        body = self._body_and_its_head(a, b)
        if body is not None:
            self._add(a, b, "", reference=body)
            return
        canonical = self._ministry(a, b)
        organ_of = self._organ_of(a, b)
        if canonical:
            name, country = canonical
            self._add(a, b, name, kind="ministry", country=country)
        elif organ_of is not None and not organ_of.reference:
            # a generic organ of a body the text names: the same record, another name
            self._add(
                a,
                b,
                organ_of.name,
                acronym=organ_of.acronym,
                kind=organ_of.kind,
                country=organ_of.country,
                key=organ_of.key,
            )
            return
        else:
            name = INNER_ACRONYM.sub("", self.ctx.span_text(a, b))
            body = self.mention_at.get(a)
            known = self._known_organ(body, a, b) if body is not None else None
            if known is not None:
                self._add(a, b, "", reference=known)
                return
            organ = self._add(a, b, name)
            if organ_of is not None and organ_of.reference and organ_of.kind == "intergovernmental":
                body = organ_of  # "Board of Governors of the <body>"
            if body is not None and body.reference and body.kind == "intergovernmental":
                # "African Union Peace and Security Council": an organ of the body it names
                organ.kind, organ.parent_key = "intergovernmental", body.key
        self._nested(a, b)

    def _nested(self, a, b):
        """Bodies named inside a longer name: "Institute at X University", "Party of X ...".

        Nested mentions are recorded without marking their tokens as taken twice."""
        toks = self.tokens
        for k in range(b - 2, a, -1):
            if toks[k].lower in ("of", "at") and k + 1 < b:
                c = k + 1
                if toks[c].lower == "the":
                    c += 1
                heads = [j for j in range(c, b) if toks[j].lower in ORG_HEADS - ORGAN_SUFFIXES]
                if not heads or c >= b:
                    continue
                if any(
                    m.start <= toks[c].start
                    and toks[b - 1].end <= m.end
                    and m.key != ""
                    and m.start != toks[a].start
                    for m in self.mentions
                ):
                    continue
                sub = [t for t in toks[c:b] if t.is_word]
                if _plural_title(sub[0].lower):
                    continue  # "Assembly of Heads of Government": people, no body
                if all(w.lower in GENERIC for w in sub if not self._match_kind(w.i)) and not any(
                    self._match_kind(w.i) for w in sub
                ):
                    continue
                if self._covered_by_reference(c, b):
                    continue
                canonical = self._ministry(c, b)
                if canonical:
                    self._add_nested(c, b, canonical[0], "ministry", canonical[1])
                else:
                    self._add_nested(c, b, self.ctx.span_text(c, b), None, None)
                self._strip_organs(c, b)
                return
        self._strip_organs(a, b)

    def _covered_by_reference(self, a, b):
        m = self.ctx.in_match.get(a)
        return bool(m and m.kind == "org" and m.start == a and m.end == b)

    def _add_nested(self, a, b, name, kind, country):
        saved = set(self.taken)
        self._add(a, b, name, kind=kind, country=country)
        self.taken = saved | set(range(a, b))

    def _strip_organs(self, a, b):
        """'Communist Party of X Central Committee' also names 'Communist Party of X'."""
        toks = self.tokens
        end = b
        while end - 1 > a and toks[end - 1].lower in ORGAN_SUFFIXES:
            end -= 1
        if end == b or end - a < 2:
            return
        if self._match_kind(end - 1) == "country" and any(
            toks[j].lower in ORG_HEADS for j in range(a, end)
        ):
            self._add_nested(a, end, self.ctx.span_text(a, end), None, None)
