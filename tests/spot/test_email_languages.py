"""Emails go out in each recipient's language, with links to the pages in that language."""

import pytest
from django.core import mail
from django.utils.translation import gettext_lazy

from focal_points.models import Invitation
from spot.emails import send
from spot.models import User
from tests.conftest import emails_sent, invite, make_user

pytestmark = pytest.mark.django_db


def test_it_writes_to_each_person_in_their_language_with_links_in_it(thailand):
    make_user("fr@m.go.th", "Amélie", language="fr")
    make_user("ru@m.go.th", "Ирина", language="ru")
    make_user("en@m.go.th", "Ann")
    sent = send(
        to=["fr@m.go.th", "RU@m.go.th", "en@m.go.th"],
        subject=gettext_lazy("Invitation to join the focal-point team of %(country)s"),
        subject_params={"country": thailand},
        template="focal_points/email/invitation_accepted.txt",
        context={
            "invitation": Invitation(email="x@m.go.th", country=thailand, agency="Ministry"),
            "workspace_url": "http://127.0.0.1:8000/my/",
        },
    )
    assert sent == 3
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert "Thaïlande" in by_recipient["fr@m.go.th"].subject
    assert "http://127.0.0.1:8000/fr/my/" in by_recipient["fr@m.go.th"].body
    assert "Таиланд" in by_recipient["RU@m.go.th"].subject
    assert "http://127.0.0.1:8000/ru/my/" in by_recipient["RU@m.go.th"].body
    assert "Thailand" in by_recipient["en@m.go.th"].subject
    assert "http://127.0.0.1:8000/my/" in by_recipient["en@m.go.th"].body


def test_it_writes_an_invitation_in_the_language_chosen_and_keeps_it_for_the_new_account(client, staff, thailand):
    _, link = invite(staff, thailand, "nouveau@m.go.th", language="fr")
    message = mail.outbox[-1]
    assert "Thaïlande" in message.subject
    assert "http://127.0.0.1:8000/fr/invitations/" in message.body
    password = "a-good-new-password-31"
    client.post(link, {"name": "Nouveau", "password1": password, "password2": password})
    assert User.objects.get(email="nouveau@m.go.th").language == "fr"


def test_it_sends_the_invitation_in_the_language_of_the_page_it_was_sent_from(staff_client, fiji):
    with emails_sent():
        staff_client.post(
            "/ru/network/invite/", {"email": "new@gov.fj", "country": fiji.pk, "agency": "Ministry of Welfare"}
        )
    assert Invitation.objects.get().language == "ru"
    assert "Фиджи" in mail.outbox[-1].subject


def test_it_writes_password_reset_emails_in_the_account_s_language(client, focal_point):
    focal_point.language = "ru"
    focal_point.save()
    client.post("/accounts/password/reset/", {"email": focal_point.email})
    assert "/ru/accounts/password/reset/key/" in mail.outbox[0].body


def test_it_lets_a_person_choose_the_language_of_their_emails(focal_point_client, focal_point):
    response = focal_point_client.post("/my/account/", {"name": "Niran Lead", "language": "zh-hans"}, follow=True)
    assert "Your settings were saved." in response.content.decode()
    focal_point.refresh_from_db()
    assert focal_point.language == "zh-hans"


def test_it_refuses_an_unknown_language_next_to_the_field(focal_point_client, focal_point):
    response = focal_point_client.post("/my/account/", {"name": "Niran Lead", "language": "xx"})
    assert 'id="id_language_error"' in response.content.decode()
    focal_point.refresh_from_db()
    assert focal_point.language == "en"
