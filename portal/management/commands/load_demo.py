"""Load a small, clearly marked sample so that a newcomer sees a living portal.

Idempotent: running it again updates the same records. Never run it on a
production database: it creates accounts with a published password.
"""

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from focal_points.models import FocalPoint
from portal.management.sample_reports import load_sample_reports
from spot.models import Country

DEMO_PASSWORD = "demo-password-2026"
# A fixed secret so that the README can tell how to get the demo staff account's codes.
DEMO_STAFF_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
DEMO_STAFF = {"email": "staff@example.org", "name": "Dana Sample (ESCAP secretariat)"}

# (email, name, country ISO3, agency, position, lead, listed publicly)
DEMO_FOCAL_POINTS = [
    (
        "lead.tha@example.org",
        "Niran Sample",
        "THA",
        "Ministry of Social Development and Human Security",
        "Director, Social Protection Policy",
        True,
        True,
    ),
    ("colleague.tha@example.org", "Ploy Sample", "THA", "Social Security Office", "Policy analyst", False, False),
    (
        "lead.fji@example.org",
        "Mere Sample",
        "FJI",
        "Ministry of Women, Children and Social Protection",
        "Principal Social Welfare Officer",
        True,
        True,
    ),
    (
        "lead.mng@example.org",
        "Bat Sample",
        "MNG",
        "Ministry of Family, Labour and Social Protection",
        "Head, Social Welfare Policy Division",
        True,
        False,
    ),
    (
        "lead.kaz@example.org",
        "Aigerim Sample",
        "KAZ",
        "Ministry of Labour and Social Protection of the Population",
        "Chief expert",
        True,
        True,
    ),
]


class Command(BaseCommand):
    help = "Load sample accounts and focal points for demonstration (idempotent)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo data is for development only: run with DEBUG=true.")
        with transaction.atomic():
            staff = self.demo_user(DEMO_STAFF["email"], DEMO_STAFF["name"], is_staff=True)
            staff.groups.add(Group.objects.get(name="ESCAP staff"))
            if not Authenticator.objects.filter(user=staff, type=Authenticator.Type.TOTP).exists():
                TOTP.activate(staff, DEMO_STAFF_TOTP_SECRET)
            countries = Country.objects.in_bulk(field_name="iso3")
            authors = {}
            for email, name, iso3, agency, position, is_lead, listed in DEMO_FOCAL_POINTS:
                user = self.demo_user(email, name)
                if is_lead:
                    authors[iso3] = user
                FocalPoint.objects.update_or_create(
                    user=user,
                    is_active=True,
                    defaults={
                        "country": countries[iso3],
                        "agency": agency,
                        "position": position,
                        "is_lead": is_lead,
                        "listed_publicly": listed,
                        "is_sample": True,
                    },
                )
            report_count = load_sample_reports(staff=staff, focal_points=authors)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data loaded, with {report_count} published sample reports.\n"
                f"Sign in with any of these accounts, password {DEMO_PASSWORD!r}:\n"
                f"  {DEMO_STAFF['email']} (ESCAP staff; two-factor secret {DEMO_STAFF_TOTP_SECRET}, "
                "or `make demo-code` for the current code)\n"
                + "\n".join(f"  {row[0]} ({row[2]}{', lead' if row[5] else ''})" for row in DEMO_FOCAL_POINTS)
            )
        )

    def demo_user(self, email, name, is_staff=False):
        User = get_user_model()
        user, created = User.objects.get_or_create(email=email, defaults={"name": name, "is_staff": is_staff})
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        return user
