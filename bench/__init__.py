"""The load benchmark (`make bench`): see bench/run.py and bench/RESULTS.md."""

# The bare view every public page is compared with (bench/urls.py, only under bench.settings).
BARE_PATH = "/bench/bare/"
