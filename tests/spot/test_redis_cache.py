"""With Redis: pages and the content version are shared there, and a Redis outage degrades, never fails."""

import shutil
import socket
import subprocess
import time

import pytest
from django.core.cache import caches
from pytest_django.asserts import assertContains, assertNotContains

from spot import public_cache
from spot.caches import ResilientRedisCache
from tests.conftest import emails_sent

pytestmark = pytest.mark.django_db


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RedisServer:
    """A private redis-server for one test, so that it can be stopped without touching anyone else's."""

    def __init__(self, directory):
        self.port = free_port()
        self.directory = directory
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            cwd=self.directory,
            stdout=subprocess.DEVNULL,
        )
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.1).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def redis_server(tmp_path, settings):
    if not shutil.which("redis-server"):
        pytest.skip("redis-server is not installed (make test installs it)")
    server = RedisServer(tmp_path)
    server.start()
    options = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}
    settings.CACHES = {
        "default": {"BACKEND": "spot.caches.ResilientRedisCache", "LOCATION": server.url, "OPTIONS": options},
        "pages": {
            "BACKEND": "spot.caches.ResilientRedisCache",
            "LOCATION": server.url,
            "OPTIONS": options,
            "KEY_PREFIX": "pages",
        },
    }
    settings.PUBLIC_CONTENT_VERSION_FILE = ""
    yield server
    if server.process.poll() is None:
        server.stop()


def test_it_serves_public_pages_from_redis_without_a_query(redis_server, client, django_assert_num_queries):
    client.get("/countries/tha/")
    with django_assert_num_queries(0):
        response = client.get("/countries/tha/")
    assert response.status_code == 200
    assert caches["default"].get(public_cache.VERSION_KEY)
    redis = caches["pages"]._cache.get_client()
    assert len(redis.keys("pages:*")) == 1


def test_it_shows_a_consent_change_with_the_version_kept_in_redis(redis_server, client, focal_point):
    assertNotContains(client.get("/countries/tha/"), "Niran Lead")
    member = client.__class__()
    member.force_login(focal_point)
    with emails_sent():
        member.post("/my/membership/", {"position": "Director", "listed_publicly": "on"})
    assertContains(client.get("/countries/tha/"), "Niran Lead, Director")


def test_it_answers_public_pages_while_redis_is_down(redis_server, client, caplog):
    client.get("/countries/")
    redis_server.stop()

    for path in ["/", "/measures/7/", "/countries/", "/countries/tha/", "/accounts/login/"]:
        assert client.get(path).status_code == 200, path
    public_cache.bump()  # a change while Redis is down is logged, not raised
    assert client.get("/healthz").status_code == 503
    assert "Redis is unreachable" in caplog.text

    redis_server.start()
    client.get("/countries/")
    assert client.get("/healthz").status_code == 200


def test_it_degrades_each_cache_operation_when_redis_cannot_be_reached():
    cache = ResilientRedisCache("redis://127.0.0.1:9/0", {"OPTIONS": {"socket_connect_timeout": 0.2}})
    assert cache.get("key", "fallback") == "fallback"
    assert cache.set("key", "value") is None
    assert cache.add("key", "value") is False
    assert cache.incr("key", 3) == 3
    assert cache.get_many(["a", "b"]) == {}
    assert cache.set_many({"a": 1}) == ["a"]
    assert cache.has_key("key") is False
    assert cache.delete("key") is False
