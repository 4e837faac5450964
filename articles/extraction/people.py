"""Persons: names introduced by a title, an apposition or a verb, and their later mentions.

A capitalised run of name-like tokens is a person when the text says so: a title or
honorific before it ("Chinese Foreign Minister", "Ambassador", "Ms."), an apposition after
it (", vice chairperson of ..."), or a speech or meeting verb right after it ("... said",
"... met"). Titles give the person's posts and country. Within a document, surnames
("Tokayev"), given names and title-only phrases ("the Kazakh President") resolve to the
person introduced; spelling variants of a full name become one person with aliases.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from diplomacy.names import name_key

from .context import Context
from .lexicons import (
    DOMAIN_WORDS,
    HONORIFICS,
    MEETING_VERBS,
    MONTHS,
    NAME_PARTICLES,
    NOT_NAME_WORDS,
    ORG_HEADS,
    PERSON_DESCRIPTORS,
    PLACE_WORDS,
    REGION_WORDS,
    SPEECH_VERBS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    WEEKDAYS,
)
from .types import OrganisationMention, PersonEntity, PersonMention, Position

TITLE_WORDS = TITLE_HEADS | TITLE_MODIFIERS | HONORIFICS | PERSON_DESCRIPTORS
NOT_IN_NAME = (
    NOT_NAME_WORDS
    | TITLE_HEADS
    | TITLE_MODIFIERS
    | HONORIFICS
    | DOMAIN_WORDS
    | ORG_HEADS
    | MONTHS
    | WEEKDAYS
    | PLACE_WORDS
    | REGION_WORDS
    | PERSON_DESCRIPTORS
)
CONNECTORS = frozenset(
    {"of", "for", "the", "on", "and", "'s", "-", "(", ")", "from", "to", "at", "in"}
)
APPOSITION_OPENERS = frozenset(
    {"also", "the", "a", "an", "who", "is", "was", "currently", "now", "then"}
)
GENDER_BY_HONORIFIC = {
    "ms.": "f",
    "ms": "f",
    "mrs.": "f",
    "mrs": "f",
    "madam": "f",
    "mr.": "m",
    "mr": "m",
}
NOT_POSITIONS = PERSON_DESCRIPTORS | {
    "mr.",
    "mr",
    "ms.",
    "ms",
    "mrs.",
    "mrs",
    "dr.",
    "dr",
    "madam",
    "sir",
}
IGO_KINDS = frozenset({"intergovernmental"})


def name_like(text: str) -> bool:
    if len(text) < 2 or not text[0].isupper():
        return False
    core = text.replace("'", "").replace(".", "")
    if not core.isalpha():
        return False
    if text.isupper():
        return False  # acronyms
    return True


@dataclass
class Candidate:
    a: int  # token range of the name
    b: int
    title: tuple[int, int] | None = None  # token range of the title phrase before it
    appositions: list[tuple[int, int]] = field(default_factory=list)
    verb_after: bool = False
    honorific: str | None = None
    country_after: str | None = None


class PeopleFinder:
    def __init__(self, ctx: Context, organisations: list[OrganisationMention]):
        self.ctx = ctx
        self.tokens = ctx.tokens
        self.organisations = organisations
        self.org_at: dict[int, OrganisationMention] = {}
        self.orgs_at: dict[int, list[OrganisationMention]] = {}  # nested bodies too
        self._index_organisations()
        self.entities: list[PersonEntity] = []
        self.forms: list[Counter] = []  # full-name spellings per entity
        self.mentions: list[PersonMention] = []
        self.extra_orgs: list[OrganisationMention] = []
        self.title_countries: list[Counter] = []
        self.igo_posts: list[bool] = []
        self.fallback_countries: list[Counter] = []

    def _index_organisations(self):
        starts = {t.start: t.i for t in self.tokens}
        ends = {t.end: t.i for t in self.tokens}
        for m in self.organisations:
            a, b = starts.get(m.start), ends.get(m.end)
            if a is None or b is None:
                continue
            for k in range(a, b + 1):
                self.org_at.setdefault(k, m)
                self.orgs_at.setdefault(k, []).append(m)

    # -- token classes -------------------------------------------------------------
    def _entity_token(self, k):
        m = self.ctx.in_match.get(k)
        return bool(m) or k in self.org_at

    def _can_start_name(self, k):
        t = self.tokens[k]
        return name_like(t.text) and t.lower not in NOT_IN_NAME and not self._entity_token(k)

    def _klass(self, k):
        t = self.tokens[k]
        low = t.lower
        if t.newline:
            return "X"
        if low in TITLE_WORDS:
            return "T"
        if self._entity_token(k) or low in ORG_HEADS or low in PLACE_WORDS or low in REGION_WORDS:
            return "G"
        if low in DOMAIN_WORDS and t.is_cap:
            return "D"
        if low in CONNECTORS:
            return "C"
        if t.text[:1].isupper() and t.is_word:
            return "U"
        if t.text[:1].isupper() and t.text.isupper():
            return "G"
        return "X"

    # -- finding names -------------------------------------------------------------
    def candidates(self) -> list[Candidate]:
        toks = self.tokens
        out = []
        for s_start, s_end in self.ctx.sentences:
            k = s_start
            while k < s_end:
                if not self._can_start_name(k):
                    k += 1
                    continue
                j = k + 1
                while j < s_end:
                    t = toks[j]
                    if (
                        t.is_hyphen
                        and not toks[j - 1].space_after
                        and not t.space_after
                        and j + 1 < s_end
                        and toks[j + 1].text.isalpha()
                        and (name_like(toks[j + 1].text) or toks[j + 1].text.islower())
                    ):
                        j += 2  # "Kassym-Jomart", "Ji-ho": a hyphen inside one name
                        continue
                    if t.lower in NAME_PARTICLES and not t.is_cap:
                        p = j
                        while p < s_end and toks[p].lower in NAME_PARTICLES and not toks[p].is_cap:
                            p += 1
                        if p < s_end and self._can_start_name(p):
                            j = p + 1
                            continue
                        break
                    if self._can_start_name(j) and t.lower not in NOT_IN_NAME:
                        j += 1
                        continue
                    break
                if j - k <= 5:
                    out.append(self._evidence(Candidate(k, j), s_start, s_end))
                k = j
        return out

    def _evidence(self, c: Candidate, s_start, s_end) -> Candidate:
        toks = self.tokens
        c.title = self._title_before(c.a, s_start)
        if c.title is None and c.a - 1 > s_start and toks[c.a - 1].text == ",":
            # "his Canadian counterpart, X", "the UN Special Envoy for Y, X"
            title = self._title_before(c.a - 1, s_start)
            if title is not None and self._determined(title[0], s_start):
                c.title = (title[0], c.a - 1)
        c.country_after = self._country_after(c.b, s_end)
        if c.a - 1 >= s_start and toks[c.a - 1].lower in HONORIFICS:
            c.honorific = toks[c.a - 1].lower
        c.appositions = self._appositions(c.b, s_end)
        nxt = c.b
        while nxt < s_end and toks[nxt].lower in (
            "also",
            "on",
            "has",
            "had",
            "have",
            "then",
            "later",
            "once",
            "again",
            "here",
        ):
            nxt += 1
            if nxt < s_end and toks[nxt - 1].lower == "on":
                nxt += 1  # "on Monday"
        if nxt < s_end and (toks[nxt].lower in SPEECH_VERBS or toks[nxt].lower in MEETING_VERBS):
            c.verb_after = True
        return c

    def _determined(self, k, s_start):
        """True if the phrase starting at ``k`` follows a determiner: "the", "his", "a"."""
        return k - 1 >= s_start and self.tokens[k - 1].lower in (
            "the",
            "his",
            "her",
            "their",
            "its",
            "a",
            "an",
            "our",
            "your",
        )

    def _country_after(self, b, s_end):
        """'X of Ethiopia': a country named right after the name."""
        toks = self.tokens
        if b + 1 < s_end and toks[b].lower == "of":
            k = b + 1 + (1 if toks[b + 1].lower == "the" else 0)
            m = self.ctx.in_match.get(k)
            if m and m.kind == "country" and m.start == k:
                return m.value
        return None

    def _title_before(self, a, s_start):
        """Token range of the title phrase ending right before token ``a``."""
        toks = self.tokens
        k = a - 1
        collected = []
        while k >= s_start:
            t = toks[k]
            if t.text == ")":
                # skip a short parenthetical: "(full minister rank)", "(CICA)"
                p = k - 1
                while p >= s_start and toks[p].text != "(" and k - p < 8:
                    p -= 1
                if p >= s_start and toks[p].text == "(":
                    collected.extend(range(k, p - 1, -1))
                    k = p - 1
                    continue
                break
            klass = self._klass(k)
            if klass == "X":
                break
            if t.is_hyphen and (t.space_after or (k > 0 and toks[k - 1].space_after)):
                break  # a dash between clauses or after a dateline, not "then-President"
            if t.lower == "and" and k - 1 >= s_start and self._klass(k - 1) == "U":
                break
            if t.lower in ("in", "at") and k + 1 < a and k not in self.org_at:
                break
            collected.append(k)
            k -= 1
        if not collected:
            return None
        collected.reverse()
        # the phrase starts at a title word, entity or domain word, not at a stray name
        start_at = None
        for idx in collected:
            if self._klass(idx) in ("T", "G", "D") and toks[idx].lower not in ("the",):
                start_at = idx
                break
        if start_at is None:
            return None
        phrase = [i for i in collected if i >= start_at]
        if not any(toks[i].lower in TITLE_WORDS for i in phrase):
            return None
        # a name inside the phrase ("President X and Prime Minister") ends it on the left
        for i in range(len(phrase) - 1, 0, -1):
            if self._klass(phrase[i]) == "U" and self._klass(phrase[i - 1]) == "U":
                phrase = phrase[i + 1 :]
                break
        while phrase and self._klass(phrase[0]) == "C":
            phrase = phrase[1:]
        if not phrase or not any(toks[i].lower in TITLE_WORDS for i in phrase):
            return None
        return phrase[0], a

    def _appositions(self, b, s_end):
        toks = self.tokens
        out = []
        k = b
        while k < s_end and toks[k].text == ",":
            p = k + 1
            while p < s_end and toks[p].lower in APPOSITION_OPENERS:
                p += 1
            # ", Kazakhstan's ambassador to ...", ", the Chinese envoy": a country first
            q = p
            while q < s_end and (
                (self.ctx.in_match.get(q) and self.ctx.in_match[q].kind in ("country", "demonym"))
                or toks[q].text == "'s"
            ):
                q += 1
            if q > p and q < s_end and toks[q].lower in TITLE_WORDS:
                p_title = q
            else:
                p_title = p
            if p_title >= s_end or toks[p_title].lower not in TITLE_WORDS:
                break
            if toks[p_title].lower.endswith("s") and toks[p_title].lower[:-1] in TITLE_WORDS:
                break  # "ambassadors from ...": a plural is not this person's post
            q = p
            depth = 0
            while q < s_end:
                t = toks[q]
                if t.text == "(":
                    depth += 1
                elif t.text == ")":
                    depth -= 1
                    if depth < 0:
                        break
                elif depth == 0 and t.text in (",", ";", ".", ":"):
                    break
                elif depth == 0 and t.is_word and not t.is_cap and self._klass(q) == "X":
                    break
                q += 1
            if self._ends_with_name(p, q):
                break  # the next person's title, not an apposition: "A, Minister X B"
            out.append((p, q))
            k = q
        return out

    def _ends_with_name(self, p, q):
        toks = self.tokens
        run = 0
        for k in range(q - 1, p - 1, -1):
            if self._can_start_name(k) or (toks[k].is_hyphen and run):
                run += 1 if not toks[k].is_hyphen else 0
                continue
            break
        return run >= 1 and q - run > p

    # -- titles -> positions -----------------------------------------------------------
    def _positions(self, a, b) -> tuple[list[Position], str | None, bool, str | None]:
        """Positions in the title phrase [a, b), its country, whether it is an IGO post,
        and the gender an honorific shows."""
        toks = self.tokens
        words = list(range(a, b))
        gender = None
        # split at "and" between two titles (not inside an organisation's name)
        parts, current = [], []
        for k in words:
            if toks[k].lower == "and" and k not in self.org_at and current:
                rest = [i for i in words if i > k]
                if any(toks[i].lower in TITLE_HEADS for i in current) and any(
                    toks[i].lower in TITLE_HEADS for i in rest
                ):
                    parts.append(current)
                    current = []
                    continue
            current.append(k)
        if current:
            parts.append(current)
        positions = []
        country = None
        igo = False
        for part in parts:
            # honorifics at either end are not part of the post
            while part and toks[part[-1]].lower in HONORIFICS:
                h = toks[part[-1]].lower
                gender = gender or GENDER_BY_HONORIFIC.get(h)
                if h == "ambassador":
                    positions.append(Position(title="Ambassador"))
                part = part[:-1]
            while (
                part and toks[part[0]].lower in HONORIFICS and toks[part[0]].lower != "ambassador"
            ):
                gender = gender or GENDER_BY_HONORIFIC.get(toks[part[0]].lower)
                part = part[1:]
            if not part:
                continue
            part_country, org = None, None
            for k in part:
                m = self.ctx.in_match.get(k)
                if (
                    m
                    and m.kind in ("country", "demonym")
                    and part_country is None
                    and k not in self.org_at
                ):
                    part_country = m.value
                if k in self.org_at and org is None:
                    org = self.org_at[k]
            if org is not None:
                if org.kind in IGO_KINDS:
                    igo = True
                elif part_country is None:
                    # the body's country, or that of a body it is an organ of
                    inner = [o for k in part for o in self.orgs_at.get(k, []) if o.country]
                    if inner and inner[0].kind not in IGO_KINDS:
                        part_country = inner[0].country
            title_tokens = self._strip_country(part)
            title = self._title_text(title_tokens)
            if not title or title.lower() in NOT_POSITIONS:
                if title.lower() in PERSON_DESCRIPTORS and part_country:
                    country = country or part_country
                continue
            if not any(toks[i].lower in TITLE_HEADS for i in title_tokens):
                if part_country and not igo:
                    country = country or part_country
                continue
            org_key = org.key if org is not None else None
            if org is None and part_country:
                implied = self._implied_ministry(title_tokens, part_country, part)
                if implied:
                    org_key = implied.key
            positions.append(Position(title=title, organisation_key=org_key, country=part_country))
            if part_country and not (org is not None and org.kind in IGO_KINDS):
                country = country or part_country
        return positions, country, igo, gender

    def _strip_country(self, part):
        """Drop a leading demonym / "Country's" and a trailing "of (the) Country"."""
        toks = self.tokens
        part = list(part)
        while part:
            m = self.ctx.in_match.get(part[0])
            if m and m.kind in ("country", "demonym") and part[0] not in self.org_at:
                part = [k for k in part if k >= m.end]
                if part and toks[part[0]].text == "'s":
                    part = part[1:]
                continue
            if toks[part[0]].lower in ("the", "then", "-") or self._klass(part[0]) == "C":
                if toks[part[0]].lower == "then" and len(part) > 1:
                    part = part[1:]
                    continue
                part = part[1:]
                continue
            break
        # trailing "of (the) <country>"
        for i in range(1, len(part)):
            if toks[part[i]].lower == "of":
                rest = part[i + 1 :]
                rest_words = [k for k in rest if toks[k].lower != "the"]
                if rest_words and all(
                    (
                        self.ctx.in_match.get(k)
                        and self.ctx.in_match[k].kind == "country"
                        and k not in self.org_at
                    )
                    for k in rest_words
                ):
                    part = part[:i]
                    break
        return part

    def _title_text(self, part):
        toks = self.tokens
        if not part:
            return ""
        text = self.ctx.document.text[toks[part[0]].start : toks[part[-1]].end]
        # drop a parenthetical aside that is not an acronym: "(full minister rank)"
        if "(" in text:
            open_at = text.find("(")
            close_at = text.find(")", open_at)
            inner = text[open_at + 1 : close_at] if close_at > open_at else text[open_at + 1 :]
            if not inner.isupper():
                text = (
                    text[:open_at] + (text[close_at + 1 :] if close_at > open_at else "")
                ).strip()
        text = " ".join(text.split())
        return text[:1].upper() + text[1:]

    def _implied_ministry(self, title_tokens, country, part):
        """'Foreign Minister' of a country implies its Ministry of Foreign Affairs."""
        toks = self.tokens
        lows = [toks[k].lower for k in title_tokens]
        if "minister" not in lows and "fm" not in lows:
            return None
        head = next(i for i, k in enumerate(title_tokens) if toks[k].lower in ("minister", "fm"))
        before = [toks[k].text for k in title_tokens[:head] if toks[k].lower in DOMAIN_WORDS]
        after = [toks[k].text for k in title_tokens[head:] if toks[k].lower in DOMAIN_WORDS]
        # "Foreign Minister for Economic Diplomacy" works in the Foreign Ministry
        domain = [d for d in (before or after) if d.lower() != "state"]
        if "fm" in lows:
            domain = ["Foreign"]
        if not domain or len(domain) > 3:
            return None
        domain_text = " ".join(domain)
        if domain_text.lower() == "foreign":
            domain_text = "Foreign Affairs"
        if "prime" in lows and not any(toks[k].lower == "of" for k in title_tokens):
            return None
        country_name = self.ctx.lexicon.countries[country].name
        name = f"Ministry of {domain_text} of {country_name}"
        from diplomacy.names import org_key

        mention = OrganisationMention(
            start=toks[part[0]].start,
            end=toks[part[-1]].end,
            text=self.ctx.document.text[toks[part[0]].start : toks[part[-1]].end],
            key=org_key(name),
            name=name,
            kind="ministry",
            country=country,
            implied=True,
        )
        self.extra_orgs.append(mention)
        return mention

    # -- entities ------------------------------------------------------------------
    def _entity_for(self, name: str) -> int | None:
        key = name_key(name)
        for i, forms in enumerate(self.forms):
            for form in forms:
                fkey = name_key(form)
                if fkey == key:
                    return i
                if (
                    len(form.split()) == len(name.split())
                    and fkey[:1] == key[:1]
                    and fuzz.ratio(fkey, key) >= 92
                ):
                    return i
        return None

    def _new_entity(self, name):
        self.entities.append(PersonEntity(name=name))
        self.forms.append(Counter())
        self.title_countries.append(Counter())
        self.igo_posts.append(False)
        self.fallback_countries.append(Counter())
        return len(self.entities) - 1

    def _add_mention(self, a, b, entity, form):
        toks = self.tokens
        self.mentions.append(
            PersonMention(
                start=toks[a].start,
                end=toks[b - 1].end,
                text=self.ctx.document.text[toks[a].start : toks[b - 1].end],
                entity=entity,
                form=form,
            )
        )

    def _name_text(self, a, b):
        return " ".join(
            self.ctx.document.text[self.tokens[a].start : self.tokens[b - 1].end].split()
        )

    def run(self):
        candidates = self.candidates()
        full, single = [], []
        for c in candidates:
            n_words = len(self._name_text(c.a, c.b).split())
            known = (
                n_words >= 2 and name_key(self._name_text(c.a, c.b)) in self.ctx.lexicon.person_keys
            )
            strong = c.title is not None or c.appositions or c.honorific or known
            if n_words >= 2 and (strong or c.verb_after):
                full.append(c)
            elif n_words >= 1:
                single.append(c)
        # pass 1: full names
        for c in full:
            name = self._name_text(c.a, c.b)
            idx = self._entity_for(name)
            if idx is None:
                idx = self._new_entity(name)
            self.forms[idx][name] += 1
            self._add_mention(c.a, c.b, idx, "full")
            self._attach_titles(idx, c)
        # pass 2: single tokens that name a known entity, or a titled newcomer
        parts = self._name_parts()
        provisional = {}
        for c in single:
            word = self._name_text(c.a, c.b)
            if len(word.split()) >= 2:
                # a full name met before in this document, now without a title
                idx = self._entity_for(word)
                if idx is not None:
                    self.forms[idx][word] += 1
                    self._add_mention(c.a, c.b, idx, "full")
                continue
            choices = parts.get(name_key(word))
            if choices:
                idx = self._nearest(choices, self.tokens[c.a].start)
                self._add_mention(c.a, c.b, idx, "surname")
                self._attach_titles(idx, c)
            elif c.title is not None and (c.verb_after or c.appositions or True):
                key = name_key(word)
                if key not in provisional:
                    provisional[key] = self._new_entity(word)
                idx = provisional[key]
                self.forms[idx][word] += 0
                self._add_mention(c.a, c.b, idx, "surname")
                self._attach_titles(idx, c)
        self._countries()
        keep = self._finalise(provisional)
        return keep

    def _name_parts(self):
        parts: dict[str, list[int]] = {}
        for i, forms in enumerate(self.forms):
            for form in forms:
                words = [w for w in form.replace("-", " ").split() if w[:1].isupper()]
                for w in words + [form.split()[-1]]:
                    parts.setdefault(name_key(w), [])
                    if i not in parts[name_key(w)]:
                        parts[name_key(w)].append(i)
        return parts

    def _nearest(self, choices, char):
        """The entity among ``choices`` mentioned last before ``char`` (else first after)."""
        best, best_pos = None, None
        for m in self.mentions:
            if m.entity in choices and m.start <= char and (best_pos is None or m.start > best_pos):
                best, best_pos = m.entity, m.start
        if best is None:
            for m in self.mentions:
                if m.entity in choices:
                    return m.entity
            return choices[0]
        return best

    def _attach_titles(self, idx, c: Candidate):
        entity = self.entities[idx]
        phrases = ([c.title] if c.title else []) + c.appositions
        for a, b in phrases:
            positions, country, igo, gender = self._positions(a, b)
            for p in positions:
                if not any(p.title.lower() == q.title.lower() for q in entity.positions):
                    entity.positions.append(p)
            if country:
                self.title_countries[idx][country] += 1
            if igo:
                self.igo_posts[idx] = True
            if gender and not entity.gender:
                entity.gender = gender
        if c.country_after:
            self.title_countries[idx][c.country_after] += 2
        if c.honorific and not entity.gender:
            entity.gender = GENDER_BY_HONORIFIC.get(c.honorific)
        # the nearest country named in the same sentence, used only as a last resort
        s_start, s_end = self.ctx.sentence_of(c.a)
        best = None
        for k in range(max(s_start, c.a - 15), c.a):
            m = self.ctx.in_match.get(k)
            org = self.org_at.get(k)
            if (
                m
                and m.kind in ("country", "demonym")
                and (org is None or org.kind not in IGO_KINDS)
            ):
                d = c.a - k
                if best is None or d < best[0]:
                    best = (d, m.value)
        if best:
            self.fallback_countries[idx][best[1]] += 1

    def _countries(self):
        for i, entity in enumerate(self.entities):
            if self.title_countries[i]:
                entity.country = self.title_countries[i].most_common(1)[0][0]
            elif not self.igo_posts[i] and self.fallback_countries[i]:
                entity.country = self.fallback_countries[i].most_common(1)[0][0]

    def _finalise(self, provisional):
        """Fold provisional one-word persons into full names; drop the rest; renumber."""
        parts = self._name_parts()
        remap = {}
        for key, idx in provisional.items():
            owners = [i for i in parts.get(key, []) if i != idx and sum(self.forms[i].values())]
            if owners:
                target = owners[0]
                remap[idx] = target
                te, pe = self.entities[target], self.entities[idx]
                for p in pe.positions:
                    if not any(p.title.lower() == q.title.lower() for q in te.positions):
                        te.positions.append(p)
                te.country = te.country or pe.country
        keep = [i for i in range(len(self.entities)) if sum(self.forms[i].values()) > 0]
        new_index = {old: new for new, old in enumerate(keep)}
        for old, target in remap.items():
            new_index[old] = new_index[target]
        entities = []
        for i in keep:
            e = self.entities[i]
            forms = self.forms[i]
            # the name as most often written; ties go to the first seen
            e.name = max(forms, key=lambda f: (forms[f], -list(forms).index(f)))
            e.aliases = [f for f in forms if f != e.name and len(f.split()) >= 2]
            entities.append(e)
        mentions = []
        for m in self.mentions:
            if m.entity in new_index:
                m.entity = new_index[m.entity]
                mentions.append(m)
        self.entities = entities
        self.mentions = mentions
        return entities, mentions


def find_people(ctx: Context, organisations: list[OrganisationMention]):
    """(persons, mentions, organisations implied by titles) of one document."""
    finder = PeopleFinder(ctx, organisations)
    entities, mentions = finder.run()
    return entities, mentions, finder.extra_orgs
