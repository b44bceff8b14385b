"""Cache backends that degrade instead of failing.

Django's Redis backend raises when Redis cannot be reached, which would turn every
page into a 500 during a Redis restart. Here an unreachable Redis behaves like an
empty cache that keeps nothing: reads miss, writes are dropped, `add` reports that
nothing was added (so one-time codes and locks fail closed rather than open). Each
outage is logged, at most once every `WARNING_INTERVAL` seconds per process.
"""

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("spot.caches")

UNREACHABLE = (RedisConnectionError, RedisTimeoutError)
WARNING_INTERVAL = 60


def _unreachable_gives(fallback):
    """Answer `fallback(*args, **kwargs)` instead of raising when Redis is unreachable."""

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except UNREACHABLE as error:
                self.report_outage(error)
                return fallback(*args, **kwargs)

        return wrapper

    return decorate


def _default_of_get(key, default=None, version=None):
    return default


def _nothing(*args, **kwargs):
    return None


def _false(*args, **kwargs):
    return False


def _empty_dict(*args, **kwargs):
    return {}


def _all_keys_failed(data, *args, **kwargs):
    return list(data)


def _counter_unknown(key, delta=1, version=None):
    # As if the counter had just started: a rate limit forgets, it never blocks everyone.
    return delta


class ResilientRedisCache(RedisCache):
    """Django's Redis cache; an unreachable Redis is a miss, not an exception."""

    last_warning = 0.0

    def report_outage(self, error):
        now = time.monotonic()
        if now - ResilientRedisCache.last_warning >= WARNING_INTERVAL:
            ResilientRedisCache.last_warning = now
            logger.warning("Redis is unreachable; the cache is bypassed until it is back: %s", error)

    get = _unreachable_gives(_default_of_get)(RedisCache.get)
    add = _unreachable_gives(_false)(RedisCache.add)
    set = _unreachable_gives(_nothing)(RedisCache.set)
    touch = _unreachable_gives(_false)(RedisCache.touch)
    delete = _unreachable_gives(_false)(RedisCache.delete)
    get_many = _unreachable_gives(_empty_dict)(RedisCache.get_many)
    has_key = _unreachable_gives(_false)(RedisCache.has_key)
    incr = _unreachable_gives(_counter_unknown)(RedisCache.incr)
    set_many = _unreachable_gives(_all_keys_failed)(RedisCache.set_many)
    delete_many = _unreachable_gives(_nothing)(RedisCache.delete_many)
    clear = _unreachable_gives(_false)(RedisCache.clear)
