"""The pages that gather several apps: home, about, countries, the workspace, the trust pages."""

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from focal_points import permissions as network
from focal_points.models import FocalPoint, Invitation
from good_practices import permissions as practices
from good_practices.models import GoodPractice, PracticeState
from measures.models import Measure
from portal.forms import AccountSettingsForm, StocktakeFilterForm
from progress_reports import open_data as data_files
from progress_reports import panels as reports
from progress_reports import permissions as reporting
from progress_reports import stocktake
from progress_reports.models import ReportingCycle
from progress_reports.progress import BASELINE_YEAR, ProgressStatus, progress_toward
from spot.models import Country
from spot.page_cache import public_page
from spot.public_cache import content_changed

# Practices shown on the home, country and measure pages (the list page has them all).
LATEST_PRACTICES = 6


def latest_practices(practices):
    return list(practices.select_related("country").newest_first()[:LATEST_PRACTICES])


@public_page
def home(request):
    return render(
        request,
        "portal/home.html",
        {
            "measures": Measure.objects.all(),
            "subregions": Country.objects.by_subregion(),
            **reports.reporting_at_a_glance(),
            "practices": latest_practices(GoodPractice.objects.published()),
        },
    )


@public_page
def measure_list(request):
    return render(request, "portal/measure_list.html", {"measures": Measure.objects.prefetch_related("targets")})


@public_page
def measure_detail(request, number):
    # The measure and its neighbours, for the links to the previous and next measure.
    neighbourhood = Measure.objects.filter(number__in=[number - 1, number, number + 1]).prefetch_related("targets")
    measures = {measure.number: measure for measure in neighbourhood}
    if number not in measures:
        raise Http404("No such measure.")
    return render(
        request,
        "portal/measure_detail.html",
        {
            "measure": measures[number],
            "previous_measure": measures.get(number - 1),
            "next_measure": measures.get(number + 1),
            **reports.measure_statuses(measures[number]),
            "practices": latest_practices(GoodPractice.objects.published().filter(measures=measures[number])),
            "more_practices_url": f"{reverse('practice_list')}?measure={number}",
        },
    )


@public_page
def about(request):
    return render(request, "portal/about.html")


@public_page
def contact(request):
    return render(request, "portal/contact.html", {"secretariat_email": settings.SECRETARIAT_EMAIL})


