"""The portal's own settings, plus the bare view the benchmark compares every page with.

Used only by `make bench` (DJANGO_SETTINGS_MODULE=bench.settings); production never loads it.
"""

from spot.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
