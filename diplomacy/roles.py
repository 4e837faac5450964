"""The Editors group: exactly the permissions curation needs, and nothing about users."""

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS

EDITORS = "Editors"

# (app label, model name) -> actions an editor may take on it
EDITOR_PERMISSIONS = {
    ("diplomacy", "country"): ("view", "change"),
    ("diplomacy", "organisation"): ("view", "change"),
    ("diplomacy", "organisationname"): ("view", "change", "add", "delete"),
    ("diplomacy", "person"): ("view", "change"),
    ("diplomacy", "personname"): ("view", "change", "add", "delete"),
    ("diplomacy", "position"): ("view", "change", "add", "delete"),
    ("diplomacy", "meeting"): ("view", "change"),
    ("diplomacy", "participation"): ("view", "change", "add", "delete"),
    ("diplomacy", "statement"): ("view", "change", "add", "delete"),
    ("diplomacy", "article"): ("view",),
    ("diplomacy", "evidence"): ("view",),
}


def editor_codenames():
    """(app label, codename) of every permission the Editors group holds."""
    return {
        (app_label, f"{action}_{model}")
        for (app_label, model), actions in EDITOR_PERMISSIONS.items()
        for action in actions
    }


def setup_roles(using=DEFAULT_DB_ALIAS, apps=global_apps):
    """Create or update the Editors group; returns (group, created, missing codenames).

    Permissions of apps not migrated yet are missing; the next migrate adds them.
    """
    from django.contrib.auth.management import create_permissions

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    # post_migrate reaches diplomacy before articles: make sure every permission exists
    for label in sorted({app_label for app_label, _ in EDITOR_PERMISSIONS}):
        create_permissions(global_apps.get_app_config(label), verbosity=0, using=using, apps=apps)

    wanted = editor_codenames()
    permissions = [
        permission
        for permission in Permission.objects.using(using)
        .filter(content_type__app_label__in={label for label, _ in wanted})
        .select_related("content_type")
        if (permission.content_type.app_label, permission.codename) in wanted
    ]
    missing = wanted - {(p.content_type.app_label, p.codename) for p in permissions}
    group, created = Group.objects.using(using).get_or_create(name=EDITORS)
    group.permissions.set(permissions)
    return group, created, sorted(missing)


def create_roles(app_config, using=DEFAULT_DB_ALIAS, apps=global_apps, **kwargs):
    """post_migrate handler: keep the Editors group in step with the models."""
    try:
        apps.get_model("auth", "Group")
        apps.get_model("auth", "Permission")
        apps.get_model("contenttypes", "ContentType")
    except LookupError:
        return  # auth is not migrated yet (e.g. migrate contenttypes alone)
    setup_roles(using=using, apps=apps)
