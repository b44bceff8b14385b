"""Load a small, clearly marked sample so that a newcomer sees a living portal.

Idempotent: running it again updates the same records. Never run it on a
production database: it creates accounts with a published password.
"""

from datetime import timedelta

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from focal_points.models import FocalPoint
from good_practices import services as practice_services
from good_practices.models import GoodPractice, ModerationStep, PracticeState, Theme
from measures.models import Measure
from portal.management.commands._demo_practices import PRACTICES, REVISION
from portal.management.sample_reports import load_sample_reports
from spot.models import Country
from spot.public_cache import content_changed

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
            practices = self.load_practices(staff)
            content_changed()  # the sample shows on every public page
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data loaded, with {report_count} published sample reports.\n"
                f"Sign in with any of these accounts, password {DEMO_PASSWORD!r}:\n"
                f"  {DEMO_STAFF['email']} (ESCAP staff; two-factor secret {DEMO_STAFF_TOTP_SECRET}, "
                "or `make demo-code` for the current code)\n"
                + "\n".join(f"  {row[0]} ({row[2]}{', lead' if row[5] else ''})" for row in DEMO_FOCAL_POINTS)
                + f"\n{practices} sample good practices."
            )
        )

    def demo_user(self, email, name, is_staff=False):
        User = get_user_model()
        user, created = User.objects.get_or_create(email=email, defaults={"name": name, "is_staff": is_staff})
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        return user

    # Good practices: each goes through the real workflow once (history, audit), then gets its
    # demonstration dates. Running again refreshes the text of those already there.

    def load_practices(self, staff):
        User = get_user_model()
        countries = Country.objects.in_bulk(field_name="iso3")
        measures = Measure.objects.in_bulk(field_name="number")
        themes = Theme.objects.in_bulk(field_name="slug")
        leads = {row[2]: row[0] for row in DEMO_FOCAL_POINTS if row[5]}
        now = timezone.now()
        # The workflow's emails would flood the console of `make run`; they are not sent for the sample.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            for entry in PRACTICES:
                author_email = entry.get("author") or leads.get(entry["country"])
                author = User.objects.get(email=author_email) if author_email else staff
                content = {
                    "title": entry["title"],
                    "programme_name": entry["programme"],
                    "period_start": entry["years"][0],
                    "period_end": entry["years"][1],
                    "summary": entry["summary"],
                    "body": entry["body"],
                    "results": entry["results"],
                    "lessons": entry["lessons"],
                    "sources": [{"title": title, "url": url} for title, url in entry["sources"]],
                    "contact_agency": entry["agency"],
                    "language": entry.get("language", "en"),
                }
                practice = (
                    GoodPractice.objects.originals()
                    .filter(is_sample=True, country=countries[entry["country"]], title=entry["title"])
                    .first()
                )
                if practice is not None:
                    for field, value in content.items():
                        setattr(practice, field, value)
                    practice.save(
                        update_fields=[*content, "body_html", "results_html", "lessons_html", "searchable_text"]
                    )
                    continue
                practice = practice_services.create_practice(
                    actor=author,
                    ip=None,
                    practice=GoodPractice(country=countries[entry["country"]], is_sample=True, **content),
                    measures=[measures[number] for number in entry["measures"]],
                    themes=[themes[slug] for slug in entry["themes"]],
                )
                self.move_practice(practice, entry, author=author, staff=staff, now=now)
            self.propose_revision(now)
        return GoodPractice.objects.originals().filter(is_sample=True).count()

    def move_practice(self, practice, entry, *, author, staff, now):
        state = entry.get("state", PracticeState.PUBLISHED)
        if state == PracticeState.DRAFT:
            return
        # The demonstration's past: submitted a week before publication, or ten days ago.
        published = now - timedelta(days=entry["days"]) if entry["days"] is not None else None
        submitted = published - timedelta(days=7) if published else now - timedelta(days=10)
        steps = [("submit", author, "")]
        if state in (PracticeState.PUBLISHED, PracticeState.ARCHIVED):
            steps.append(("publish", staff, ""))
        if state == PracticeState.ARCHIVED:
            steps.append(("archive", staff, entry["comment"]))
        if state in (PracticeState.CHANGES_REQUESTED, PracticeState.REJECTED):
            steps.append(("reject" if state == PracticeState.REJECTED else "request_changes", staff, entry["comment"]))
        when = [submitted, published or submitted + timedelta(days=3), now - timedelta(days=30)]
        for (action, actor, comment), moment in zip(steps, when, strict=False):
            step = practice_services.move(practice, action, actor=actor, ip=None, comment=comment)
            ModerationStep.objects.filter(pk=step.pk).update(created_at=moment)
        dates = {"created_at": submitted - timedelta(days=5), "updated_at": submitted, "submitted_at": submitted}
        if published:
            dates.update(
                published_at=published, published_year=timezone.localtime(published).year, last_updated_at=published
            )
        GoodPractice.objects.filter(pk=practice.pk).update(**dates)

    def propose_revision(self, now):
        title, author_email, summary = REVISION
        practice = GoodPractice.objects.published().filter(is_sample=True, title=title).first()
        if practice is None or practice.revisions.exists():
            return
        author = get_user_model().objects.get(email=author_email)
        revision, _created = practice_services.start_revision(practice, actor=author, ip=None)
        revision.summary = summary
        practice_services.save_practice(
            revision,
            actor=author,
            ip=None,
            measures=revision.measures.all(),
            themes=revision.themes.all(),
            expected_version=revision.version,
        )
        practice_services.submit(revision, actor=author, ip=None)
