from allauth.core.ratelimit import consume
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from focal_points import permissions, services
from focal_points.filters import DirectoryFilter
from focal_points.forms import AcceptInvitationForm, InvitationForm, MembershipSettingsForm
from focal_points.models import FocalPoint, Invitation
from spot.audit import client_ip
from spot.models import subregion_order


@login_required
def directory(request):
    if not permissions.can_read_network(request.user):
        raise PermissionDenied(_("The network directory is open to focal points and ESCAP staff."))
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
        {"filter": filterset, "page": page, "can_manage": permissions.can_manage_network(request.user)},
    )


@login_required
def invite(request):
    if not permissions.can_invite(request.user):
        raise PermissionDenied(_("Only ESCAP staff and lead focal points can invite."))
    fixed_country = permissions.invitable_country(request.user)
    form = InvitationForm(
        request.POST if request.method == "POST" else None, inviter=request.user, fixed_country=fixed_country
    )
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if not permissions.can_invite_to(request.user, data["country"]):
            raise PermissionDenied(_("You can invite colleagues to your own country only."))
        if consume(request, action="invite", user=request.user):
            invitation, replaced = services.invite_focal_point(
                actor=request.user,
                ip=client_ip(request),
                email=data["email"],
                name=data["name"],
                country=data["country"],
                agency=data["agency"],
                position=data["position"],
                is_lead=data["is_lead"],
                language=data["language"],
            )
            text = _("Invitation sent to %(email)s for %(country)s. The link is valid until %(date)s.") % {
                "email": invitation.email,
                "country": invitation.country.display_name,
                "date": date_format(timezone.localtime(invitation.expires_at), "DATE_FORMAT"),
            }
            if replaced:
                text += " " + _("The earlier invitation to this address no longer works.")
            messages.success(request, text)
            return redirect("workspace")
        form.add_error(
            None,
            _(
                "You have sent many invitations in a short time, so this one was not sent. "
                "Wait a few minutes, then send it again: what you typed is kept below."
            ),
        )
        status = 429
    return render(
        request,
        "focal_points/invite.html",
        {"form": form, "fixed_country": fixed_country, "valid_days": settings.INVITATION_VALID_DAYS},
        status=status,
    )


@require_POST
@login_required
def revoke_invitation(request, pk):
    invitation = get_object_or_404(permissions.invitations_manageable_by(request.user).select_related("country"), pk=pk)
    if services.revoke_invitation(invitation=invitation, actor=request.user, ip=client_ip(request)):
        messages.success(
            request,
            _("The invitation to %(email)s was revoked; its link no longer works.") % {"email": invitation.email},
        )
    else:
        messages.info(
            request,
            _("The invitation to %(email)s was already %(status)s.")
            % {"email": invitation.email, "status": invitation.get_status_display().lower()},
        )
    return redirect("workspace")


@login_required
def deactivate_membership(request, pk):
    membership = get_object_or_404(
        permissions.memberships_manageable_by(request.user).select_related("user", "country"), pk=pk
    )
    if request.method == "POST":
        if services.deactivate_membership(membership=membership, actor=request.user, ip=client_ip(request)):
            messages.success(
                request,
                _(
                    "%(person)s can no longer act for %(country)s. Their account and history are kept, "
                    "and the invitations they sent that were not yet accepted no longer work."
                )
                % {"person": membership.user, "country": membership.country.display_name},
            )
        else:
            messages.info(request, _("%(person)s's membership was already inactive.") % {"person": membership.user})
        return redirect("network")
    return render(request, "focal_points/deactivate.html", {"membership": membership})


@login_required
def membership_settings(request):
    membership = permissions.acting_membership(request.user)
    if membership is None:
        raise PermissionDenied(_("You are not a member of a focal-point team."))
    form = MembershipSettingsForm(request.POST if request.method == "POST" else None, instance=membership)
    if request.method == "POST" and form.is_valid():
        services.change_membership(
            membership=membership,
            actor=request.user,
            ip=client_ip(request),
            changes={field: form.cleaned_data[field] for field in form.changed_data},
        )
        messages.success(request, _("Your membership settings were saved."))
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
        messages.info(request, _("You are already signed in. Sign out first to accept an invitation for someone else."))
        return redirect("workspace")

    form = AcceptInvitationForm(
        request.POST if request.method == "POST" else None, invitation=invitation, initial={"name": invitation.name}
    )
    if request.method == "POST" and form.is_valid():
        try:
            user = services.accept_invitation(
                invitation=invitation,
                ip=client_ip(request),
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
        messages.success(
            request,
            _("Welcome to SPOT. You are now a focal point of %(country)s.")
            % {"country": invitation.country.display_name},
        )
        return redirect("workspace")
    return render(request, "focal_points/accept.html", {"form": form, "invitation": invitation})
