"""Organisations: found in the register or created, and every name they were written with."""

from __future__ import annotations

from django.db import IntegrityError, transaction

from diplomacy.models import Organisation, OrganisationName
from diplomacy.names import org_key

from .. import sql
from ..resolution import (
    find_organisation,
    organisation_groups,
    resolve_organisations,
    surface_names,
)
from .state import quiet_save, save_if_changed


def load_organisations(state):
    """Each organisation the document names, found or created; their other names."""
    groups = organisation_groups(state.extraction)
    found = resolve_organisations(groups)
    surfaces: dict[int, set[str]] = {}  # organisation id -> names as written
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
                country=state.countries.get(first.country),
            )
            try:
                with transaction.atomic():
                    quiet_save(org)
            except IntegrityError:  # another importer created it a moment ago
                org = Organisation.objects.get(key=org_key(first.name[:300]))
                state.counts[("organisation", "matched")] += 1
            else:
                state.counts[("organisation", "created")] += 1
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
                org.country = state.countries.get(first.country)
                changed.append("country")
            save_if_changed(state, "organisation", org, changed)
        state.org_for[key] = org
        surfaces[org.pk] = surfaces.get(org.pk, set()) | surface
        for m in mentions:
            state.add_evidence("organisation", m.start, m.end, organisation=org)
    orgs = {o.pk: o for o in state.org_for.values()}
    known = set(sql.values(OrganisationName, ("organisation_id", "key"), organisation_id__in=orgs))
    for pk, surface in surfaces.items():
        _add_org_names(orgs[pk], surface, known)


def _add_org_names(org, names, known):
    """Names as written become other names of ``org``; ``known``: (org id, key) stored."""
    existing = {k for o, k in known if o == org.pk} | {org.key}
    new = []
    for name in sorted(names):
        key = org_key(name)
        if key and key not in existing and name != org.acronym and len(name) <= 300:
            new.append(OrganisationName(organisation=org, key=key, name=name))
            existing.add(key)
            known.add((org.pk, key))
    sql.create(new, ignore_conflicts=True)
