"""``PeopleFinder``: candidates first, then full names, then single words that name a
person already met or a titled newcomer; countries last.
"""

from __future__ import annotations

from collections import Counter

from diplomacy.names import name_key

from ..context import Context
from ..identity import NASAB_PARTICLES
from ..lexicons import NAME_PARTICLES
from ..patterns import words
from ..types import OrganisationMention, PersonEntity, PersonMention
from .addressed import AddressedMixin
from .candidates import SOVEREIGN_TITLES, CandidatesMixin
from .countries import CountriesMixin
from .entities import EntitiesMixin
from .lists import ListsMixin
from .titles import TitlesMixin


class PeopleFinder(
    CandidatesMixin, ListsMixin, CountriesMixin, TitlesMixin, EntitiesMixin, AddressedMixin
):
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
        self._mention_starts: dict[int, list[int]] = {}  # entity -> sorted mention starts
        self._first_mention: dict[int, int] = {}  # entity -> index of its first mention
        self.extra_orgs: list[OrganisationMention] = []
        self.title_countries: list[Counter] = []
        self.dateline_countries: list[Counter] = []
        self.igo_posts: list[bool] = []
        self.fallback_countries: list[Counter] = []
        # (entity, start of the sender's name): "X conveyed the greetings of President Y"
        self.sender_links: list[tuple[int, int]] = []

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

    def _particle_surname(self, name: str) -> int | None:
        """The person already named whose surname, with its particles, is ``name``."""
        for i, forms in enumerate(self.forms):
            if any(_is_particle_surname(name, form) for form in forms):
                return i
        return None

    def _part_of_known(self, name: str) -> int | None:
        """The one person already named whose longer name starts or ends with ``name``:
        "President Vargas Llorente" after "Tomás Ignacio Vargas Llorente", "Nuri Hamdan" after
        "Nuri Hamdan Rasyid"."""
        if sum(1 for w in name.split() if w[:1].isupper()) < 2:
            return None
        words = [name_key(w) for w in name.split()]
        owners = set()
        for i, forms in enumerate(self.forms):
            for form in forms:
                if len(form.split()) <= len(words):
                    continue
                fwords = [name_key(w) for w in form.split()]
                if fwords[-len(words) :] == words and _after_particle(form, len(words)):
                    continue  # "Faris bin Saqr" of "Khalid bin Faris bin Saqr": the father
                if fwords[: len(words)] == words or fwords[-len(words) :] == words:
                    owners.add(i)
        return owners.pop() if len(owners) == 1 else None

    def _given_name_of(self, word: str) -> int | None:
        """The person already named in full whose first name is ``word``."""
        key = name_key(word)
        for i, forms in enumerate(self.forms):
            if any(len(f.split()) >= 2 and name_key(f.split()[0]) == key for f in forms):
                return i
        return None

    def run(self):
        candidates = self.candidates()
        self.all_candidates = candidates
        self.mark_lists(candidates)
        self.claim_countries(candidates)
        full, single = [], []
        for c in candidates:
            n_words = len(self._name_text(c.a, c.b).split())
            known = (
                n_words >= 2 and name_key(self._name_text(c.a, c.b)) in self.ctx.lexicon.person_keys
            )
            strong = c.title is not None or c.appositions or c.honorific or known or c.in_list
            sovereign = (
                c.title is not None and self.tokens[c.title[1] - 1].lower in SOVEREIGN_TITLES
            )
            if (n_words >= 2 and (strong or c.verb_after)) or (n_words == 1 and sovereign):
                full.append(c)
            elif n_words >= 1:
                single.append(c)
        # pass 1: full names; "Al Harthy" in a headline waits for "Salim Al Harthy" below
        names = {self._name_text(c.a, c.b) for c in full}
        full.sort(
            key=lambda c: any(
                _is_particle_surname(self._name_text(c.a, c.b), other) for other in names
            )
        )
        for c in full:
            name = self._name_text(c.a, c.b)
            idx = self._particle_surname(name)
            if idx is None:
                idx = self._part_of_known(name)
            if (
                idx is None
                and len(name.split()) == 1
                and c.title is not None
                and self.tokens[c.title[1] - 1].lower in GIVEN_NAME_STYLES
            ):
                idx = self._given_name_of(name)  # "Prince Tarvin" after his full name
            if idx is not None:
                self._add_mention(c.a, c.b, idx, "surname")
                self._attach_titles(idx, c)
                continue
            idx = self._entity_for(name)
            if idx is None:
                idx = self._new_entity(name)
            self.forms[idx][name] += 1
            self._add_mention(c.a, c.b, idx, "full")
            self._attach_titles(idx, c)
        self._join_variants()
        # pass 2: single tokens that name a known entity, or a titled newcomer
        parts = self._name_parts()
        provisional = {}
        for c in single:
            word = self._name_text(c.a, c.b)
            if len(word.split()) >= 2:
                # a full name met before in this document, now without a title
                idx = self._entity_for(word)
                if idx is None:
                    idx = self._variant_entity(word)
                if idx is not None:
                    self.forms[idx][word] += 1
                    self._add_mention(c.a, c.b, idx, "full")
                elif (idx := self._particle_surname(word)) is not None:
                    self._add_mention(c.a, c.b, idx, "surname")
                elif (idx := self._part_of_known(word)) is not None:
                    # "met Vargas Llorente" after "Tomás Ignacio Vargas Llorente"
                    self._add_mention(c.a, c.b, idx, "surname")
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
        self.addressed_posts()
        self._countries()
        keep = self._finalise(provisional)
        return keep


GIVEN_NAME_STYLES = words("person_given_name_styles")


def _after_particle(form: str, n: int) -> bool:
    """Whether the last ``n`` words of ``form`` follow "bin", "ibn": a father's name."""
    words = form.split()
    return len(words) > n and words[-n - 1].lower() in NASAB_PARTICLES


def _is_particle_surname(name: str, form: str) -> bool:
    """ "Van der Linden" (a sentence's first words) is the surname of "Caspar van der Linden"."""
    words = name.split()
    if len(words) < 2 or words[0].lower() not in NAME_PARTICLES:
        return False
    return form.lower().endswith(" " + name.lower()) and form.lower() != name.lower()


def find_people(ctx: Context, organisations: list[OrganisationMention]):
    """(persons, mentions, organisations implied by titles) of one document."""
    finder = PeopleFinder(ctx, organisations)
    entities, mentions = finder.run()
    return entities, mentions, finder.extra_orgs
