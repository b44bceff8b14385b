"""One log line per request: method, path, status, duration in milliseconds, user id or `-`.

    GET /countries/tha/ 200 3.1ms user=-

Written through `logging` (logger `spot.requests`), so the deployment decides where
lines go. The query string is left out: searches may hold what people typed.
"""

import logging
import time

logger = logging.getLogger("spot.requests")


def user_id(request):
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return str(user.pk)
    return "-"


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        duration = (time.perf_counter() - started) * 1000
        logger.info(
            "%s %s %s %.1fms user=%s", request.method, request.path, response.status_code, duration, user_id(request)
        )
        return response
