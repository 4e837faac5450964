"""Every public list filter alone and in pairs, timed on the current database.

``manage.py benchmark --filter-pairs`` (with ``--no-import``, on a large register such as
``generate_corpus --records``): for the meetings and statements lists, each filter is
given a value that selects a realistic share of the register (the largest country, the
busiest person, organisation and meeting, a year, a common word), then every filter and
every pair of filters is requested ``requests`` times; a combination is over the target
when its p95 is. A filter the list does not declare is left out, so the check follows the
filters as they change.
"""

from __future__ import annotations

import statistics
import time
from itertools import combinations
from urllib.parse import urlencode

from django.db import connection
from django.db.models import Count
from django.urls import reverse

SQLITE_TARGET_MS = 300
POSTGRES_TARGET_MS = 100
# a combination slower than this on its first request is not requested again
GIVE_UP_MS = 5000


def _busiest(model, related, **filters):
    """The pk of the row with the most ``related`` rows (one grouped query)."""
    row = (
        model.objects.filter(**filters)
        .annotate(n=Count(related))
        .order_by("-n", "pk")
        .values_list("pk", flat=True)
        .first()
    )
    return row


def filter_values() -> dict[str, dict[str, dict]]:
    """list name -> filter label -> query parameters, chosen from the register."""
    from diplomacy.models import Meeting, Organisation, Participation, Person, Statement

    country = (
        Person.objects.filter(country__isnull=False)
        .values("country__iso2")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .values_list("country__iso2", flat=True)
        .first()
    )
    other_country = (
        Person.objects.filter(country__isnull=False)
        .exclude(country__iso2=country)
        .values("country__iso2")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .values_list("country__iso2", flat=True)
        .first()
    )
    person = (
        Participation.objects.values("person_id")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .values_list("person_id", flat=True)
        .first()
    )
    other_person = (
        Participation.objects.filter(meeting__participations__person_id=person)
        .exclude(person_id=person)
        .values("person_id")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .values_list("person_id", flat=True)
        .first()
    )
    organisation = (
        Meeting.objects.filter(organisation__isnull=False)
        .values("organisation_id")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .values_list("organisation_id", flat=True)
        .first()
    )
    meeting = (
        Statement.objects.filter(meeting__isnull=False)
        .values("meeting_id")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .values_list("meeting_id", flat=True)
        .first()
    )
    speaker = (
        Statement.objects.filter(speaker__isnull=False)
        .values("speaker_id")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .values_list("speaker_id", flat=True)
        .first()
    )
    name = Person.objects.filter(pk=person).values_list("name", flat=True).first() or ""
    org_name = (
        Organisation.objects.filter(pk=organisation).values_list("name", flat=True).first() or ""
    )
    year = {"date_after": "2010-01-01", "date_before": "2010-12-31"}
    meetings = {
        "date range": year,
        "country": {"country": country},
        "organisation": {"organisation": organisation},
        "organisation (name)": {"organisation": org_name},
        "participant": {"participant": [person]},
        "participant (name)": {"participant": [name.split()[-1] if name else ""]},
        "two participants": {"participant": [person, other_person]},
        "between countries": {"between": [country, other_country]},
        "kind": {"kind": "bilateral"},
        "status": {"status": "recalled"},
        "text": {"q": "talks"},
    }
    speaker_name = Person.objects.filter(pk=speaker).values_list("name", flat=True).first() or ""
    statements = {
        "text (FTS)": {"q": "cooperation"},
        "speaker": {"speaker": [speaker]},
        "speaker (name)": {"speaker": [speaker_name.split()[-1] if speaker_name else ""]},
        "speaker's country": {"speaker_country": country},
        "meeting": {"meeting": meeting},
        "date range": year,
        "direct/reported": {"direct": "reported"},
        "at meetings with a participant": {"participant": [person]},
        "at meetings between countries": {"between": [country, other_country]},
    }
    return {"meeting-list": meetings, "statement-list": statements}


def _given(value) -> bool:
    values = value if isinstance(value, list) else [value]
    return all(v not in ("", None) for v in values)


def _declared(list_name) -> set[str]:
    from diplomacy.filters import MeetingFilter, StatementFilter

    filterset = {"meeting-list": MeetingFilter, "statement-list": StatementFilter}[list_name]
    return set(filterset.base_filters)


def combinations_to_time(values) -> list[tuple[str, str, dict]]:
    """(list name, label, query) for every declared filter alone and every pair of them
    (name variants, labelled "(name)", are timed alone; two filters of one parameter are
    not paired)."""
    out = []
    for list_name, filters in values.items():
        declared = _declared(list_name)
        usable = {
            label: query
            for label, query in filters.items()
            if set(query) <= declared and all(_given(v) for v in query.values())
        }
        for label, query in usable.items():
            out.append((list_name, label, query))
        primary = {label: q for label, q in usable.items() if "(name)" not in label}
        for (a, qa), (b, qb) in combinations(primary.items(), 2):
            if set(qa) & set(qb):
                continue
            out.append((list_name, f"{a} + {b}", {**qa, **qb}))
    return out


def time_combination(client, url, requests) -> tuple[list[float], list[float], int]:
    """Latencies and CPU times of this process (ms) of ``requests`` GETs (after one
    untimed), and the last status. On SQLite the CPU time includes the database's work: on
    a machine shared with other jobs it says what the request costs, when the latency
    also says how long it waited for a CPU."""
    client.get(url)
    times, cpu, status = [], [], 200
    for _ in range(requests):
        started, started_cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
        status = response.status_code
        if times[-1] > GIVE_UP_MS:
            break
    return times, cpu, status


def filter_pair_rows(requests: int = 5, progress=None) -> list:
    """A benchmark row per filter and pair of filters of the meetings and statements lists."""
    from .benchmarking import Row, _client, _mark, percentile

    say = progress or (lambda message: None)
    target = POSTGRES_TARGET_MS if connection.vendor == "postgresql" else SQLITE_TARGET_MS
    client = _client()
    rows, over = [], 0
    for list_name, label, query in combinations_to_time(filter_values()):
        url = reverse(f"site:{list_name}") + "?" + urlencode(query, doseq=True)
        times, cpu, status = time_combination(client, url, requests)
        p50, p95 = statistics.median(times), percentile(times, 0.95)
        value = f"CPU p95 {percentile(cpu, 0.95):.1f} ms"
        ok = p95 <= target and status == 200  # a redirect or an error is not the list
        over += not ok
        say(f"{list_name} {label}: p95 {p95:.1f} ms")
        rows.append(
            Row(
                f"{list_name.replace('-list', 's')} filtered by {label}",
                value if status == 200 else f"HTTP {status}",
                f"{p50:.1f}",
                f"{p95:.1f}",
                "",
                f"p95 ≤ {target} ms",
                _mark(ok),
            )
        )
    rows.append(
        Row(
            "filter combinations over the target",
            f"{over} of {len(rows)}",
            target="0",
            ok=_mark(over == 0),
        )
    )
    return rows
