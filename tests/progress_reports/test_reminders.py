"""Deadline reminders: 14 and 3 days before, once each, to the countries that have not submitted."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command

from progress_reports import services
from progress_reports.models import DeadlineReminder
from tests.conftest import emails_sent
from tests.progress_reports.conftest import make_cycle, start, submitted

pytestmark = pytest.mark.django_db


def run(today=None):
    with emails_sent():
        return services.send_deadline_reminders(today=today)


@pytest.fixture
def due_in_14_days(db):
    return make_cycle("2026", deadline_in_days=14)


def test_it_reminds_focal_points_of_countries_without_a_submitted_report(
    due_in_14_days, focal_point, colleague, other_focal_point
):
    submitted(start(other_focal_point, due_in_14_days), other_focal_point)
    mail.outbox.clear()
    assert run() == 1
    assert sorted(mail.outbox[0].to) == sorted([focal_point.email, colleague.email])
    assert "14 days left to submit the progress report of Thailand" in mail.outbox[0].subject
    assert "Nobody has started it yet" in mail.outbox[0].body
    assert "/my/" in mail.outbox[0].body


def test_it_sends_each_reminder_once_however_often_it_runs(due_in_14_days, focal_point):
    assert run() == 1
    assert run() == 0
    call_command("send_deadline_reminders", stdout=None)
    assert len(mail.outbox) == 1
    assert DeadlineReminder.objects.get().days_before == 14


def test_it_sends_the_3_day_reminder_later_with_a_link_to_the_draft(due_in_14_days, focal_point):
    run()
    draft = start(focal_point, due_in_14_days)
    assert run(today=due_in_14_days.deadline - datetime.timedelta(days=3)) == 1
    assert "3 days left" in mail.outbox[-1].subject
    assert f"/my/reports/{draft.pk}/" in mail.outbox[-1].body
    assert run(today=due_in_14_days.deadline - datetime.timedelta(days=2)) == 0


@pytest.mark.parametrize(
    "days_left, expected", [(30, None), (15, None), (14, 14), (10, 14), (4, 14), (3, 3), (0, 3), (-1, None)]
)
def test_it_knows_which_reminder_is_due(days_left, expected):
    assert services.reminder_due(days_left) == expected


def test_closed_cycles_send_no_reminder(focal_point):
    make_cycle("2026", deadline_in_days=3, closed=True)
    assert run() == 0
    assert mail.outbox == []
