"""What the authors and the secretariat are told when a practice moves."""

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.translation import gettext_lazy

from spot.emails import absolute_url, send

SUBJECTS = {
    "submit": gettext_lazy("Your good practice “%(title)s” was submitted for review"),
    "publish": gettext_lazy("Your good practice “%(title)s” is published"),
    "request_changes": gettext_lazy("Changes requested to your good practice “%(title)s”"),
    "reject": gettext_lazy("Your good practice “%(title)s” was not accepted"),
    "archive": gettext_lazy("Your good practice “%(title)s” was archived"),
    "republish": gettext_lazy("Your good practice “%(title)s” is published again"),
}
UPDATE_SUBJECTS = {
    "submit": gettext_lazy("Your update to “%(title)s” was submitted for review"),
    "publish": gettext_lazy("Your update to “%(title)s” is published"),
    "request_changes": gettext_lazy("Changes requested to your update to “%(title)s”"),
    "reject": gettext_lazy("Your update to “%(title)s” was not accepted"),
}


def authors(practice):
    """Who wrote the practice (or revision): the person who started it and everyone who submitted it."""
    people = [practice.created_by] + [step.actor for step in practice.steps.filter(action="submit")]
    seen, addresses = set(), []
    for person in people:
        if person is not None and person.is_active and person.email not in seen:
            seen.add(person.email)
            addresses.append(person.email)
    return addresses


def moderators():
    """Active ESCAP staff who may moderate practices."""
    staff = (
        get_user_model()
        .objects.with_perm("good_practices.moderate_practice", backend="django.contrib.auth.backends.ModelBackend")
        .filter(is_staff=True)
    )
    return list(staff.values_list("email", flat=True))


def send_step(step):
    """Tell the authors what the secretariat decided (or confirm their submission, and tell the secretariat)."""
    practice = step.practice
    if step.action == "withdraw":
        return
    subjects = UPDATE_SUBJECTS if practice.is_revision else SUBJECTS
    context = {
        "practice": practice,
        "step": step,
        "public_url": absolute_url(practice.get_absolute_url()),
        "workspace_url": absolute_url(practice.get_workspace_url()),
        "list_url": absolute_url(reverse("practice_list")),
    }
    send(
        to=authors(practice),
        subject=subjects[step.action],
        subject_params={"title": practice.title},
        template=f"good_practices/email/{step.action}.txt",
        context=context,
    )
    if step.action == "submit":
        send(
            to=moderators(),
            subject=gettext_lazy("A good practice from %(country)s awaits review: “%(title)s”"),
            subject_params={"country": practice.country, "title": practice.title},
            template="good_practices/email/awaiting_review.txt",
            context={**context, "review_url": absolute_url(practice.get_review_url())},
        )
