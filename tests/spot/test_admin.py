"""The admin: every model registered with useful columns; reference data and the audit log read-only."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group

from focal_points.models import FocalPoint, NetworkAction
from spot.audit import AccountAction
from spot.models import AuditEvent, User

pytestmark = pytest.mark.django_db

CHANGELISTS = [
    "/admin/spot/user/",
    "/admin/spot/country/",
    "/admin/spot/auditevent/",
    "/admin/measures/measure/",
    "/admin/measures/coveragecategory/",
    "/admin/focal_points/focalpoint/",
    "/admin/focal_points/invitation/",
]


def test_it_registers_every_model_of_the_portal():
    registered = {model._meta.label for model in admin.site._registry}
    for label in [
        "spot.User",
        "spot.Country",
        "spot.AuditEvent",
        "measures.Measure",
        "measures.CoverageCategory",
        "focal_points.FocalPoint",
        "focal_points.Invitation",
    ]:
        assert label in registered


@pytest.mark.parametrize("path", CHANGELISTS)
def test_it_renders_each_changelist_for_staff(superuser_client, path, focal_point):
    response = superuser_client.get(path)
    assert response.status_code == 200
    assert 'id="searchbar"' in response.content.decode()


def test_it_shows_countries_but_does_not_let_anyone_change_them(superuser_client):
    content = superuser_client.get("/admin/spot/country/").content.decode()
    assert "Thailand" in content
    assert "Add country" not in content
    assert superuser_client.post("/admin/spot/country/1/delete/", {"post": "yes"}).status_code == 403


def test_it_never_lets_the_audit_log_be_edited(superuser_client, focal_point):
    event = AuditEvent.objects.create(action=AccountAction.SIGNED_IN, actor=focal_point)
    response = superuser_client.post(f"/admin/spot/auditevent/{event.pk}/change/", {"detail": "rewritten"})
    assert response.status_code == 403
    assert superuser_client.post(f"/admin/spot/auditevent/{event.pk}/delete/", {"post": "yes"}).status_code == 403
    event.refresh_from_db()
    assert event.detail == ""


def test_it_records_role_changes_made_in_the_admin(superuser_client, staff, colleague):
    response = superuser_client.post(
        f"/admin/spot/user/{colleague.pk}/change/",
        {
            "email": colleague.email,
            "name": colleague.name,
            "is_active": "on",
            "is_staff": "on",
            "groups": [Group.objects.get(name="ESCAP staff").pk],
            "last_login_0": "",
            "last_login_1": "",
            "date_joined_0": "2026-01-01",
            "date_joined_1": "00:00:00",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert User.objects.get(pk=colleague.pk).is_staff
    event = AuditEvent.objects.get(action=AccountAction.ROLE_CHANGED)
    assert event.actor == staff and event.email == colleague.email
    assert "is_staff" in event.detail and "groups=ESCAP staff" in event.detail


def test_it_records_membership_changes_made_in_the_admin(superuser_client, colleague):
    membership = FocalPoint.objects.get(user=colleague)
    response = superuser_client.post(
        f"/admin/focal_points/focalpoint/{membership.pk}/change/",
        {
            "user": colleague.pk,
            "country": membership.country_id,
            "agency": membership.agency,
            "position": "",
            "is_lead": "on",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    event = AuditEvent.objects.get(action=NetworkAction.MEMBERSHIP_CHANGED)
    assert "is_lead" in event.detail


def test_it_deactivates_and_reactivates_memberships_from_the_admin_with_a_record(superuser_client, staff, colleague):
    membership = FocalPoint.objects.get(user=colleague)
    changelist = "/admin/focal_points/focalpoint/"
    superuser_client.post(changelist, {"action": "deactivate", "_selected_action": [membership.pk]})
    membership.refresh_from_db()
    assert (membership.is_active, membership.deactivated_by) == (False, staff)
    response = superuser_client.post(
        changelist, {"action": "reactivate", "_selected_action": [membership.pk]}, follow=True
    )
    assert "1 membership reactivated." in response.content.decode()
    membership.refresh_from_db()
    assert membership.is_active and membership.deactivated_at is None
    assert list(
        AuditEvent.objects.filter(email=colleague.email).order_by("created_at").values_list("action", flat=True)
    ) == [NetworkAction.MEMBERSHIP_DEACTIVATED, NetworkAction.MEMBERSHIP_CHANGED]


def test_it_explains_a_second_active_membership_next_to_the_form(superuser_client, colleague, fiji):
    response = superuser_client.post(
        "/admin/focal_points/focalpoint/add/",
        {"user": colleague.pk, "country": fiji.pk, "agency": "Ministry", "position": ""},
    )
    assert response.status_code == 200
    assert "This person already acts for a country" in response.content.decode()
    assert FocalPoint.objects.filter(user=colleague).count() == 1
