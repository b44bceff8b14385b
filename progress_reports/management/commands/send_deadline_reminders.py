"""Email the focal points of countries that have not submitted their report, 14 and 3 days before a deadline.

Run it once a day (see the README for a cron line). Each reminder goes out once per cycle and country,
however often the command runs; a missed day is caught up the next day.
"""

from django.core.management.base import BaseCommand

from progress_reports.services import send_deadline_reminders


class Command(BaseCommand):
    help = "Send the deadline reminders that are due today (idempotent: each is sent once)."

    def handle(self, *args, **options):
        reminded = send_deadline_reminders()
        self.stdout.write(
            f"Deadline reminders sent to the focal points of {reminded} countr{'y' if reminded == 1 else 'ies'}."
        )
