"""The audit log points at any object, with actions owned by the apps that perform them."""

import pytest
from django.db import models

from focal_points.models import FocalPoint, NetworkAction
from spot.audit import ACTIONS, AccountAction, action_label, record, register_actions
from spot.models import AuditEvent
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


class PracticeTestAction(models.TextChoices):
    """What an app would declare in its own models module; nothing in spot changes."""

    SHARED = "practice-shared-in-test", "Practice shared (test)"


def test_it_records_an_action_an_app_registers_without_a_spot_migration(focal_point, thailand):
    register_actions(PracticeTestAction)
    try:
        membership = FocalPoint.objects.get(user=focal_point)
        event = record(PracticeTestAction.SHARED, actor=focal_point, ip="198.51.100.7", target=membership)
        event = AuditEvent.objects.get(pk=event.pk)
        assert (event.action, event.target, event.country, event.ip_address) == (
            "practice-shared-in-test",
            membership,
            thailand,
            "198.51.100.7",
        )
        assert event.action_label == "Practice shared (test)"
    finally:
        ACTIONS.pop(PracticeTestAction.SHARED.value)


def test_it_keeps_the_action_column_free_of_choices_so_new_actions_need_no_migration():
    field = AuditEvent._meta.get_field("action")
    assert not field.choices
    assert {"auditevent_action_slug"} == {constraint.name for constraint in AuditEvent._meta.constraints}


def test_it_refuses_an_action_no_app_registered(focal_point):
    with pytest.raises(ValueError, match="not a registered audit action"):
        record("made-up-action", actor=focal_point)
    assert not AuditEvent.objects.exists()


def test_it_labels_every_app_s_actions():
    assert action_label(AccountAction.SIGNED_IN) == "Signed in"
    assert action_label(NetworkAction.INVITATION_SENT) == "Invitation sent"


def test_it_records_a_person_changing_their_own_listing_consent_like_staff_would(colleague_client, colleague):
    colleague_client.post("/my/membership/", {"position": "Analyst", "listed_publicly": "on"}, REMOTE_ADDR="192.0.2.4")
    event = AuditEvent.objects.get(action=NetworkAction.MEMBERSHIP_CHANGED)
    membership = FocalPoint.objects.get(user=colleague)
    assert (event.actor, event.target, event.ip_address) == (colleague, membership, "192.0.2.4")
    assert "listed_publicly=True" in event.detail and "position=Analyst" in event.detail


def test_it_shows_the_audit_log_with_labels_in_the_admin(superuser_client, focal_point):
    record(AccountAction.PASSWORD_CHANGED, actor=focal_point)
    content = superuser_client.get("/admin/spot/auditevent/?action=password-changed").content.decode()
    assert "Password changed" in content and focal_point.email in content
    assert PASSWORD not in content
