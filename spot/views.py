from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render

from focal_points.models import FocalPoint, Invitation, active_membership, can_manage_network
from measures.models import Measure
from spot.models import Country


def home(request):
    return render(
        request,
        "spot/home.html",
        {
            "measures": Measure.objects.all(),
            "subregions": Country.objects.by_subregion(),
        },
    )


def about(request):
    return render(request, "spot/about.html")


def country_list(request):
    subregions = Country.objects.by_subregion()
    countries = [country for _, members in subregions for country in members]
    associate_count = sum(1 for country in countries if country.is_associate)
    return render(
        request,
        "spot/country_list.html",
        {
            "subregions": subregions,
            "member_count": len(countries) - associate_count,
            "associate_count": associate_count,
        },
    )


def country_detail(request, iso3):
    country = get_object_or_404(Country, iso3=iso3.upper())
    focal_points = list(
        FocalPoint.objects.active().for_country(country).select_related("user").order_by("agency", "user__name")
    )
    agencies = sorted({focal_point.agency for focal_point in focal_points})
    return render(
        request,
        "spot/country_detail.html",
        {
            "country": country,
            "agencies": agencies,
            "listed_focal_points": [fp for fp in focal_points if fp.listed_publicly],
            "has_sample_focal_points": any(fp.is_sample for fp in focal_points),
        },
    )


@login_required
def email_change_refused(request):
    messages.info(
        request,
        "Your sign-in email is the work address you were invited with. "
        "To change it, ask the ESCAP secretariat: they update it for you.",
    )
    return redirect("workspace")


@login_required
def workspace(request):
    """Where a person lands after signing in: their country and team, or staff's queues."""
    user = request.user
    membership = active_membership(user)
    context = {
        "membership": membership,
        "is_network_manager": can_manage_network(user),
        "has_two_factor": is_mfa_enabled(user, types=[Authenticator.Type.TOTP]),
    }
    if membership is not None:
        context["team"] = (
            FocalPoint.objects.active()
            .for_country(membership.country)
            .select_related("user")
            .order_by("-is_lead", "user__name")
        )
        if membership.is_lead:
            context["country_invitations"] = Invitation.objects.manageable_by(user).open().select_related("invited_by")
    if context["is_network_manager"]:
        context["open_invitations"] = (
            Invitation.objects.open().select_related("country", "invited_by").order_by("expires_at")[:50]
        )
    return render(request, "spot/workspace.html", context)
