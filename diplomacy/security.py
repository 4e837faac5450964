"""Admin login security: failed logins are logged, and repeated failures are refused for a while.

A failed login logs a WARNING on the "diplomacy.security" logger with the username tried
and the client's address (never the password), so a brute-force attempt shows in the logs.
After ``MAX_FAILURES`` failures for one username, or from one address, within ``WINDOW``
seconds, further logins for that username or from that address are refused for
``LOCKOUT`` seconds, even with the right password.

The counters live in the "shared" cache (settings.CACHES: a database table, or Redis when
REDIS_URL is set), so that every server process and host counts together: under
``gunicorn --workers 4`` a per-process count would let four times as many guesses through.
"""

import hashlib
import logging

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django.core.cache import caches
from django.core.exceptions import ValidationError
from django.dispatch import receiver

logger = logging.getLogger("diplomacy.security")

MAX_FAILURES = 5
WINDOW = 15 * 60
LOCKOUT = 15 * 60
REFUSED = "Too many failed login attempts. Try again in 15 minutes."


def client_ip(request):
    """The client's address: REMOTE_ADDR, or behind our reverse proxy (BEHIND_PROXY) the
    address the proxy saw, which it appended last to X-Forwarded-For. Without this every
    client would share the proxy's address, and five failures would lock everybody out."""
    if request is None:
        return "unknown"
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[-1].strip()
        if forwarded:
            return forwarded[:100]
    return request.META.get("REMOTE_ADDR") or "unknown"


def _subjects(username, ip):
    """Cache key parts for the username (hashed: any length, any character) and the address."""
    name = hashlib.sha256((username or "").strip().lower().encode()).hexdigest()[:32]
    return [f"user:{name}", f"ip:{ip}"]


def _failures_key(subject):
    return f"diplomacy:login-failures:{subject}"


def _lockout_key(subject):
    return f"diplomacy:login-lockout:{subject}"


def shared_cache():
    """The cache every server process sees (looked up per call: tests swap settings)."""
    return caches["shared"]


def is_locked_out(username, ip):
    cache = shared_cache()
    return any(cache.get(_lockout_key(s)) for s in _subjects(username, ip))


def record_failure(username, ip):
    """Count one failed login; returns the highest count for the username or the address."""
    cache = shared_cache()
    highest = 0
    for subject in _subjects(username, ip):
        key = _failures_key(subject)
        cache.add(key, 0, WINDOW)  # the window starts at the first failure
        try:
            failures = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, WINDOW)
            failures = 1
        if failures >= MAX_FAILURES:
            cache.set(_lockout_key(subject), True, LOCKOUT)
        highest = max(highest, failures)
    return highest


@receiver(user_login_failed, dispatch_uid="diplomacy_log_failed_login")
def log_failed_login(sender, credentials, request=None, **kwargs):
    """Log a failed login and count it towards the lockout."""
    username = str(credentials.get("username", ""))
    ip = client_ip(request)
    failures = record_failure(username, ip)
    logger.warning(
        "Failed login for username %r from %s (%d recent failure(s)%s)",
        username[:150],
        ip,
        failures,
        "; now refused for 15 minutes" if failures >= MAX_FAILURES else "",
    )


class RateLimitedAuthenticationForm(AdminAuthenticationForm):
    """The admin login form, refusing a username or address with too many recent failures."""

    error_messages = {**AdminAuthenticationForm.error_messages, "too_many_attempts": REFUSED}

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        ip = client_ip(self.request)
        if is_locked_out(username, ip):
            logger.warning("Refused login for username %r from %s (locked out)", username[:150], ip)
            raise ValidationError(
                self.error_messages["too_many_attempts"], code="too_many_attempts"
            )
        return super().clean()


admin.site.login_form = RateLimitedAuthenticationForm
