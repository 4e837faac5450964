"""Failed admin logins are logged (username and address, never the password) and, after
five failures within 15 minutes, refused for 15 minutes per username and per address."""

import datetime
import logging
from unittest import mock

from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import User
from django.core.cache.backends.db import DatabaseCache
from django.db import connection
from django.test import SimpleTestCase, TestCase, override_settings
from django.utils import timezone

from diplomacy import security
from tests.operations.test_settings import manage

LOGIN = "/admin/login/?next=/admin/"
PASSWORD = "correct horse battery staple"


@override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
class LoginSecurityTests(TestCase):
    def setUp(self):
        # keep the expected warnings out of the test output (assertLogs still sees them)
        quiet = logging.getLogger("diplomacy.security")
        for patch in (
            mock.patch.object(quiet, "handlers", [logging.NullHandler()]),
            mock.patch.object(quiet, "propagate", False),
        ):
            patch.start()
            self.addCleanup(patch.stop)
        security.shared_cache().clear()
        self.addCleanup(security.shared_cache().clear)
        self.editor = User.objects.create_superuser("editor", "editor@example.org", PASSWORD)

    def login(self, username="editor", password="wrong", ip="192.0.2.10"):
        return self.client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)

    def assert_logged_in(self, response):
        self.assertEqual(response.status_code, 302, response.content[:300])
        self.assertEqual(response["Location"], "/admin/")

    def assert_refused(self, response):
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, security.REFUSED)
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_the_admin_uses_the_rate_limited_login_form(self):
        self.assertIs(admin.site.login_form, security.RateLimitedAuthenticationForm)

    def test_a_failed_login_is_logged_with_username_and_address_but_not_the_password(self):
        with self.assertLogs("diplomacy.security", "WARNING") as logs:
            response = self.login(password="hunter2-secret")
        self.assertEqual(response.status_code, 200)
        (line,) = logs.output
        self.assertIn("'editor'", line)
        self.assertIn("192.0.2.10", line)
        self.assertNotIn("hunter2-secret", line)

    def test_a_good_login_is_not_logged_and_works(self):
        with self.assertNoLogs("diplomacy.security", "WARNING"):
            self.assert_logged_in(self.login(password=PASSWORD))

    def test_five_failures_lock_the_username_even_with_the_right_password(self):
        with self.assertLogs("diplomacy.security", "WARNING") as logs:
            for attempt in range(security.MAX_FAILURES):
                self.login(ip=f"198.51.100.{attempt}")  # from five addresses
            self.assert_refused(self.login(password=PASSWORD, ip="203.0.113.7"))
        self.assertIn("now refused", logs.output[security.MAX_FAILURES - 1])
        self.assertIn("locked out", logs.output[-1])
        # another user from another address is not affected
        User.objects.create_superuser("other", "other@example.org", PASSWORD)
        self.assert_logged_in(self.login("other", PASSWORD, ip="203.0.113.99"))

    def test_four_failures_do_not_lock(self):
        for _ in range(security.MAX_FAILURES - 1):
            self.login()
        self.assert_logged_in(self.login(password=PASSWORD))

    def test_five_failures_from_one_address_lock_the_address_for_every_username(self):
        for n in range(security.MAX_FAILURES):
            self.login(username=f"guess{n}", ip="192.0.2.66")
        self.assert_refused(self.login(password=PASSWORD, ip="192.0.2.66"))
        self.assert_logged_in(self.login(password=PASSWORD, ip="192.0.2.67"))

    def test_usernames_differing_in_case_or_spaces_count_together(self):
        for username in ("Editor", "EDITOR", " editor", "editor ", "eDiToR"):
            self.login(username=username, ip=f"198.51.100.{len(username)}{username.count('E')}")
        self.assert_refused(self.login(password=PASSWORD, ip="203.0.113.8"))

    def test_the_lockout_ends_after_fifteen_minutes(self):
        for _ in range(security.MAX_FAILURES):
            self.login()
        self.assert_refused(self.login(password=PASSWORD))
        later = timezone.now() + datetime.timedelta(seconds=security.LOCKOUT + 1)
        with (
            mock.patch("time.time", return_value=later.timestamp()),
            mock.patch("django.core.cache.backends.db.tz_now", return_value=later),
        ):
            self.assert_logged_in(self.login(password=PASSWORD))

    def test_hostile_usernames_are_logged_safely(self):
        hostile = "x' OR 1=1 --\n<script>alert(1)</script>" + "é" * 500
        with self.assertLogs("diplomacy.security", "WARNING") as logs:
            response = self.login(username=hostile)
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("\n<script>", logs.output[0])  # repr: the newline cannot forge a line
        self.assertLess(len(logs.output[0]), 400)

    def test_behind_the_proxy_the_address_the_proxy_saw_counts(self):
        with override_settings(SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https")):
            for _ in range(security.MAX_FAILURES):
                self.client.post(
                    LOGIN,
                    {"username": "nobody", "password": "x"},
                    REMOTE_ADDR="10.0.0.1",  # the proxy
                    HTTP_X_FORWARDED_FOR="1.2.3.4, 192.0.2.99",  # spoofed, then the real one
                )
            self.assertTrue(security.is_locked_out("", "192.0.2.99"))
            self.assertFalse(security.is_locked_out("", "10.0.0.1"))
            self.assertFalse(security.is_locked_out("", "1.2.3.4"))

    def test_the_counts_are_kept_where_every_server_process_sees_them(self):
        # gunicorn --workers 4: each worker is a process with its own memory. The count is
        # in the database (or Redis), so a cache object another process makes sees it.
        for attempt in range(security.MAX_FAILURES):
            self.login(ip=f"198.51.100.{attempt}")
        another_process = DatabaseCache(settings.CACHE_TABLE, {})
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM {settings.CACHE_TABLE}")
            self.assertGreaterEqual(cursor.fetchone()[0], 2)
        lockout = security._lockout_key(security._subjects("editor", "")[0])
        self.assertTrue(another_process.get(lockout))
        # so a login that another worker answers is refused too
        with mock.patch.object(security, "shared_cache", return_value=another_process):
            self.assert_refused(self.login(password=PASSWORD, ip="203.0.113.7"))


class SharedCacheSettingsTests(SimpleTestCase):
    def test_the_shared_cache_is_the_database_or_redis_never_process_memory(self):
        self.assertEqual(
            settings.CACHES["shared"]["BACKEND"], "django.core.cache.backends.db.DatabaseCache"
        )
        code = "from django.conf import settings; print(settings.CACHES['shared'])"
        result = manage("shell", "-c", code, REDIS_URL="redis://cache.example:6379/2")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("RedisCache", result.stdout)
        self.assertIn("redis://cache.example:6379/2", result.stdout)
