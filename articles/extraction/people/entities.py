"""Entities: mentions clustered into persons (spelling variants, surnames, given names),
their countries, and the final list with provisional one-word persons folded in.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

from diplomacy.names import name_key, post_key, post_key_without_domain

from ..identity import PersonFacts, same_person, same_person_name, variant_bucket
from ..lexicons import DOMAIN_WORDS, TITLE_HEADS
from ..patterns import mapping, table, word_entries, words
from ..types import PersonEntity, PersonMention, Position
from .candidates import Candidate, is_initial
from .vocabulary import GENDER_BY_HONORIFIC, HOST_VERBS, IGO_KINDS

# A bare national title takes the dateline's country: see patterns/persons.toml
PATTERNS = table("persons")
NATIONAL_OFFICE = PATTERNS["national_office"]
OTHER_OFFICE = PATTERNS["other_office"]
OF_THE_REPUBLIC = PATTERNS["of_the_republic"]
COUNTERPART_HEADS = words("coreference_counterpart_heads")
POSTS_OF_ONE_COUNTRY = mapping("persons", "posts_of_one_country")
POST_OF_ONE_COUNTRY = re.compile(
    r"\b(?:" + "|".join(re.escape(p) for p in sorted(POSTS_OF_ONE_COUNTRY, key=len)[::-1]) + r")\b"
)


class EntitiesMixin:
    """Part of ``PeopleFinder``: persons, their mentions and their countries."""

    # -- entities ------------------------------------------------------------------
    def _entity_for(self, name: str) -> int | None:
        for i, forms in enumerate(self.forms):
            if any(same_person_name(name, form) for form in forms):
                return i
        return None

    def _facts(self, i: int) -> PersonFacts:
        """What the document has told so far of entity ``i`` (``identity.same_person``)."""
        country = self.title_countries[i].most_common(1)
        return PersonFacts(
            names=tuple(self.forms[i]),
            posts=frozenset(post_key(p.title) for p in self.entities[i].positions),
            country=country[0][0] if country else None,
        )

    def _variant_entity(self, name: str) -> int | None:
        """The one person already named of whom ``name``, told with no post, is another
        writing ("Jonathan Harlow" after "President Jon Q. Harlow")."""
        # ``_entity_for`` found no form that is the same name, so only a variant can be, and
        # variants share a bucket: the others' facts need not be gathered
        bucket = variant_bucket(name)
        if bucket is None:
            return None
        facts = PersonFacts(names=(name,))
        found = [
            i
            for i in range(len(self.entities))
            if any(variant_bucket(form) == bucket for form in self.forms[i])
            and same_person(facts, self._facts(i), same_document=True)
        ]
        return found[0] if len(found) == 1 else None

    def _join_variants(self):
        """Persons named two ways in one document joined into one: a given name and its
        short form, a nasab chain with or without the grandfather, with the same post
        (``identity.same_person``). A person joins one other only."""
        facts = [self._facts(i) for i in range(len(self.entities))]
        buckets: dict[str, list[int]] = {}  # only names of one bucket can be variants
        for j in range(len(facts)):
            if not self.forms[j]:
                continue
            keys = {b for name in self.forms[j] if (b := variant_bucket(name)) is not None}
            earlier = sorted({i for b in keys for i in buckets.get(b, ())})
            for b in keys:
                buckets.setdefault(b, []).append(j)
            owners = [
                i
                for i in earlier
                if self.forms[i] and same_person(facts[i], facts[j], same_document=True)
            ]
            if len(owners) == 1:
                self._join(owners[0], j)
                facts[owners[0]] = self._facts(owners[0])
                for b in keys:  # the joined person is found by each name it now has
                    if owners[0] not in buckets[b]:
                        buckets[b].append(owners[0])

    def _join(self, i: int, j: int):
        """Entity ``j``'s names, posts, evidence and mentions moved to entity ``i``."""
        self.forms[i].update(self.forms[j])
        self.forms[j].clear()
        for p in self.entities[j].positions:
            add_position(self.entities[i], p)
        self.entities[i].gender = self.entities[i].gender or self.entities[j].gender
        for counters in (self.title_countries, self.fallback_countries, self.dateline_countries):
            counters[i].update(counters[j])
            counters[j].clear()
        self.igo_posts[i] = self.igo_posts[i] or self.igo_posts[j]
        for m in self.mentions:
            if m.entity == j:
                m.entity = i
        starts = self._mention_starts.pop(j, [])
        self._mention_starts[i] = sorted(self._mention_starts.get(i, []) + starts)
        if j in self._first_mention:
            first = self._first_mention.pop(j)
            self._first_mention[i] = min(self._first_mention.get(i, first), first)

    def _new_entity(self, name):
        self.entities.append(PersonEntity(name=name))
        self.forms.append(Counter())
        self.title_countries.append(Counter())
        self.igo_posts.append(False)
        self.fallback_countries.append(Counter())
        self.dateline_countries.append(Counter())
        return len(self.entities) - 1

    def _add_mention(self, a, b, entity, form):
        toks = self.tokens
        # where each entity is mentioned, kept sorted, so _nearest needs no scan of them all
        self._first_mention.setdefault(entity, len(self.mentions))
        bisect.insort(self._mention_starts.setdefault(entity, []), toks[a].start)
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
        last_before = {}
        for entity in choices:
            starts = self._mention_starts.get(entity, [])
            k = bisect.bisect_right(starts, char)
            if k:
                last_before[entity] = starts[k - 1]
        if last_before:
            return max(last_before, key=lambda e: (last_before[e], -choices.index(e)))
        mentioned = [e for e in choices if e in self._first_mention]
        if mentioned:
            return min(mentioned, key=self._first_mention.__getitem__)
        return choices[0]

    def _attach_titles(self, idx, c: Candidate):
        entity = self.entities[idx]
        phrases = ([c.title] if c.title else []) + c.appositions
        for a, b in phrases:
            positions, country, igo, gender = self._positions(a, b)
            for p in positions:
                add_position(entity, p)
            if country:
                self.title_countries[idx][country] += 1
            if igo:
                self.igo_posts[idx] = True
            if gender and not entity.gender:
                entity.gender = gender
        if not any(self._positions(a, b)[0] for a, b in phrases):
            held = self._counterpart_post(c)
            if held is not None:
                add_position(entity, held)
        if c.shared_title is not None:
            for p in self._positions(*c.shared_title)[0]:
                add_position(entity, Position(title=_singular(p.title)))
        country = c.country_after or c.country_before or c.country_closing
        if country:
            self.title_countries[idx][country] += 2
        if c.its_org is not None and c.its_org.kind not in IGO_KINDS:
            if c.its_org.country:
                self.title_countries[idx][c.its_org.country] += 1
        elif c.its_org is not None:
            self.igo_posts[idx] = True  # "the EBRD ... led by its President X"
        if c.honorific and not entity.gender:
            entity.gender = GENDER_BY_HONORIFIC.get(c.honorific)
        self.sentence_country(idx, c)

    def _counterpart_post(self, c: Candidate) -> Position | None:
        """ "Foreign Minister A met his Hungarian counterpart B" (or "his counterpart from
        Hungary, B"): B holds the post of A, the last person named before in the sentence,
        when A's title says it."""
        found = self._counterpart_phrase(c)
        if found is None:
            return None
        a, country = found
        s_start, _ = self.ctx.sentence_of(c.a)
        before = [p for p in self.all_candidates if s_start <= p.a and p.b <= a - 1]
        if not before:
            return None
        host = before[-1]
        phrases = ([host.title] if host.title else []) + host.appositions
        posts = [p.title for span in phrases for p in self._positions(*span)[0]]
        if not posts and host.shared_title is not None:
            # "Foreign Ministers A and B met their Estonian and Latvian colleagues"
            posts = [_singular(p.title) for p in self._positions(*host.shared_title)[0]]
        if not posts:
            return None
        return Position(title=posts[-1], country=country)

    def _counterpart_phrase(self, c: Candidate) -> tuple[int, str | None] | None:
        """(first token, country) of "his Hungarian counterpart" or "his counterpart from
        Hungary," right before the name; a member of "her Turkish and Georgian counterparts,
        A and B" has it from the list (``_respective_counterparts``)."""
        if c.counterpart is not None:
            return c.counterpart
        toks = self.tokens
        if c.title is not None:
            a, b = c.title
            words = [toks[k].lower for k in range(a, b) if toks[k].text != ","]
            if words and words[-1] in COUNTERPART_HEADS:
                if a == 0 or toks[a - 1].lower not in ("his", "her"):
                    return None
                return a, self._positions(a, b)[1]
        k = c.a - 1 if c.a > 0 and toks[c.a - 1].text == "," else c.a
        m = self.ctx.in_match.get(k - 1)
        if m is None or m.kind != "country" or m.end != k:
            return None
        j = m.start - 1  # "from" / "of"
        if (
            j >= 2
            and toks[j].lower in ("from", "of")
            and toks[j - 1].lower in COUNTERPART_HEADS
            and toks[j - 2].lower in ("his", "her")
        ):
            return j - 1, m.value
        return None

    def _home_government(self, idx, c: Candidate):
        phrases = ([c.title] if c.title is not None else []) + c.appositions
        if phrases and c.its_org is None:
            # "Prime Minister X" with no country anywhere near, in a story datelined in the
            # capital: the outlet's own government (weakest evidence, used last)
            story = self.ctx.story_at(self.tokens[c.a].start)
            own = self._post_of_one_country(phrases)
            if own is not None:
                self.dateline_countries[idx][own] += 2  # "Taoiseach X": wherever the dateline
                return
            home = self._scene_city_country(c)  # "In Muscat, he called on Sultan X"
            home = home or (story.dateline_country if story is not None else None)
            home = home or self._host_city_country(c)
            if home and self._other_marked_of(home, c):
                return  # "Minister X met Azerbaijani Prime Minister Y in Baku": X is the guest
            if home and any(self._national_office(a, b) for a, b in phrases):
                self.dateline_countries[idx][home] += 1

    def _other_marked_of(self, country: str, c: Candidate) -> bool:
        """Another person of the sentence has a post marked as of ``country`` ("Azerbaijani
        Prime Minister Y"): the outlet marks the host, so an unmarked post is the guest's."""
        s_start, s_end = self.ctx.sentence_of(c.a)
        for k in range(s_start, s_end):
            m = self.ctx.in_match.get(k)
            if m is None or m.start != k or m.kind != "demonym" or m.value != country:
                continue
            owner = self.claimed.get(k)
            if owner is not None and owner is not c and owner.title and owner.title[0] == k:
                return True
        return False

    def _post_of_one_country(self, phrases) -> str | None:
        """ "Taoiseach X", "Federal Councillor X": a post only one country has."""
        for a, b in phrases:
            found = POST_OF_ONE_COUNTRY.search(" ".join(t.lower for t in self.tokens[a:b]))
            if found:
                return POSTS_OF_ONE_COUNTRY[found.group()]
        return None

    def _national_office(self, a, b) -> bool:
        """A post of a national government: "Prime Minister", "Minister of Foreign Affairs",
        "Minister of State", not "Special Envoy" or "Secretary of the Council"."""
        words = [t.lower for t in self.tokens[a:b]]
        title = " ".join(words)
        # "of" before a domain of government ("of Foreign Affairs", "of State") or "of the
        # Republic" names no other body
        core = " ".join(
            w
            for i, w in enumerate(words)
            if not (w in ("of", "for") and i + 1 < len(words) and words[i + 1] in DOMAIN_WORDS)
        )
        core = OF_THE_REPUBLIC.sub("", core)
        return bool(NATIONAL_OFFICE.search(title)) and not OTHER_OFFICE.search(core)

    def _scene_city_country(self, c: Candidate) -> str | None:
        """The country of the city a sentence opens with ("In Muscat, ..."): the scene, for
        a national post named after it rather than the dateline's country."""
        toks = self.tokens
        s_start, _ = self.ctx.sentence_of(c.a)
        if c.a - s_start < 3 or toks[s_start].lower != "in":
            return None
        m = self.ctx.in_match.get(s_start + 1)
        if m is None or m.kind != "city" or m.start != s_start + 1 or m.end >= c.a:
            return None
        return m.value if toks[m.end].text == "," else None

    def _host_city_country(self, c: Candidate) -> str | None:
        """ "Federal Foreign Minister X received Y in Berlin": the host is of the country of
        the city the sentence names after "in"."""
        toks = self.tokens
        k = c.b
        while k < len(toks) and toks[k].lower in ("also", "today", "then"):
            k += 1
        if k >= len(toks) or toks[k].lower not in HOST_VERBS:
            return None
        _, s_end = self.ctx.sentence_of(c.a)
        for j in range(k + 1, s_end - 1):
            m = self.ctx.in_match.get(j + 1)
            if toks[j].lower == "in" and m is not None and m.kind == "city" and m.start == j + 1:
                return m.value
        return None

    def _countries(self):
        self.linked_countries()
        voice = self.voice_country()
        for i, entity in enumerate(self.entities):
            if self.title_countries[i]:
                entity.country = self.title_countries[i].most_common(1)[0][0]
            elif not self.igo_posts[i] and self.fallback_countries[i]:
                entity.country = self.fallback_countries[i].most_common(1)[0][0]
            elif not self.igo_posts[i] and self.dateline_countries[i]:
                entity.country = self.dateline_countries[i].most_common(1)[0][0]
            elif not self.igo_posts[i] and voice and entity.positions:
                # an official with no other evidence, in a text that speaks for one country
                entity.country = voice

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
                    add_position(te, p)
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
            for form in list(forms):
                for variant in other_orders(form):
                    if variant != e.name and variant not in e.aliases:
                        e.aliases.append(variant)
            entities.append(e)
        mentions = []
        for m in self.mentions:
            if m.entity in new_index:
                m.entity = new_index[m.entity]
                mentions.append(m)
        self.entities = entities
        self.mentions = mentions
        return entities, mentions


