"""Print the current two-factor code of the demo staff account (development only)."""

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.management.commands.load_demo import DEMO_STAFF, DEMO_STAFF_TOTP_SECRET


class Command(BaseCommand):
    help = "Print the current two-factor code of the demo staff account."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo data is for development only: run with DEBUG=true.")
        counters = list(yield_hotp_counters_from_time())
        current = counters[len(counters) // 2]
        code = format_hotp_value(hotp_value(DEMO_STAFF_TOTP_SECRET, current))
        self.stdout.write(f"{DEMO_STAFF['email']}: {code}")
