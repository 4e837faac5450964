"""Write the reference data (fixtures/*.json) into the Country and Organisation tables.

Run by migration 0002 on `migrate` and by `manage.py load_reference` after the files
change. Rows are matched on ISO code and reference key, so running it again updates them
in place; fields an editor locked on an organisation are left alone.
"""

from diplomacy.names import org_key
from diplomacy.reference import load_countries, load_organisations


def sync_reference(apps=None):
    """Create or update every reference country and organisation; returns (countries, orgs)."""
    if apps is None:
        from django.apps import apps as django_apps

        apps = django_apps
    Country = apps.get_model("diplomacy", "Country")
    Organisation = apps.get_model("diplomacy", "Organisation")
    OrganisationName = apps.get_model("diplomacy", "OrganisationName")

    by_iso2 = {}
    for row in load_countries():
        values = {
            "iso3": row["iso3"],
            "name": row["name"],
            "official_name": row.get("official_name") or "",
            "other_names": row.get("other_names") or [],
            "demonyms": row.get("demonyms") or [],
            "capital": row.get("capital") or "",
            "cities": row.get("cities") or [],
            "regions": row.get("regions") or [],
            "sovereign": row.get("sovereign", True),
        }
        # an early migration's historical model may not have every field yet
        known = {f.name for f in Country._meta.get_fields()}
        values = {k: v for k, v in values.items() if k in known}
        country, _ = Country.objects.update_or_create(iso2=row["iso2"], defaults=values)
        by_iso2[country.iso2] = country

    orgs = {}
    rows = load_organisations()
    for row in rows:
        key = org_key(row["name"])
        org = Organisation.objects.filter(reference=row["key"]).first()
        org = org or Organisation.objects.filter(key=key).first()
        if org is None:
            # reference data is curated already: it does not wait in the review queue
            org = Organisation(key=key, review="verified")
        locked = set(org.locked_fields or []) if org.pk else set()
        for field, value in (
            ("name", row["name"]),
            ("acronym", row.get("acronym") or ""),
            ("kind", row.get("kind") or "other"),
            ("country", by_iso2.get(row.get("country"))),
        ):
            if field not in locked:
                setattr(org, field, value)
        org.key = org_key(org.name)  # historical models do not run Organisation.save()
        org.reference = row["key"]
        org.save()
        orgs[row["key"]] = org
        names = [n for n in row.get("other_names") or [] if n != org.name]
        existing = set(
            OrganisationName.objects.filter(organisation=org).values_list("key", flat=True)
        )
        for name in names:
            if org_key(name) not in existing:
                OrganisationName.objects.create(organisation=org, name=name, key=org_key(name))
                existing.add(org_key(name))
        if row.get("members"):
            org.members.set([by_iso2[c] for c in row["members"] if c in by_iso2])
    for row in rows:
        if row.get("parent") in orgs:
            org = orgs[row["key"]]
            if "parent" not in (org.locked_fields or []):
                org.parent = orgs[row["parent"]]
                org.save(update_fields=["parent"])
    return len(by_iso2), len(orgs)
