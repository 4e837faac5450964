"""Organisations: the reference data, names defined with an acronym, and named bodies.

Three sources, in order of trust:
1. a name or acronym from the reference data (SCO, CICA, the UN General Assembly);
2. a name followed by its acronym in parentheses ("... Development Financing (CAPDF)");
3. a capitalised phrase around an organisation head word ("Ministry", "University",
   "Committee"), trimmed of titles and of the names that follow it.
Ministries are given one canonical form: "the Kazakh MFA", "Chinese Foreign Ministry" and
"Ministry of Foreign Affairs of China" all become "Ministry of <domain> of <country>".
"""

from __future__ import annotations

import re

from diplomacy.names import org_key

from .context import Context
from .lexicons import (
    DOMAIN_WORDS,
    HONORIFICS,
    NOT_NAME_WORDS,
    ORG_HEADS,
    ORG_HEADS_WITH_ON,
    ORGAN_SUFFIXES,
    PLACE_WORDS,
    REGION_WORDS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
)
from .types import OrganisationMention

ACRONYM = re.compile(r"^[A-Z][A-Za-z]{0,6}[A-Z]$")
INNER_ACRONYM = re.compile(r"\s*\([A-Z][A-Za-z]{0,6}[A-Z]\)(?=\s+\S)")  # "Party of X (CPC) Central"
CONNECTORS = frozenset({"of", "for", "the", "and", "on", "at", "'s", "&", "-"})
MINISTRY_WORDS = frozenset({"ministry", "mfa"})
KIND_BY_HEAD = {
    "ministry": "ministry",
    "ministries": "ministry",
    "party": "party",
    "parliament": "parliament",
    "assembly": "parliament",
    "congress": "parliament",
    "senate": "parliament",
    "duma": "parliament",
    "majlis": "parliament",
    "mazhilis": "parliament",
    "university": "university",
    "universities": "university",
    "college": "university",
    "academy": "university",
    "institute": "think_tank",
    "institutes": "think_tank",
    "company": "company",
    "corporation": "company",
    "bank": "company",
    "government": "government",
    "council": "government",
    "secretariat": "intergovernmental",
    "agency": "government",
    "department": "government",
}
# Words an organisation's own name needs beyond generic heads ("National Committee" is not
# a name; "Bishkek State University" is).
GENERIC = ORG_HEADS | DOMAIN_WORDS | TITLE_HEADS | TITLE_MODIFIERS | CONNECTORS | REGION_WORDS


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