@public_page
def privacy(request):
    return render(
        request,
        "portal/privacy.html",
        {"secretariat_email": settings.SECRETARIAT_EMAIL, "session_hours": settings.SESSION_COOKIE_AGE // 3600},
    )


@public_page
def accessibility(request):
    return render(request, "portal/accessibility.html", {"secretariat_email": settings.SECRETARIAT_EMAIL})


@public_page
def country_list(request):
    subregions = Country.objects.by_subregion()
    countries = [country for _subregion, members in subregions for country in members]
    associate_count = sum(1 for country in countries if country.is_associate)
    return render(
        request,
        "portal/country_list.html",
        {
            "subregions": subregions,
            "member_count": len(countries) - associate_count,
            "associate_count": associate_count,
        },
    )


@public_page
def country_detail(request, iso3):
    country = get_object_or_404(Country, iso3=iso3)
    focal_points = list(
        FocalPoint.objects.active().for_country(country).select_related("user").order_by("agency", "user__name")
    )
    agencies = sorted({focal_point.agency for focal_point in focal_points})
    return render(
        request,
        "portal/country_detail.html",
        {
            "country": country,
            "agencies": agencies,
            "listed_focal_points": [fp for fp in focal_points if fp.listed_publicly],
            "has_sample_focal_points": any(fp.is_sample for fp in focal_points),
            **reports.country_report(country),
            "practices": latest_practices(GoodPractice.objects.published().for_country(country)),
            "more_practices_url": f"{reverse('practice_list')}?country={country.iso3}",
        },
    )


@public_page
def open_data(request):
    homepage = request.build_absolute_uri(reverse("open_data"))
    return render(
        request,
        "portal/open_data.html",
        {
            "tables": data_files.TABLES.values(),
            "licence": data_files.LICENCE,
            "citation": data_files.citation(url=homepage),
            "example_url": reverse("open_data_file", args=["coverage", "csv"]) + "?country=THA&cycle=2026",
        },
    )


def attachment(response, filename):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# The open data files are answered whole rather than streamed, so that the page cache keeps them: the
# full tables take seconds to write, and change only when a report is published.


@public_page
def open_data_file(request, name, extension):
    """A table as CSV or JSON, optionally for one country (`country=THA`) or cycle (`cycle=2026`)."""
    table = data_files.TABLES[name]
    try:
        filters = data_files.parse_filters(request.GET)
    except data_files.FilterError as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    base_url = request.build_absolute_uri("/").removesuffix("/")
    chunks = data_files.WRITERS[extension](table, filters, base_url=base_url)
    response = HttpResponse("".join(chunks).encode(), content_type=data_files.EXTENSIONS[extension])
    return attachment(response, data_files.file_name(table, extension, filters))


@public_page
def open_data_package(request):
    homepage = request.build_absolute_uri(reverse("open_data"))
    response = HttpResponse(data_files.datapackage_json(homepage=homepage), content_type="application/json")
    return attachment(response, "datapackage.json")


@public_page
def open_data_zip(request):
    homepage = request.build_absolute_uri(reverse("open_data"))
    base_url = request.build_absolute_uri("/").removesuffix("/")
    response = HttpResponse(
        b"".join(data_files.zip_chunks(base_url=base_url, homepage=homepage)), content_type="application/zip"
    )
    return attachment(response, data_files.ZIP_NAME)


@public_page
def dashboard(request):
    """The regional stocktake, from each country's latest published report; the filters are in the address."""
    cycles = list(ReportingCycle.objects.started())
    form = StocktakeFilterForm(request.GET or None, cycles=cycles)
    cycle, subregion = form.chosen()
    return render(
        request,
        "portal/dashboard.html",
        {
            "form": form,
            "cycle": cycle,
            "subregion": subregion,
            **stocktake.status_matrix(cycle=cycle, subregion=subregion),
            **stocktake.reporting_coverage([cycle] if cycle else cycles, subregion=subregion),
            **stocktake.regional_coverage(cycle=cycle, subregion=subregion, group=request.GET.get("group", "")),
            "peer_learning": stocktake.peer_learning(cycle=cycle),
        },
    )


# The worked examples of "About the data": (baseline, latest value, its year, 2025 target, 2030 target).
WORKED_EXAMPLE = (40, 47, 2023, 60, 80)
ZERO_BASELINE_EXAMPLE = (0, 6, 2024, 20, 40)


def worked_example(baseline, latest, latest_year, target_2025, target_2030):
    """The example's progress toward each target, computed by the code that computes every status shown.

    Growth rates are given as percentages; for a zero baseline, the change a year in percentage points.
    """
    targets = []
    for year, target in ((2025, target_2025), (2030, target_2030)):
        progress = progress_toward(
            baseline=baseline, latest=latest, latest_year=latest_year, target=target, target_year=year
        )
        scale = 100 if progress.method == "growth-rate" else 1
        targets.append(
            {
                "year": year,
                "target": target,
                "years_needed": year - BASELINE_YEAR,
                "progress": progress,
                "observed": progress.observed * scale,
                "needed": progress.needed * scale,
            }
        )
    return {
        "baseline": baseline,
        "latest": latest,
        "latest_year": latest_year,
        "years_observed": latest_year - BASELINE_YEAR,
        "targets": targets,
    }


@public_page
def about_the_data(request):
    return render(
        request,
        "portal/about_the_data.html",
        {
            "example": worked_example(*WORKED_EXAMPLE),
            "zero_example": worked_example(*ZERO_BASELINE_EXAMPLE),
            "progress_statuses": list(ProgressStatus),
            "matrix_legend": stocktake.status_matrix_legend(),
            "not_stated_symbol": stocktake.NOT_STATED_SYMBOL,
        },
    )


@login_required
def account_settings(request):
    form = AccountSettingsForm(request.POST if request.method == "POST" else None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        if "name" in form.changed_data:
            content_changed()  # a focal point listed by name shows on their country's page
        messages.success(request, _("Your settings were saved."))
        return redirect("workspace")
    return render(request, "portal/account_settings.html", {"form": form})


@login_required
def email_change_refused(request):
    messages.info(
        request,
        _(
            "Your sign-in email is the work address you were invited with. "
            "To change it, ask the ESCAP secretariat: they update it for you."
        ),
    )
    return redirect("workspace")


@login_required
def workspace(request):
    """Where a person lands after signing in: their country and team, or staff's queues."""
    user = request.user
    membership = network.acting_membership(user)
    context = {
        "membership": membership,
        "is_network_manager": network.can_manage_network(user),
        "can_invite": network.can_invite(user),
        "has_two_factor": is_mfa_enabled(user, types=[Authenticator.Type.TOTP]),
        "can_review_reports": reporting.can_review(user),
        **reports.workspace_reports(user),
    }
    if membership is not None:
        context.update(stocktake.country_matches(membership.country))
        context["team"] = (
            FocalPoint.objects.active()
            .for_country(membership.country)
            .select_related("user")
            .order_by("-is_lead", "user__name")
        )
        if network.is_lead_of(user, membership.country):
            context["manages_country_invitations"] = True
            context["country_invitations"] = network.invitations_manageable_by(user).open().select_related("invited_by")
    if practices.can_propose(user):
        context["can_propose_practices"] = True
        context["practices"] = list(
            practices.practices_in_workspace_of(user).select_related("revision_of").order_by("-updated_at", "-pk")[:10]
        )
        context["practices_country"] = membership.country if membership is not None else None
        context["practices_to_change"] = (
            practices.practices_in_workspace_of(user).filter(state=PracticeState.CHANGES_REQUESTED).count()
        )
    if practices.can_moderate(user):
        context["practices_awaiting_review"] = practices.awaiting_moderation_by(user).count()
    if context["is_network_manager"]:
        context["open_invitations"] = (
            Invitation.objects.open().select_related("country", "invited_by").order_by("expires_at")[:50]
        )
    return render(request, "portal/workspace.html", context)


@login_required
def review(request):
    """ESCAP staff's queues: submitted progress reports and good practices (oldest first), and the reporting cycles."""
    user = request.user
    can_review_reports = reporting.can_review(user)
    can_moderate_practices = practices.can_moderate(user)
    if not (can_review_reports or can_moderate_practices):
        raise PermissionDenied(_("The review queues are for ESCAP staff."))
    context = {"can_review_reports": can_review_reports, "can_moderate_practices": can_moderate_practices}
    if can_review_reports:
        context.update(reports.review_queue())
    if can_moderate_practices:
        context["practice_queue"] = list(
            practices.awaiting_moderation_by(user).select_related("country", "created_by", "revision_of")
        )
    return render(request, "portal/review.html", context)
