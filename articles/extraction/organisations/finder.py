"""``OrganisationFinder``: reference names, acronym definitions, abbreviated forms, phrases,
later uses of acronyms; then one key per body.
"""

from __future__ import annotations

import re

from ..context import Context
from ..identity import organisation_key
from ..lexicons import DOMAIN_WORDS, ORG_HEADS, PLACE_WORDS, REGION_WORDS
from ..types import OrganisationMention
from .acronyms import INNER_ACRONYM, AcronymsMixin, is_acronym
from .ministries import MinistriesMixin
from .phrases import PhrasesMixin
from .vocabulary import KIND_BY_HEAD


class OrganisationFinder(AcronymsMixin, PhrasesMixin, MinistriesMixin):
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
        'Communist Party of China Central Committee' are one body (``identity``)."""
        return organisation_key(self.spelled_out(name))

    def spelled_out(self, name):
        """The name with known acronyms replaced by the names they stand for."""
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
        return name

    def _kind(self, name):
        words = name.lower().split()
        for word in reversed(words):
            if word in KIND_BY_HEAD:
                return KIND_BY_HEAD[word]
        return "other"

    def _country_in(self, a, b):
        for k in range(a, b):
            m = self.ctx.in_match.get(k)
            if m and m.kind in ("country", "demonym", "city", "region"):
                return m.value
        return None

    def _match_kind(self, k):
        m = self.ctx.in_match.get(k)
        return m.kind if m else None

    def _is_known_word(self, k):
        """A capitalised word that can belong to an organisation's name."""
        t = self.tokens[k]
        low = t.lower
        if self._match_kind(k) == "city" and self.ctx.city_in_a_name(k):
            return False
        if self._match_kind(k) in ("country", "demonym", "city", "region", "org", "acronym"):
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
            if self._outlet_of_another_kind(m):
                continue
            self._add(m.start, m.end, "", reference=m.value)

    def _outlet_of_another_kind(self, m) -> bool:
        """ "Phnom Penh, January 22, 2025 AKP --": the outlet a dateline names is a news
        agency; a body of another kind with the same acronym is not meant."""
        entry = self.lexicon.organisations.get(m.value)
        if entry is None or entry.kind == "media":
            return False
        start, end = self.tokens[m.start].start, self.tokens[m.end - 1].end
        story = self.ctx.story_at(start)
        return (
            story is not None
            and story.outlet is not None
            and story.body_start is not None
            and story.body_start - len(story.outlet) - 8 <= start < story.body_start
            and self.ctx.document.text[start:end] in story.outlet
        )

    def run(self) -> list[OrganisationMention]:
        self.reference()
        self.acronym_definitions()
        self.abbreviations()
        self.bare_acronyms_before_organs()
        self.phrases()
        self.defined_acronyms()
        self.acronyms_in_titles()
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
                spelled = self.spelled_out(m.name).lower()
                words = frozenset(re.findall(r"[a-z]+", spelled)) - {"the", "of", "and"}
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