class OrganisationFinder:
    """Finds the organisations of one document; ``by_acronym`` serves later mentions."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.tokens = ctx.tokens
        self.lexicon = ctx.lexicon
        self.mentions: list[OrganisationMention] = []
        self.taken: set[int] = set()
        self.by_acronym: dict[str, OrganisationMention] = {}
        self.mention_at: dict[int, OrganisationMention] = {}

    # -- helpers -----------------------------------------------------------------
    def _add(self, a, b, name, *, acronym=None, kind=None, country=None, reference=None, key=None):
        """Record a mention covering tokens [a, b)."""
        ctx = self.ctx
        entry = self.lexicon.organisations.get(reference) if reference else None
        if entry:
            name, key = entry.name, entry.key
            acronym = acronym or entry.acronym
            kind = entry.kind
            country = entry.country
        mention = OrganisationMention(
            start=self.tokens[a].start,
            end=self.tokens[b - 1].end,
            text=ctx.document.text[self.tokens[a].start : self.tokens[b - 1].end],
            key=key or self.key_of(name),
            name=name,
            acronym=acronym,
            kind=kind or self._kind(name),
            country=country if entry else (country or self._country_in(a, b)),
            parent_key=entry.parent_key if entry else None,
            reference=bool(entry),
        )
        self.mentions.append(mention)
        self.taken.update(range(a, b))
        for k in range(a, b):
            self.mention_at.setdefault(k, mention)
        if acronym:
            self.by_acronym.setdefault(acronym, mention)
        return mention

    def key_of(self, name):
        """Match key with known acronyms spelled out: 'CPC Central Committee' and
        'Communist Party of China Central Committee' are one body."""
        name = INNER_ACRONYM.sub("", name)
        words = name.split()
        if len(words) > 1 and any(is_acronym(w) for w in words):
            expanded = []
            for w in words:
                full = self.lexicon.acronym_name.get(w)
                if full is None and w in self.by_acronym:
                    full = self.by_acronym[w].name
                expanded.append(full or w)
            name = " ".join(expanded)
        return org_key(name)

    def _kind(self, name):
        words = name.lower().split()
        for word in reversed(words):
            if word in KIND_BY_HEAD:
                return KIND_BY_HEAD[word]
        return "other"

    def _country_in(self, a, b):
        for k in range(a, b):
            m = self.ctx.in_match.get(k)
            if m and m.kind in ("country", "demonym", "city"):
                return m.value
        return None

    def _match_kind(self, k):
        m = self.ctx.in_match.get(k)
        return m.kind if m else None

    def _is_known_word(self, k):
        """A capitalised word that can belong to an organisation's name."""
        t = self.tokens[k]
        low = t.lower
        if self._match_kind(k) in ("country", "demonym", "city", "org", "acronym"):
            return True
        return (
            low in ORG_HEADS
            or low in DOMAIN_WORDS
            or low in PLACE_WORDS
            or low in REGION_WORDS
            or is_acronym(t.text)
        )

    # -- 1. reference names ------------------------------------------------------
    def reference(self):
        for m in self.ctx.matches:
            if m.kind not in ("org", "acronym"):
                continue
            if any(k in self.taken for k in range(m.start, m.end)):
                continue
            self._add(m.start, m.end, "", reference=m.value)

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

    # -- 3. capitalised phrases around a head word --------------------------------
    def phrases(self):
        toks = self.tokens
        for s_start, s_end in self.ctx.sentences:
            k = s_start
            while k < s_end:
                t = toks[k]
                if t.lower in ORG_HEADS and t.is_cap and k not in self.taken:
                    span = self._extend(k, s_start, s_end)
                    if span:
                        a, b = span
                        self._emit_phrase(a, b)
                        k = b
                        continue
                k += 1

    def _extend(self, head, s_start, s_end):
        toks = self.tokens
        # leftwards: capitalised words, joined by hyphens, 's, and "of the"/"and"
        a = head
        while a - 1 >= s_start:
            p = toks[a - 1]
            if (a - 1) in self.taken:
                # an organ named after its body: "African Union Peace and Security Council"
                m = self.mention_at.get(a - 1)
                if m is not None and m.reference and m.kind == "intergovernmental":
                    a -= 1
                    while a - 1 >= s_start and self.mention_at.get(a - 1) is m:
                        a -= 1
                break
            if p.is_hyphen or p.text == "'s":
                a -= 1
                continue
            if p.is_cap and p.lower not in NOT_NAME_WORDS and p.lower not in HONORIFICS:
                if p.lower in TITLE_HEADS and p.lower not in ("general", "executive", "supreme"):
                    break
                if p.lower in TITLE_HEADS and toks[a].lower not in ORG_HEADS:
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
        # the phrase must not continue into lower-case words ("... Asia cooperation mechanism")
        tail = toks[b] if b < s_end else None
        last = toks[b - 1]
        ends_as_modifier = last.lower in REGION_WORDS or (
            self._match_kind(b - 1) is None and last.lower not in ORG_HEADS | DOMAIN_WORDS
        )
        if tail is not None and tail.is_word and not tail.is_cap and ends_as_modifier:
            if tail.lower not in ("in", "on", "at", "and", "to", "of"):
                b = head + 1
        return a, b

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
        if not words:
            return
        if all(w.lower in GENERIC for w in words if not self._match_kind(w.i)):
            if not any(self._match_kind(w.i) for w in words):
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
            self._add(a, b, name)
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

    def _ministry(self, a, b):
        """(canonical name, iso2) for a ministry phrase, else None."""
        toks = self.tokens
        words = [t for t in toks[a:b] if t.is_word or t.text == "'s"]
        lows = [t.lower for t in words]
        if not any(w in MINISTRY_WORDS for w in lows):
            return None
        country = None
        domain = []
        for t in words:
            kind = self._match_kind(t.i)
            if kind in ("country", "demonym") and country is None:
                country = self.ctx.in_match[t.i].value
            elif t.lower in DOMAIN_WORDS:
                domain.append(t.text)
        if not country or not domain:
            return None
        if len(domain) > 4 or len(words) > 9:
            return None  # a department inside a ministry, or something longer
        domain_text = " ".join(d[:1].upper() + d[1:] for d in domain)
        if domain_text.lower() == "foreign":
            domain_text = "Foreign Affairs"
        name = self.lexicon.countries[country].name
        return f"Ministry of {domain_text} of {name}", country

    # -- 4. lower-case and abbreviated forms --------------------------------------
    def abbreviations(self):
        """'the Kazakh MFA', 'MFA of Kazakhstan', 'the Turkmen parliament'."""
        toks = self.tokens
        n = len(toks)
        for k, t in enumerate(toks):
            if k in self.taken:
                continue
            if t.text == "MFA":
                country = None
                a, b = k, k + 1
                if k > 0 and self._match_kind(k - 1) in ("demonym", "country"):
                    country = self.ctx.in_match[k - 1].value
                    a = k - 1
                elif (
                    k + 2 < n
                    and toks[k + 1].lower == "of"
                    and self._match_kind(k + 2) in ("country",)
                ):
                    country = self.ctx.in_match[k + 2].value
                    b = self.ctx.in_match[k + 2].end
                if country:
                    name = f"Ministry of Foreign Affairs of {self.lexicon.countries[country].name}"
                    self._add(a, b, name, kind="ministry", country=country)
            elif t.lower == "parliament" and not t.is_cap and k > 0:
                if self._match_kind(k - 1) == "demonym":
                    country = self.ctx.in_match[k - 1].value
                    name = f"Parliament of {self.lexicon.countries[country].name}"
                    self._add(k - 1, k + 1, name, kind="parliament", country=country)

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

    def bare_acronyms_before_organs(self):
        """An unknown acronym naming a body's parent: 'CPC Central Committee' -> 'CPC'."""
        toks = self.tokens
        for k in range(len(toks) - 1):
            t = toks[k]
            if not is_acronym(t.text) or self._match_kind(k) or t.text in self.by_acronym:
                continue
            if toks[k + 1].lower in ORGAN_SUFFIXES | ORG_HEADS and toks[k + 1].is_cap:
                self._add_nested(k, k + 1, t.text, None, None)
                self.mentions[-1].acronym = t.text
                self.by_acronym.setdefault(t.text, self.mentions[-1])

    def run(self) -> list[OrganisationMention]:
        self.reference()
        self.acronym_definitions()
        self.abbreviations()
        self.bare_acronyms_before_organs()
        self.phrases()
        self.defined_acronyms()
        self.mentions.sort(key=lambda m: (m.start, -m.end))
        self._merge_keys()
        return self.mentions

    def _merge_keys(self):
        """One key per body: a name's variants, its acronym, and reordered words."""
        by_acronym: dict[str, str] = {}
        by_words: dict[frozenset, str] = {}
        for m in self.mentions:
            if m.acronym and m.acronym in by_acronym:
                target = by_acronym[m.acronym]
            else:
                words = frozenset(re.findall(r"[a-z]+", m.name.lower())) - {"the", "of", "and"}
                target = by_words.get(words, m.key) if len(words) >= 2 else m.key
                by_words.setdefault(words, target)
                if m.acronym:
                    by_acronym[m.acronym] = target
            if target != m.key:
                canonical = next(x for x in self.mentions if x.key == target)
                m.key, m.name = target, canonical.name
        acronyms: dict[str, str] = {}
        for m in self.mentions:
            if m.acronym:
                acronyms.setdefault(m.key, m.acronym)
        for m in self.mentions:
            m.acronym = acronyms.get(m.key)


def find_organisations(ctx: Context) -> list[OrganisationMention]:
    return OrganisationFinder(ctx).run()
