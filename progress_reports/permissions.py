"""Who may do what with progress reports: each rule written once, here.

Views fetch reports and attachments through the querysets below, so that a person who may not
see a report gets 404 by construction (another country's draft does not exist for them), and ask
the predicates for a known role without the right (403, with the reason).
"""

from focal_points.permissions import acting_country
from progress_reports.models import Attachment, ProgressReport, ReportState


def can_review(user):
    """ESCAP staff: return and publish reports, see every report in any state."""
    return user.is_authenticated and user.is_staff and user.has_perm("progress_reports.review_report")


def can_manage_cycles(user):
    return user.is_authenticated and user.is_staff and user.has_perm("progress_reports.manage_cycle")


def reports_visible_to(user):
    """Published reports for everyone; every version of their own country's reports for a focal point; all for staff."""
    if can_review(user):
        return ProgressReport.objects.all()
    country = acting_country(user)
    if country is not None:
        return ProgressReport.objects.filter(country=country) | ProgressReport.objects.published()
    return ProgressReport.objects.published()


def reports_workable_by(user):
    """The reports a person may open in their workspace: their country's (any state); staff on behalf of any."""
    if can_review(user):
        return ProgressReport.objects.all()
    country = acting_country(user)
    if country is not None:
        return ProgressReport.objects.filter(country=country)
    return ProgressReport.objects.none()


def attachments_visible_to(user):
    """Files of published reports for everyone; of their own country's reports for a focal point; all for staff."""
    return Attachment.objects.filter(report__in=reports_visible_to(user).values("pk"))


def acts_for(user, country):
    country_acted_for = acting_country(user)
    return country_acted_for is not None and country_acted_for.pk == country.pk


def can_start_report(user, country, cycle):
    """A focal point starts their country's report (or a new version) while the cycle is open; staff on its behalf."""
    return (acts_for(user, country) or can_review(user)) and cycle.is_open


def can_edit(user, report):
    """The country's focal points (and staff, on their behalf) edit a draft or returned report of an open cycle."""
    return report.is_editable_state and report.cycle.is_open and (acts_for(user, report.country) or can_review(user))


def edit_refusal(report):
    """Why a report in a person's workspace cannot be edited now (for the 403 page and the report page)."""
    if report.state == ReportState.PUBLISHED:
        return "published"
    if report.state == ReportState.SUBMITTED:
        return "submitted"
    if report.cycle.is_closed:
        return "closed"
    if not report.cycle.has_opened:
        return "not-open"
    return ""


def can_submit(user, report):
    """Only the country's own focal points submit, and only while the cycle is open (even past its deadline)."""
    return report.is_editable_state and report.cycle.is_open and acts_for(user, report.country)


def can_review_report(user, report):
    return can_review(user) and report.state == ReportState.SUBMITTED


def can_manage_attachments(user, report):
    return can_edit(user, report)