def _singular(title: str) -> str:
    """ "Foreign ministers" -> "Foreign Minister": one member's post in a plural title."""
    words = title.split()
    for i, w in enumerate(words):
        low = w.lower()
        if low.endswith("s") and low in TITLE_HEADS and low[:-1] in TITLE_HEADS:
            words[i] = w[:-1]
    if words and words[0][:1].isupper():  # "Foreign ministers": the post in title case
        words = [w[:1].upper() + w[1:] if w in TITLE_HEADS else w for w in words]
    return " ".join(words)


PATRONYMIC_ENDINGS = tuple(word_entries("person_patronymic_endings"))
# in the middle also "-yich": "Pyotr Aliyevich Ivanov"
MIDDLE_PATRONYMIC_ENDINGS = PATRONYMIC_ENDINGS + ("yich",)


def other_orders(name: str) -> list[str]:
    """Other ways one person's full name is written: without middle initials ("Orla K.
    Venn" -> "Orla Venn"), given name first for "Surname Given Patronymic" forms
    ("Ivanov Pyotr Sergeyevich" -> "Pyotr Ivanov"), and without the patronymic in the
    middle ("Pyotr Sergeyevich Ivanov" -> "Pyotr Ivanov")."""
    words = name.split()
    out = []
    if len(words) >= 3:
        plain = [words[0]] + [w for w in words[1:-1] if not is_initial(w)] + [words[-1]]
        if len(plain) < len(words):
            out.append(" ".join(plain))
    if len(words) == 3 and words[2].lower().endswith(PATRONYMIC_ENDINGS):
        out.append(f"{words[1]} {words[0]}")
    elif len(words) == 3 and words[1].lower().endswith(MIDDLE_PATRONYMIC_ENDINGS):
        out.append(f"{words[0]} {words[2]}")  # "Pyotr Sergeyevich Ivanov" -> "Pyotr Ivanov"
    return out


