"""Sending the portal's plain-text emails, each in its recipient's language.

Every app's `emails.py` goes through `send`:
- the recipients are grouped by the language on their account (`User.language`); people without an
  account (an invitee) get `language`, or the language of the page that sent the email;
- the subject is a lazy translation (`gettext_lazy`) with `subject_params`, and the body a template,
  both rendered in each group's language; addresses on the portal in the context are given in it too;
- the subject is kept to one line (a name typed with a line break must never break a message header),
  the signature carries the portal's address, and links are built from SITE_URL, never from the Host
  header of a request.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import translate_url
from django.utils import translation


def one_line(text):
    return " ".join(str(text).split())


def absolute_url(path):
    """An address on the portal for an email: SITE_URL plus the path."""
    return settings.SITE_URL + path


def in_language(value, language):
    """An address on the portal (SITE_URL + path) in `language`; anything else as it is."""
    if isinstance(value, str) and value.startswith(settings.SITE_URL + "/"):
        path = value[len(settings.SITE_URL) :]
        # The address is read in its own language (its prefix, or none for English), then given in `language`.
        with translation.override(translation.get_language_from_path(path) or settings.LANGUAGE_CODE):
            return absolute_url(translate_url(path, language))
    return value


def languages_of(addresses, default):
    """{address: language} from the accounts of the addresses; `default` for those without one."""
    lowered = [address.lower() for address in addresses]
    known = dict(get_user_model().objects.filter(email__in=lowered).values_list("email", "language"))
    return {address: known.get(address.lower(), default) for address in addresses}


def send(*, to, subject, template, context=None, subject_params=None, language=None):
    """Send `template` to the addresses in `to`, one message per language. Returns how many were sent."""
    addresses = list(dict.fromkeys(address for address in to if address))
    if not addresses:
        return 0
    default = language or translation.get_language() or settings.LANGUAGE_CODE
    groups = {}
    for address, recipient_language in languages_of(addresses, default).items():
        groups.setdefault(recipient_language, []).append(address)
    context = {**(context or {}), "site_url": settings.SITE_URL, "secretariat_email": settings.SECRETARIAT_EMAIL}
    sent = 0
    for recipient_language, recipients in groups.items():
        with translation.override(recipient_language):
            if subject_params:
                # Objects (a country) give their name in this language; numbers stay numbers for plurals.
                text = subject % {
                    name: value if isinstance(value, int) else str(value) for name, value in subject_params.items()
                }
            else:
                text = str(subject)
            sent += send_mail(
                subject=one_line(f"{settings.EMAIL_SUBJECT_PREFIX}{text}"),
                message=render_to_string(
                    template, {name: in_language(value, recipient_language) for name, value in context.items()}
                ),
                from_email=None,
                recipient_list=recipients,
            )
    return sent
