from io import StringIO

from django.contrib.auth.models import Group, Permission, User
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse

from diplomacy.models import Country, Person
from diplomacy.roles import EDITORS, editor_codenames


def make_user(username, *, staff=True, editor=False):
    user = User.objects.create_user(username, password="pw", is_staff=staff)
    if editor:
        user.groups.add(Group.objects.get(name=EDITORS))
    return user


def group_codenames():
    group = Group.objects.get(name=EDITORS)
    return {
        (p.content_type.app_label, p.codename)
        for p in group.permissions.select_related("content_type")
    }


class EditorsGroupTests(TestCase):
    def test_migrate_creates_the_group_with_exactly_the_curation_permissions(self):
        self.assertEqual(group_codenames(), editor_codenames())

    def test_editors_cannot_manage_users_or_groups(self):
        codenames = {codename for _, codename in group_codenames()}
        self.assertFalse(codenames & {"add_user", "change_user", "view_user", "change_group"})
        self.assertNotIn("add_person", codenames)
        self.assertNotIn("delete_meeting", codenames)
        self.assertTrue(
            {"add_personname", "delete_position", "add_participation", "delete_statement"}
            <= codenames
        )
        self.assertTrue({"view_article", "view_evidence"} <= codenames)

    def test_setup_roles_is_idempotent_and_repairs_the_group(self):
        group = Group.objects.get(name=EDITORS)
        group.permissions.add(Permission.objects.get(codename="delete_user"))
        group.permissions.remove(Permission.objects.get(codename="change_person"))
        out = StringIO()
        call_command("setup_roles", stdout=out)
        call_command("setup_roles", stdout=out)
        self.assertEqual(Group.objects.filter(name=EDITORS).count(), 1)
        self.assertEqual(group_codenames(), editor_codenames())
        self.assertIn("Updated group 'Editors'", out.getvalue())


class AdminAccessTests(TestCase):
    def setUp(self):
        self.person = Person.objects.create(
            name="Tamsin Oldcastle",
            country=Country.objects.create(iso2="XA", iso3="XAA", name="Avaloria"),
        )
        self.change_url = reverse("admin:diplomacy_person_change", args=[self.person.pk])

    def test_anonymous_is_sent_to_the_login_page(self):
        for url in (
            self.change_url,
            reverse("admin:diplomacy_person_changelist"),
            reverse("admin:diplomacy_review_queue"),
        ):
            response = self.client.get(url)
            self.assertEqual(response.status_code, 302, url)
            self.assertIn(reverse("admin:login"), response["Location"])
        response = self.client.post(self.change_url, {"name": "Changed"})
        self.assertEqual(response.status_code, 302)
        self.person.refresh_from_db()
        self.assertEqual(self.person.name, "Tamsin Oldcastle")

    def test_staff_outside_editors_gets_403_on_change_views(self):
        self.client.force_login(make_user("outsider"))
        self.assertEqual(self.client.get(self.change_url).status_code, 403)
        self.assertEqual(self.client.post(self.change_url, {"name": "Changed"}).status_code, 403)
        self.assertEqual(self.client.get(reverse("admin:diplomacy_review_queue")).status_code, 403)
        self.person.refresh_from_db()
        self.assertEqual(self.person.name, "Tamsin Oldcastle")

    def test_editor_can_open_the_change_page_but_not_user_admin(self):
        self.client.force_login(make_user("editor", editor=True))
        self.assertEqual(self.client.get(self.change_url).status_code, 200)
        self.assertEqual(
            self.client.get(reverse("admin:diplomacy_meeting_changelist")).status_code, 200
        )
        self.assertEqual(
            self.client.get(reverse("admin:diplomacy_article_changelist")).status_code, 200
        )
        self.assertEqual(self.client.get("/admin/auth/user/").status_code, 403)
        self.assertEqual(self.client.get("/admin/auth/group/").status_code, 403)

    def test_editor_cannot_add_or_delete_persons(self):
        self.client.force_login(make_user("editor", editor=True))
        self.assertEqual(self.client.get(reverse("admin:diplomacy_person_add")).status_code, 403)
        delete_url = reverse("admin:diplomacy_person_delete", args=[self.person.pk])
        self.assertEqual(self.client.post(delete_url, {"post": "yes"}).status_code, 403)
        self.assertTrue(Person.objects.filter(pk=self.person.pk).exists())
