"""Loading: write one document and what was extracted from it, in one transaction.

Idempotent by construction: an article is identified by the hash of its text (the same
text imported again changes nothing) and, for a changed file, by its path (the article is
updated and re-extracted, and records only that version supported are removed). Records an
editor verified, rejected or changed are never overwritten: new evidence is added instead.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from dataclasses import dataclass, field

from django.db import IntegrityError, connection, transaction
from django.db.models import Q
from rapidfuzz import fuzz

from diplomacy import summaries
from diplomacy.models import (
    Article,
    Evidence,
    Meeting,
    Organisation,
    OrganisationName,
    Participation,
    Person,
    PersonName,
    Position,
    Review,
    Statement,
)
from diplomacy.models.meetings import statement_text_key
from diplomacy.names import name_key, org_key

from . import sql
from .extraction.types import Document, Extraction, MeetingCandidate, StatementCandidate
from .resolution import (
    CountryCache,
    entity_keys,
    find_organisation,
    organisation_groups,
    resolve_organisations,
    resolve_persons,
    surface_names,
)

EXTRACTOR_VERSION = "1"
SAME_STATEMENT_RATIO = 88


@dataclass
class LoadResult:
    """What loading one document did."""

    status: str  # created | updated | unchanged
    article: Article | None = None
    counts: Counter = field(default_factory=Counter)  # ("person", "created") -> n
    # ids of the countries whose page summaries this document changed (to count again)
    countries: set[int] = field(default_factory=set)


def text_key(text: str) -> str:
    return statement_text_key(text)


def _quiet_save(obj, **kwargs):
    """Save without a history row: history records editors' changes, not imports."""
    obj.skip_history_when_saving = True
    try:
        obj.save(**kwargs)
    finally:
        del obj.skip_history_when_saving


GROUP_KINDS = frozenset({"multilateral", "summit", "ministerial", "forum", "ceremony"})


def kinds_compatible(a: str, b: str) -> bool:
    """Two reports can be one meeting only if their kinds agree (a visit or 'other' fits all)."""
    if a == b or {a, b} & {"other", "visit"}:
        return True
    return a in GROUP_KINDS and b in GROUP_KINDS


def _reworded(candidate: StatementCandidate, statements) -> Statement | None:
    """The same utterance worded slightly differently in another report, if any."""
    day = dt.timedelta(days=1)
    for statement in statements:
        if statement.direct != candidate.direct or statement.date is None:
            continue
        if abs(statement.date - candidate.date) > day:
            continue
        longer = max(len(statement.text), len(candidate.text), 1)
        if min(len(statement.text), len(candidate.text)) / longer <= 0.6:
            continue
        if fuzz.token_set_ratio(statement.text, candidate.text) >= SAME_STATEMENT_RATIO:
            return statement
    return None


