"""Sending the portal's plain-text emails.

Every app's `emails.py` goes through `send`: the subject is kept to one line
(a name typed with a line break must never break a message header), the
signature carries the portal's address, and links are built from SITE_URL,
never from the Host header of a request.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string


def one_line(text):
    return " ".join(str(text).split())


def absolute_url(path):
    """An address on the portal for an email: SITE_URL plus the path."""
    return settings.SITE_URL + path


def send(*, to, subject, template, context=None):
    recipients = [address for address in to if address]
    if not recipients:
        return 0
    context = {**(context or {}), "site_url": settings.SITE_URL, "secretariat_email": settings.SECRETARIAT_EMAIL}
    return send_mail(
        subject=one_line(f"{settings.EMAIL_SUBJECT_PREFIX}{subject}"),
        message=render_to_string(template, context),
        from_email=None,
        recipient_list=recipients,
    )
