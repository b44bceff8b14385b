"""The emails of the reporting workflow: to staff on submission, to the country's focal points on return and
publication, and the deadline reminders. Each is sent after the transaction commits (see `services.py`)."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from focal_points.models import FocalPoint
from spot.emails import absolute_url, send


def reviewers():
    """Active ESCAP staff who may return and publish reports."""
    permission = Q(
        groups__permissions__codename="review_report",
        groups__permissions__content_type__app_label="progress_reports",
    ) | Q(
        user_permissions__codename="review_report",
        user_permissions__content_type__app_label="progress_reports",
    )
    return get_user_model().objects.filter(Q(is_superuser=True) | permission, is_active=True, is_staff=True).distinct()


def country_focal_points(country):
    return [fp.user.email for fp in FocalPoint.objects.active().for_country(country).select_related("user")]


def report_context(report, transition):
    return {
        "report": report,
        "transition": transition,
        "country": report.country,
        "cycle": report.cycle,
        "workspace_url": absolute_url(reverse("report_workspace", args=[report.pk])),
    }


def send_submitted(report, transition):
    send(
        to=[user.email for user in reviewers()],
        subject=_("%(country)s submitted its progress report for review"),
        subject_params={"country": report.country},
        template="progress_reports/email/submitted.txt",
        context={**report_context(report, transition), "review_url": absolute_url(report.get_review_url())},
    )


def send_returned(report, transition, section_comment_count):
    send(
        to=country_focal_points(report.country),
        subject=_("Your country's progress report was returned for revision"),
        template="progress_reports/email/returned.txt",
        context={**report_context(report, transition), "section_comment_count": section_comment_count},
    )


def send_published(report, transition):
    send(
        to=country_focal_points(report.country),
        subject=_("Your country's progress report is published"),
        template="progress_reports/email/published.txt",
        context={**report_context(report, transition), "public_url": absolute_url(report.get_absolute_url())},
    )


def send_deadline_reminder(cycle, country, people, draft, days_left):
    url = reverse("report_workspace", args=[draft.pk]) if draft else reverse("workspace")
    days_left = max(days_left, 0)
    send(
        to=[person.email for person in people],
        subject=ngettext_lazy(
            "%(days)s day left to submit the progress report of %(country)s",
            "%(days)s days left to submit the progress report of %(country)s",
            "days",
        ),
        subject_params={"days": days_left, "country": country},
        template="progress_reports/email/deadline_reminder.txt",
        context={"cycle": cycle, "country": country, "draft": draft, "days_left": days_left, "url": absolute_url(url)},
    )