class DocumentLoader:
    def __init__(self, document: Document, extraction: Extraction, countries: CountryCache):
        self.document = document
        self.extraction = extraction
        self.countries = countries
        self.counts: Counter = Counter()
        self.evidence: list[Evidence] = []
        self.article: Article | None = None
        self.person_for: dict[int, Person] = {}
        self.org_for: dict[str, Organisation] = {}
        self.meeting_for: dict[int, Meeting] = {}
        self._org_surface: dict[int, set[str]] = {}
        self._country_set: set[int] = set()  # persons who gained a country
        self._participants: set[int] = set()  # everyone in this document's meetings

    # -- article ---------------------------------------------------------------------
    def article_row(self) -> str | None:
        doc = self.document
        same = Q(content_hash=doc.content_hash)
        if doc.path:
            same |= Q(path=doc.path)
        rows = list(Article.objects.filter(same).order_by("id")[:20])
        if any(row.content_hash == doc.content_hash for row in rows):
            return None
        previous = rows[0] if rows else None
        values = {
            "file_name": doc.file_name,
            "path": doc.path or "",
            "title": (doc.title or "")[:500],
            "outlet": (doc.outlet or "")[:200],
            "published": doc.published,
            "url": (doc.url or "")[:1000],
            "text": doc.text,
            "content_hash": doc.content_hash,
            "extractor_version": EXTRACTOR_VERSION,
        }
        if previous is None:
            self.article = Article.objects.create(**values)
            return "created"
        for key, value in values.items():
            setattr(previous, key, value)
        previous.save()
        self.article = previous
        return "updated"

    def _forget_previous_version(self):
        """Drop the old version's evidence; remember what it supported for clean-up."""
        old = Evidence.objects.filter(article=self.article)
        self._previous = {
            "person": set(old.exclude(person=None).values_list("person", flat=True)),
            "organisation": set(
                old.exclude(organisation=None).values_list("organisation", flat=True)
            ),
            "meeting": set(old.exclude(meeting=None).values_list("meeting", flat=True)),
            "statement": set(old.exclude(statement=None).values_list("statement", flat=True)),
        }
        old.delete()

    def _remove_orphans(self):
        """Records only the old version supported, that no editor touched, go away."""
        models = {
            "person": Person,
            "organisation": Organisation,
            "meeting": Meeting,
            "statement": Statement,
        }
        for kind, ids in self._previous.items():
            if not ids:
                continue
            queryset = models[kind].objects.filter(
                pk__in=ids, review=Review.UNREVIEWED, evidence__isnull=True, locked_fields=[]
            )
            if kind == "organisation":
                queryset = queryset.filter(reference="")
            deleted = queryset.delete()[1].get(models[kind]._meta.label, 0)
            if deleted:
                self.counts[(kind, "removed")] += deleted

    def _evidence(self, kind, start, end, **target):
        ((target_field, record),) = target.items()
        text = self.document.text[start:end][:500]
        self.evidence.append((kind, start, end, text, target_field, record))

    def _write_evidence(self):
        """Insert the evidence rows with one executemany: much faster than model instances."""
        fields = [
            "country",
            "organisation",
            "person",
            "position",
            "meeting",
            "participation",
            "statement",
        ]
        table = Evidence._meta.db_table
        columns = ["article_id", "kind", "start", "end", "text"] + [f"{f}_id" for f in fields]
        rows = []
        for kind, start, end, text, target_field, record in self.evidence:
            targets = [record.pk if f == target_field else None for f in fields]
            rows.append((self.article.pk, kind, start, end, text, *targets))
        if not rows:
            return
        with connection.cursor() as cursor:
            quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(f"INSERT INTO {table} ({quoted}) VALUES ({marks})", rows)

    # -- countries -------------------------------------------------------------------------
    def countries_(self):
        seen = set()
        for m in self.extraction.countries:
            country = self.countries.get(m.iso2)
            if country is None:
                continue
            self._evidence("country", m.start, m.end, country=country)
            seen.add(country.pk)
        self.counts[("country", "mentioned")] += len(seen)

    # -- organisations ----------------------------------------------------------------------
    def organisations(self):
        groups = organisation_groups(self.extraction)
        found = resolve_organisations(groups)
        for key, mentions in groups.items():
            first = mentions[0]
            surface = surface_names(mentions)
            org = found.get(key)
            if org is None and first.acronym:
                org = find_organisation(first, surface)
            if org is None and all(m.implied for m in mentions):
                continue  # a ministry only implied by a title is linked if known, not created
            if org is None:
                org = Organisation(
                    name=first.name[:300],
                    acronym=(first.acronym or "")[:40],
                    kind=first.kind if first.kind in Organisation.Kind.values else "other",
                    country=self.countries.get(first.country),
                )
                try:
                    with transaction.atomic():
                        _quiet_save(org)
                except IntegrityError:  # another importer created it a moment ago
                    org = Organisation.objects.get(key=org_key(first.name[:300]))
                    self.counts[("organisation", "matched")] += 1
                else:
                    self.counts[("organisation", "created")] += 1
            else:
                changed = []
                if not org.acronym and first.acronym and not org.is_locked("acronym"):
                    org.acronym = first.acronym[:40]
                    changed.append("acronym")
                if (
                    not org.country_id
                    and first.country
                    and not org.is_locked("country")
                    and not org.reference
                ):
                    org.country = self.countries.get(first.country)
                    changed.append("country")
                if changed:
                    _quiet_save(org)
                    self.counts[("organisation", "updated")] += 1
                else:
                    self.counts[("organisation", "matched")] += 1
            self.org_for[key] = org
            self._org_surface[org.pk] = self._org_surface.get(org.pk, set()) | surface
            for m in mentions:
                self._evidence("organisation", m.start, m.end, organisation=org)
        orgs = {o.pk: o for o in self.org_for.values()}
        self._org_names = set(
            sql.values(OrganisationName, ("organisation_id", "key"), organisation_id__in=orgs)
        )
        for pk, surface in self._org_surface.items():
            self._add_org_names(orgs[pk], surface)

    def _add_org_names(self, org, names):
        existing = {k for o, k in self._org_names if o == org.pk} | {org.key}
        new = []
        for name in sorted(names):
            key = org_key(name)
            if key and key not in existing and name != org.acronym and len(name) <= 300:
                new.append(OrganisationName(organisation=org, key=key, name=name))
                existing.add(key)
                self._org_names.add((org.pk, key))
        OrganisationName.objects.bulk_create(new, ignore_conflicts=True)

    # -- persons -----------------------------------------------------------------------------
    def persons(self):
        by_entity: dict[int, list] = {}
        for m in self.extraction.person_mentions:
            by_entity.setdefault(m.entity, []).append(m)
        entities = self.extraction.persons
        for index, (entity, person) in enumerate(
            zip(entities, resolve_persons(entities), strict=True)
        ):
            country = self.countries.get(entity.country)
            if person is None:
                person = Person(name=entity.name[:200], country=country, gender=entity.gender or "")
                _quiet_save(person)
                self.counts[("person", "created")] += 1
            else:
                changed = False
                if country and not person.country_id and not person.is_locked("country"):
                    person.country = country
                    self._country_set.add(person.pk)
                    changed = True
                if entity.gender and not person.gender and not person.is_locked("gender"):
                    person.gender = entity.gender
                    changed = True
                if changed:
                    _quiet_save(person)
                    self.counts[("person", "updated")] += 1
                else:
                    self.counts[("person", "matched")] += 1
            self.person_for[index] = person
            for m in by_entity.get(index, []):
                self._evidence("person", m.start, m.end, person=person)
        self._person_names()
        self._positions(by_entity)

    def _person_names(self):
        """Every full-name spelling seen becomes another name of its person (one query)."""
        people = {p.pk: p for p in self.person_for.values()}
        existing = set(sql.values(PersonName, ("person_id", "name"), person_id__in=people))
        new = {}
        for index, entity in enumerate(self.extraction.persons):
            person = self.person_for[index]
            for name in [entity.name, *entity.aliases]:
                name = " ".join(name.split())[:200]
                if name and name != person.name and len(name.split()) >= 2:
                    if (person.pk, name) not in existing:
                        new[(person.pk, name)] = PersonName(
                            person=person, name=name, key=name_key(name)
                        )
        PersonName.objects.bulk_create(new.values(), ignore_conflicts=True)

    def _positions(self, by_entity):
        """Posts the text gives, with the span of the full name as evidence (few queries)."""
        when = self._document_date()
        people = {p.pk for p in self.person_for.values()}
        existing = {
            (p.person_id, p.title, p.organisation_id, p.country_id): p
            for p in sql.records(Position, person_id__in=people)
        }
        created, changed, anchors = {}, {}, []
        for index, entity in enumerate(self.extraction.persons):
            person = self.person_for[index]
            mentions = by_entity.get(index, [])
            anchor = next(
                (m for m in mentions if m.form == "full"), mentions[0] if mentions else None
            )
            for p in entity.positions:
                org = self.org_for.get(p.organisation_key) if p.organisation_key else None
                country = self.countries.get(p.country)
                key = (
                    person.pk,
                    p.title[:300],
                    org.pk if org else None,
                    country.pk if country else None,
                )
                position = existing.get(key) or created.get(key)
                if position is None:
                    position = Position(
                        person=person,
                        title=p.title[:300],
                        organisation=org,
                        country=country,
                        start=when,
                        end=when,
                    )
                    created[key] = position
                elif when and (
                    position.start is None
                    or when < position.start
                    or position.end is None
                    or when > position.end
                ):
                    position.start = min(position.start or when, when)
                    position.end = max(position.end or when, when)
                    if position.pk:
                        changed[position.pk] = position
                if anchor:
                    anchors.append((position, anchor))
        Position.objects.bulk_create(created.values(), ignore_conflicts=False)
        if changed:
            sql.update_rows(Position, ["start", "end"], changed.values())
        self.counts[("position", "created")] += len(created)
        for position, anchor in anchors:
            self._evidence("position", anchor.start, anchor.end, position=position)

    def _document_date(self):
        doc = self.document
        if doc.published:
            return doc.published
        dates = [s.date for s in doc.stories if s.date]
        return max(dates) if dates else None

    # -- meetings ------------------------------------------------------------------------
    def meetings(self):
        candidates = self.extraction.meetings
        earlier = self._earlier_meetings(candidates)
        created, participations = [], []
        for index, candidate in enumerate(candidates):
            people = [
                self.person_for[p.entity]
                for p in candidate.participants
                if p.entity in self.person_for
            ]
            roles = {
                self.person_for[p.entity].pk: p.role
                for p in candidate.participants
                if p.entity in self.person_for
            }
            meeting = self._find_meeting(candidate, people, earlier)
            if meeting is None:
                meeting = Meeting(
                    title=candidate.title[:300],
                    kind=candidate.kind if candidate.kind in Meeting.Kind.values else "other",
                    status=candidate.status,
                    date=candidate.date,
                    date_precision=candidate.precision,
                    end_date=candidate.end_date
                    if candidate.end_date
                    and candidate.date
                    and candidate.end_date >= candidate.date
                    else None,
                    city=(candidate.city or "")[:100],
                    country=self.countries.get(candidate.country),
                    organisation=self.org_for.get(candidate.organisation_key)
                    if candidate.organisation_key
                    else None,
                )
                created.append(meeting)
                existing = set()
                self.counts[("meeting", "created")] += 1
            else:
                existing = set(earlier[meeting])
                self._update_meeting(meeting, candidate)
            self.meeting_for[index] = meeting
            self._participants |= existing | {p.pk for p in people}
            if not meeting.is_locked("participants"):
                participations += [
                    Participation(
                        meeting=meeting, person=person, role=(roles.get(person.pk) or "")[:300]
                    )
                    for person in {p.pk: p for p in people}.values()
                    if person.pk not in existing
                ]
            for start, end in candidate.spans or [(candidate.start, candidate.end)]:
                self._evidence("meeting", start, end, meeting=meeting)
        # new meetings in one INSERT (their ids come back), then their participants
        Meeting.objects.bulk_create(created)
        Participation.objects.bulk_create(participations, ignore_conflicts=True)

    def _earlier_meetings(self, candidates) -> dict[Meeting, list[int]]:
        """Meetings already in the register that a candidate could be another report of,
        with their participants' ids: the meetings within a day of the document's dates in
        one query, their participants in another, in the order of the meetings list."""
        window = dt.timedelta(days=1)
        dates = Q()
        for c in candidates:
            if c.date is not None:
                dates |= Q(date__gte=c.date - window, date__lte=(c.end_date or c.date) + window)
        if not dates:
            return {}
        queryset = (
            Meeting.objects.exclude(review=Review.REJECTED)
            .filter(dates)
            .order_by("-date", "title", "id")
        )
        meetings = list(queryset[:2000])
        people: dict[int, list[int]] = {m.pk: [] for m in meetings}
        if people:
            for meeting_id, person_id in sql.values(
                Participation, ("meeting_id", "person_id"), meeting_id__in=people
            ):
                people[meeting_id].append(person_id)
        return {m: people[m.pk] for m in meetings}

    def _find_meeting(self, candidate: MeetingCandidate, people, earlier):
        """An earlier report of the same meeting: dates agree, participants overlap."""
        if candidate.date is None:
            return None
        window = dt.timedelta(days=1)
        low, high = candidate.date - window, (candidate.end_date or candidate.date) + window
        # this document's own reports of one meeting were merged by the extractor
        taken = {m.pk for m in self.meeting_for.values()}
        ids = {p.pk for p in people}
        organisation = (
            self.org_for.get(candidate.organisation_key) if candidate.organisation_key else None
        )
        need = min(2, len(ids))
        for meeting, participants in earlier.items():
            if meeting.pk in taken or not (low <= meeting.date <= high):
                continue
            theirs = set(participants)
            if not ids and (
                theirs
                or meeting.kind != candidate.kind
                or meeting.organisation_id != (organisation.pk if organisation else None)
            ):
                continue
            if need and len(theirs & ids) < need:
                continue
            if need == 1 and len(theirs) > 1 and len(ids) == 1 and candidate.kind != meeting.kind:
                continue
            if meeting.city and candidate.city and meeting.city.lower() != candidate.city.lower():
                continue
            if not kinds_compatible(meeting.kind, candidate.kind):
                continue
            if meeting.date_precision != candidate.precision and candidate.precision != "day":
                continue
            return meeting
        return None

    def _update_meeting(self, meeting, candidate):
        changed = []
        if not meeting.city and candidate.city and not meeting.is_locked("city"):
            meeting.city = candidate.city[:100]
            changed.append("city")
        if not meeting.country_id and candidate.country and not meeting.is_locked("country"):
            meeting.country = self.countries.get(candidate.country)
            changed.append("country")
        if (
            meeting.date_precision != "day"
            and candidate.precision == "day"
            and candidate.date
            and not meeting.is_locked("date")
        ):
            meeting.date, meeting.date_precision = candidate.date, "day"
            changed.append("date")
        if (
            not meeting.end_date
            and candidate.end_date
            and meeting.date
            and candidate.end_date >= meeting.date
            and not meeting.is_locked("end_date")
        ):
            meeting.end_date = candidate.end_date
            changed.append("end_date")
        if (
            not meeting.organisation_id
            and candidate.organisation_key
            and not meeting.is_locked("organisation")
        ):
            meeting.organisation = self.org_for.get(candidate.organisation_key)
            changed.append("organisation")
        if changed:
            _quiet_save(meeting)
            self.counts[("meeting", "updated")] += 1
        else:
            self.counts[("meeting", "matched")] += 1

    # -- statements -----------------------------------------------------------------------
    def statements(self):
        """Each utterance once: an earlier report of it gains this article as a source.

        Three queries per document whatever its size: statements with the same words,
        statements of the same speakers around the same dates (for reworded reports), and
        one bulk insert of the new ones."""
        candidates = self.extraction.statements
        if not candidates:
            return
        keys = [text_key(c.text) for c in candidates]
        speakers = [
            self.person_for.get(c.speaker) if c.speaker is not None else None for c in candidates
        ]
        same_words = {}
        # only this document's speakers' rows: a stock phrase said by hundreds of people
        # must not load hundreds of statements
        rows = sql.records(
            Statement, text_key__in=set(keys), speaker_id__in={s.pk for s in speakers if s}
        )
        if None in speakers:
            rows += sql.records(Statement, text_key__in=set(keys), speaker_id=None)
        # no ORDER BY in SQL: it would steer the planner away from the text_key index
        rows.sort(key=lambda r: r.pk)
        for row in rows:
            same_words.setdefault((row.text_key, row.speaker_id), row)
        nearby = self._nearby_statements(candidates, speakers, keys, same_words)
        new, changed, targets = [], {}, []
        for candidate, key, speaker in zip(candidates, keys, speakers, strict=True):
            meeting = (
                self.meeting_for.get(candidate.meeting) if candidate.meeting is not None else None
            )
            statement = same_words.get((key, speaker.pk if speaker else None))
            if statement is None and speaker is not None and candidate.date is not None:
                statement = _reworded(candidate, nearby.get(speaker.pk, ()))
            if statement is None:
                statement = Statement(
                    speaker=speaker,
                    speaker_text=candidate.speaker_text[:300],
                    meeting=meeting,
                    date=candidate.date,
                    date_precision=candidate.precision,
                    text=candidate.text,
                    direct=candidate.direct,
                    text_key=key,
                )
                new.append(statement)
                same_words[(key, speaker.pk if speaker else None)] = statement
                self.counts[("statement", "created")] += 1
            elif (
                statement.pk
                and statement.meeting_id is None
                and meeting is not None
                and not statement.is_locked("meeting")
            ):
                statement.meeting = meeting
                changed[statement.pk] = statement
                self.counts[("statement", "updated")] += 1
            else:
                self.counts[("statement", "matched")] += 1
            targets.append((candidate, statement))
        Statement.objects.bulk_create(new, batch_size=500)
        if changed:
            sql.update_rows(Statement, ["meeting"], changed.values())
        for candidate, statement in targets:
            for start, end in candidate.spans or [(candidate.start, candidate.end)]:
                self._evidence("statement", start, end, statement=statement)

    def _nearby_statements(self, candidates, speakers, keys, same_words):
        """Statements of this document's speakers within a day of its statements' dates."""
        wanted = [
            (c, sp)
            for c, sp, k in zip(candidates, speakers, keys, strict=True)
            if sp is not None and c.date is not None and (k, sp.pk) not in same_words
        ]
        if not wanted:
            return {}
        day = dt.timedelta(days=1)
        low = min(c.date for c, _ in wanted) - day
        high = max(c.date for c, _ in wanted) + day
        rows = sql.records(
            Statement,
            limit=5000,
            speaker_id__in={sp.pk for _, sp in wanted},
            date__gte=low,
            date__lte=high,
        )
        by_speaker: dict[int, list[Statement]] = {}
        for row in rows:
            by_speaker.setdefault(row.speaker_id, []).append(row)
        return by_speaker

    # -- all -------------------------------------------------------------------------------
    def _summaries_concerned(self) -> set[int]:
        """Forget the country summaries this document changes; returns their countries:
        the hosts and participants' countries of the meetings it reported (read from
        memory, plus one query for participants it did not name), and for an updated
        article or a person who gained a country, those of the meetings concerned."""
        countries = {m.country_id for m in self.meeting_for.values()}
        known = {p.pk: p.country_id for p in self.person_for.values()}
        countries |= {known[pk] for pk in self._participants if pk in known}
        others = self._participants - known.keys()
        if others:
            countries |= {c for (c,) in sql.values(Person, ("country_id",), id__in=others)}
        rare = self._previous.get("meeting", set()) | summaries.meetings_of(self._country_set)
        if rare or self._country_set:
            countries |= summaries.countries_concerned(rare, self._country_set)
        countries.discard(None)
        summaries.invalidate(countries, wait_for_commit=True)
        return countries

    def _lock_names(self):
        """Serialise concurrent importers on the names this document creates (PostgreSQL).

        Two processes importing articles about the same person must not both find no
        record and both create one. A transaction-scoped advisory lock per name key (and
        per meeting date and statement text) makes the second wait for the first to commit,
        after which it finds the record. Keys are locked in sorted order, so no deadlock.
        SQLite needs nothing: its writers already take the database lock at BEGIN.
        """
        if connection.vendor != "postgresql":
            return
        ex = self.extraction
        keys = {"article:" + self.document.content_hash}
        keys |= {"org:" + m.key for m in ex.organisations}
        keys |= {"person:" + k for e in ex.persons for k in entity_keys(e)}
        keys |= {"meeting:" + str(m.date) for m in ex.meetings if m.date}
        keys |= {"statement:" + statement_text_key(s.text) for s in ex.statements}
        ids = sorted(
            {
                int.from_bytes(
                    hashlib.blake2b(k.encode(), digest_size=8).digest(), "big", signed=True
                )
                for k in keys
            }
        )
        with connection.cursor() as cursor:
            for lock_id in ids:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [lock_id])

    def load(self) -> LoadResult:
        self._lock_names()
        status = self.article_row()
        if status is None:
            return LoadResult("unchanged")
        self._previous = {}
        if status == "updated":
            self._forget_previous_version()
        self.countries_()
        self.organisations()
        self.persons()
        self.meetings()
        self.statements()
        self._write_evidence()
        countries = self._summaries_concerned()
        if status == "updated":
            self._remove_orphans()
        return LoadResult(status, self.article, self.counts, countries)


def load_document(
    document: Document, extraction: Extraction, countries: CountryCache | None = None
) -> LoadResult:
    """Write one document in one transaction; nothing half-written survives an error."""
    countries = countries or CountryCache()
    # the loader forgets the country summaries it changes itself, once per document
    with transaction.atomic(), summaries.deferred():
        return DocumentLoader(document, extraction, countries).load()