def add_position(entity: PersonEntity, position: Position) -> None:
    """One post once, however it is worded; another wording may add its body and country.

    A post's head alone ("Minister Roe", "Cabinet Secretary Roe") after the full post
    ("Minister of Fisheries", "Cabinet Secretary for Trade") is the same post shortened,
    and the full post told after its head replaces it."""
    key = post_key(position.title)
    for i, held in enumerate(entity.positions):
        if (
            post_key(held.title) == key
            or _shortened(position.title, held.title)
            or _domain_added(position.title, held.title)
        ):
            held.organisation_key = held.organisation_key or position.organisation_key
            held.country = held.country or position.country
            return
        if _shortened(held.title, position.title) or _domain_added(held.title, position.title):
            position.organisation_key = position.organisation_key or held.organisation_key
            position.country = position.country or held.country
            entity.positions[i] = position
            return
    entity.positions.append(position)


def _domain_added(short: str, full: str) -> bool:
    """ "EU High Representative" of "High Representative of the European Union for Foreign
    Affairs and Security Policy": the same body's post with its domain told after "for"."""
    return post_key_without_domain(full) == post_key(short)


def _shortened(short: str, full: str) -> bool:
    """ "Minister" of "Minister of Fisheries" or "Foreign Minister"; "Cabinet Secretary" of
    "Cabinet Secretary for Trade": the first or last words of a longer post."""
    words, longer = short.lower().split(), full.lower().split()
    return 0 < len(words) < len(longer) and (
        longer[: len(words)] == words or longer[-len(words) :] == words
    )
