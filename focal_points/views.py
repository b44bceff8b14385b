from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from focal_points import services
from focal_points.filters import DirectoryFilter
from focal_points.forms import AcceptInvitationForm, InvitationForm, MembershipSettingsForm
from focal_points.models import (
    FocalPoint,
    Invitation,
    active_membership,
    can_invite_to,
    can_manage_network,
    can_read_network,
)
from spot.models import subregion_order


@login_required
def directory(request):
    if not can_read_network(request.user):
        raise PermissionDenied("The network directory is open to focal points and ESCAP staff.")
    members = (
        FocalPoint.objects.active()
        .select_related("user", "country")
        .order_by(subregion_order("country__subregion"), "country__name", "-is_lead", "user__name")
    )
    filterset = DirectoryFilter(request.GET or None, queryset=members)
    page = Paginator(filterset.qs, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "focal_points/directory.html",
        {"filter": filterset, "page": page, "can_manage": can_manage_network(request.user)},
    )


@login_required
def invite(request):
    membership = active_membership(request.user)
    if can_manage_network(request.user):
        fixed_country = None
    elif membership is not None and membership.is_lead:
        fixed_country = membership.country
    else:
        raise PermissionDenied("Only ESCAP staff and lead focal points can invite.")

    form = InvitationForm(request.POST or None, inviter=request.user, fixed_country=fixed_country)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if not can_invite_to(request.user, data["country"]):
            raise PermissionDenied("You can invite colleagues to your own country only.")
        invitation, replaced = services.invite_focal_point(
            request=request,
            invited_by=request.user,
            email=data["email"],
            name=data["name"],
            country=data["country"],
            agency=data["agency"],
            position=data["position"],
            is_lead=data["is_lead"],
        )
        text = (
            f"Invitation sent to {invitation.email} for {invitation.country.name}. "
            f"The link is valid until {invitation.expires_at:%d %B %Y}."
        )
        if replaced:
            text += " The earlier invitation to this address no longer works."
        messages.success(request, text)
        return redirect("workspace")
    return render(
        request,
        "focal_points/invite.html",
        {"form": form, "fixed_country": fixed_country, "valid_days": settings.INVITATION_VALID_DAYS},
    )


@require_POST
@login_required
def revoke_invitation(request, pk):
    invitation = get_object_or_404(Invitation.objects.manageable_by(request.user).select_related("country"), pk=pk)
    if services.revoke_invitation(request=request, invitation=invitation, by=request.user):
        messages.success(request, f"The invitation to {invitation.email} was revoked; its link no longer works.")
    else:
        messages.info(
            request, f"The invitation to {invitation.email} was already {invitation.get_status_display().lower()}."
        )
    return redirect("workspace")


@login_required
def deactivate_membership(request, pk):
    membership = get_object_or_404(
        FocalPoint.objects.manageable_by(request.user).select_related("user", "country"), pk=pk
    )
    if request.method == "POST":
        if services.deactivate_membership(request=request, membership=membership, by=request.user):
            messages.success(
                request,
                f"{membership.user} can no longer act for {membership.country.name}. "
                "Their account and history are kept.",
            )
        else:
            messages.info(request, f"{membership.user}'s membership was already inactive.")
        return redirect("network")
    return render(request, "focal_points/deactivate.html", {"membership": membership})


@login_required
def membership_settings(request):
    membership = active_membership(request.user)
    if membership is None:
        raise PermissionDenied("You are not a member of a focal-point team.")
    form = MembershipSettingsForm(request.POST or None, instance=membership)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your membership settings were saved.")
        return redirect("workspace")
    return render(request, "focal_points/membership_settings.html", {"form": form, "membership": membership})


def accept_invitation(request, token):
    invitation = services.find_invitation(token)
    if invitation is None:
        return render(request, "focal_points/invitation_unusable.html", {"status": "unknown"}, status=404)
    if invitation.status != Invitation.Status.PENDING:
        return render(
            request,
            "focal_points/invitation_unusable.html",
            {"status": invitation.status, "invitation": invitation},
            status=410,
        )
    if request.user.is_authenticated:
        messages.info(request, "You are already signed in. Sign out first to accept an invitation for someone else.")
        return redirect("workspace")

    form = AcceptInvitationForm(request.POST or None, invitation=invitation, initial={"name": invitation.name})
    if request.method == "POST" and form.is_valid():
        try:
            user = services.accept_invitation(
                request=request,
                invitation=invitation,
                name=form.cleaned_data["name"],
                password=form.cleaned_data["password1"],
                listed_publicly=form.cleaned_data["listed_publicly"],
            )
        except services.InvitationUnusable as refusal:
            return render(
                request,
                "focal_points/invitation_unusable.html",
                {"status": refusal.status, "invitation": invitation},
                status=410,
            )
        login(request, user, backend="allauth.account.auth_backends.AuthenticationBackend")
        messages.success(request, f"Welcome to SPOT. You are now a focal point of {invitation.country.name}.")
        return redirect("workspace")
    return render(request, "focal_points/accept.html", {"form": form, "invitation": invitation})
