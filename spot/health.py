"""`/healthz`: is this server able to answer? For load balancers and monitors.

Answered by a middleware at the very top of the stack, before host validation, the
HTTPS redirect and the request log: a load balancer probes each server by its own
address, often over plain HTTP, and its probes every few seconds are not traffic
worth a log line. The body says only `ok` (200) or `unavailable` (503); what failed
goes to the server's log, never to the caller.
"""

import logging
import secrets

from django.core.cache import caches
from django.db import connection
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger("spot.health")

HEALTH_PATH = "/healthz"
PROBE_KEY = "spot:health-probe"


def database_answers():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def caches_answer():
    """Every configured cache keeps and returns a value (a degrading cache that keeps nothing fails)."""
    for alias in caches:
        cache = caches[alias]
        token = secrets.token_hex(4)
        cache.set(PROBE_KEY, token, timeout=30)
        if cache.get(PROBE_KEY) != token:
            return False
    return True


def failed_checks():
    failed = []
    for name, check in (("database", database_answers), ("cache", caches_answer)):
        try:
            healthy = check()
        except Exception as error:  # any failure is a failed check, reported without details
            logger.warning("Health check %s failed: %s", name, error)
            healthy = False
        if not healthy:
            failed.append(name)
    return failed


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info != HEALTH_PATH:
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            response = HttpResponse(status=405, headers={"Allow": "GET, HEAD"})
        elif failed := failed_checks():
            logger.warning("Unhealthy: %s", ", ".join(failed))
            response = HttpResponse("unavailable\n", status=503, content_type="text/plain; charset=utf-8")
        else:
            response = HttpResponse("ok\n", content_type="text/plain; charset=utf-8")
        add_never_cache_headers(response)
        response["X-Content-Type-Options"] = "nosniff"
        return response
