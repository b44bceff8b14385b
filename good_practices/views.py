from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q, prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from focal_points.permissions import can_read_network
from good_practices import permissions, services
from good_practices.filters import ModerationFilter
from good_practices.forms import ModerationForm, PracticeForm, source_formset
from good_practices.models import CONTENT_FIELDS, OPEN_REVISION_STATES, GoodPractice, ModerationStep, State
from good_practices.search import PracticeSearch, related_practices
from spot.audit import client_ip
from spot.page_cache import public_page

# Public pages.


@public_page
def practice_list(request):
    search = PracticeSearch(request.GET)
    page = search.page(request.GET.get("page"))
    return render(
        request,
        "good_practices/practice_list.html",
        {
            "search": search,
            "form": search.filterset.form,
            "page": page,
            "facet_list": search.facet_list(),
            "active_filters": search.active_filters(),
            "suggestions": search.suggestions(),
            "sort_newest_url": search.url_with(sort="newest"),
            "sort_relevance_url": search.url_with(sort=None),
            "has_sample": any(practice.is_sample for practice in page.object_list),
        },
    )


@public_page
def practice_detail(request, slug):
    practice = get_object_or_404(
        GoodPractice.objects.originals()
        .filter(state__in=[State.PUBLISHED, State.ARCHIVED])
        .select_related("country")
        .prefetch_related("measures", "themes"),
        slug=slug,
    )
    if practice.state == State.ARCHIVED:
        return render(request, "good_practices/gone.html", {"practice": practice}, status=410)
    return render(request, "good_practices/practice_detail.html", detail_context(request, practice))


def detail_context(request, practice, *, preview=None):
    """What the public page of a practice shows; a preview shows the same."""
    user = request.user
    country = practice.country
    context = {
        "practice": practice,
        "related": related_practices(practice),
        "preview": preview,
        "can_revise": preview is None and permissions.can_revise(user, practice) and is_of_country(user, practice),
        "can_moderate": preview is None and permissions.can_moderate(user),
    }
    if can_read_network(user):
        context["country_network_url"] = f"{reverse('network')}?country={country.iso3}"
    return context


def is_of_country(user, practice):
    return permissions.practices_editable_by(user).filter(pk=practice.pk).exists()


# Writing practices: the workspace of focal points (and of staff writing for a country).


def editable_practice(user, pk):
    """The practice or revision, if the person may work on it; 404 otherwise (whether or not it exists)."""
    return get_object_or_404(
        permissions.practices_editable_by(user).select_related("country", "revision_of", "created_by"), pk=pk
    )


def require_proposer(user):
    if not permissions.can_propose(user):
        raise PermissionDenied(_("Good practices are proposed by national focal points and ESCAP staff."))


@login_required
def my_practices(request):
    require_proposer(request.user)
    practices = (
        permissions.practices_in_workspace_of(request.user)
        .select_related("country", "revision_of")
        .order_by("-updated_at", "-pk")
    )
    page = Paginator(practices, 25).get_page(request.GET.get("page"))
    return render(request, "good_practices/my_practices.html", {"page": page})


@login_required
def practice_create(request):
    require_proposer(request.user)
    practice = GoodPractice()
    form = PracticeForm(
        request.POST or None, instance=practice, countries=permissions.proposable_countries(request.user)
    )
    sources = source_formset(request.POST or None)
    if request.method == "POST" and form.is_valid() and sources.is_valid():
        practice = form.save(commit=False)
        practice.sources = sources.sources()
        services.create_practice(
            actor=request.user,
            ip=client_ip(request),
            practice=practice,
            measures=form.cleaned_data["measures"],
            themes=form.cleaned_data["themes"],
        )
        return after_save(request, practice)
    return render(request, "good_practices/practice_form.html", {"form": form, "sources": sources, "practice": None})


def after_save(request, practice):
    if "preview" in request.POST:
        return redirect("my_practice_preview", practice.pk)
    messages.success(request, _("Your draft was saved. You can come back to it at any time from your workspace."))
    return redirect("my_practice", practice.pk)


@login_required
def practice_edit(request, pk):
    practice = editable_practice(request.user, pk)
    if not permissions.can_edit(request.user, practice):
        messages.info(request, services.not_editable_message(practice))
        return redirect("my_practice", practice.pk)
    form = PracticeForm(request.POST or None, instance=practice, countries=None, for_revision=practice.is_revision)
    sources = source_formset(request.POST or None, practice=practice)
    conflict = None
    if request.method == "POST" and form.is_valid() and sources.is_valid():
        edited = form.save(commit=False)
        edited.sources = sources.sources()
        try:
            services.save_practice(
                edited,
                actor=request.user,
                ip=client_ip(request),
                measures=form.cleaned_data["measures"],
                themes=form.cleaned_data["themes"],
                expected_version=form.cleaned_data["base_version"],
            )
        except services.StaleVersion as stale:
            conflict = stale.current
            # Saving again now keeps this text over theirs: the person has seen both.
            form.data = form.data.copy()
            form.data["base_version"] = conflict.version
        except services.MoveRefused as refusal:
            messages.error(request, str(refusal))
            return redirect("my_practice", practice.pk)
        else:
            return after_save(request, edited)
    return render(
        request,
        "good_practices/practice_form.html",
        {
            "form": form,
            "sources": sources,
            "practice": practice,
            "conflict": conflict,
            "conflict_fields": conflicting_fields(conflict, form) if conflict else [],
            "feedback": latest_feedback(practice),
        },
    )


def conflicting_fields(current, form):
    """(label, their saved text) for each field where the saved practice differs from what the person typed."""
    differences = []
    for name in CONTENT_FIELDS:
        if name not in form.fields:
            continue
        saved = getattr(current, name)
        typed = form.cleaned_data.get(name)
        if (saved or "") != (typed or ""):
            differences.append((form.fields[name].label, saved))
    saved_measures = {measure.pk for measure in current.measures.all()}
    if saved_measures != {measure.pk for measure in form.cleaned_data.get("measures", [])}:
        differences.append((form.fields["measures"].label, ", ".join(str(m.number) for m in current.measures.all())))
    saved_themes = {theme.pk for theme in current.themes.all()}
    if saved_themes != {theme.pk for theme in form.cleaned_data.get("themes", [])}:
        differences.append((form.fields["themes"].label, ", ".join(str(t) for t in current.themes.all())))
    return differences


def latest_feedback(practice):
    """The secretariat's latest comment when it returned or rejected the practice, shown beside it."""
    step = practice.steps.filter(action__in=["request_changes", "reject"]).select_related("actor").last()
    if step is None or practice.state not in {State.CHANGES_REQUESTED, State.REJECTED}:
        return None
    return step


@login_required
def my_practice(request, pk):
    practice = editable_practice(request.user, pk)
    return render(request, "good_practices/my_practice.html", workspace_context(request, practice))


def workspace_context(request, practice, **extra):
    user = request.user
    steps = practice.steps.select_related("actor")
    return {
        "practice": practice,
        "steps": steps,
        "feedback": latest_feedback(practice),
        "open_revision": None
        if practice.is_revision
        else practice.revisions.filter(state__in=OPEN_REVISION_STATES).first(),
        "can_edit": permissions.can_edit(user, practice),
        "can_submit": permissions.can_submit(user, practice),
        "can_withdraw": permissions.can_withdraw(user, practice),
        "can_delete": permissions.can_delete(user, practice),
        "can_revise": permissions.can_revise(user, practice),
        "can_moderate": permissions.can_moderate(user),
        **extra,
    }


@login_required
def my_practice_preview(request, pk):
    practice = editable_practice(request.user, pk)
    prefetch_related_objects([practice], "measures", "themes")
    preview = {
        "back_url": practice.get_workspace_url(),
        "can_edit": permissions.can_edit(request.user, practice),
        "can_submit": permissions.can_submit(request.user, practice),
    }
    return render(request, "good_practices/practice_detail.html", detail_context(request, practice, preview=preview))


@login_required
@require_POST
def practice_submit(request, pk):
    practice = editable_practice(request.user, pk)
    if not permissions.can_submit(request.user, practice):
        messages.info(request, services.already_handled_message(practice))
        return redirect("my_practice", practice.pk)
    try:
        services.submit(practice, actor=request.user, ip=client_ip(request))
    except services.Incomplete as incomplete:
        missing = [(PracticeForm.base_fields[name].label, f"id_{name}") for name in incomplete.missing]
        return render(
            request,
            "good_practices/my_practice.html",
            workspace_context(request, practice, missing=missing),
            status=400,
        )
    except services.MoveRefused as refusal:
        messages.info(request, str(refusal))
        return redirect("my_practice", practice.pk)
    messages.success(
        request,
        _(
            "Submitted. The ESCAP secretariat will read it and publish it or ask you for changes; "
            "you will receive an email either way."
        ),
    )
    return redirect("my_practice", practice.pk)


@login_required
@require_POST
def practice_withdraw(request, pk):
    practice = editable_practice(request.user, pk)
    try:
        services.withdraw(practice, actor=request.user, ip=client_ip(request))
    except services.MoveRefused as refusal:
        messages.info(request, str(refusal))
    else:
        messages.success(request, _("Withdrawn from review: it is a draft again. Submit it when it is ready."))
    return redirect("my_practice", practice.pk)


@login_required
def practice_delete(request, pk):
    practice = editable_practice(request.user, pk)
    if not permissions.can_delete(request.user, practice):
        messages.info(request, _("Only a draft that was never submitted can be deleted."))
        return redirect("my_practice", practice.pk)
    if request.method == "POST":
        try:
            services.delete_draft(practice, actor=request.user, ip=client_ip(request))
        except services.MoveRefused as refusal:
            messages.info(request, str(refusal))
            return redirect("my_practice", practice.pk)
        messages.success(request, _("The draft “%(title)s” was deleted.") % {"title": practice.title})
        return redirect("my_practices")
    return render(request, "good_practices/confirm_delete.html", {"practice": practice})


@login_required
@require_POST
def practice_revise(request, pk):
    practice = editable_practice(request.user, pk)
    try:
        revision, created = services.start_revision(practice, actor=request.user, ip=client_ip(request))
    except services.MoveRefused as refusal:
        messages.info(request, str(refusal))
        return redirect("my_practice", practice.pk)
    if created:
        messages.success(
            request,
            _(
                "This is your update to the published practice. The published text stays online until the "
                "secretariat publishes your update."
            ),
        )
    elif revision.is_editable:
        messages.info(request, _("An update to this practice is already on its way: continue it here."))
    else:
        messages.info(request, _("An update to this practice is already with the secretariat for review."))
        return redirect("my_practice", revision.pk)
    return redirect("my_practice_edit", revision.pk)


# Moderation by the ESCAP secretariat.


def moderated_practice(user, pk):
    if not permissions.can_moderate(user):
        raise PermissionDenied(_("Good practices are moderated by ESCAP staff."))
    return get_object_or_404(
        permissions.practices_moderated_by(user).select_related("country", "revision_of", "created_by"), pk=pk
    )


@login_required
def review_list(request):
    if not permissions.can_moderate(request.user):
        raise PermissionDenied(_("Good practices are moderated by ESCAP staff."))
    moderation = ModerationFilter(
        request.GET or None,
        queryset=permissions.practices_moderated_by(request.user)
        .select_related("country", "revision_of", "created_by")
        .order_by("-updated_at", "-pk"),
    )
    page = Paginator(moderation.qs, 25).get_page(request.GET.get("page"))
    return render(request, "good_practices/review_list.html", {"filter": moderation, "page": page})


@login_required
def review_practice(request, pk):
    practice = moderated_practice(request.user, pk)
    forms = {
        action: ModerationForm(action=action, initial={"version": practice.version})
        for action in permissions.allowed_moderation(request.user, practice)
    }
    return render(request, "good_practices/review_practice.html", review_context(request, practice, forms))


def review_context(request, practice, forms):
    prefetch_related_objects([practice], "measures", "themes")
    # A practice's history includes that of its revisions.
    history = ModerationStep.objects.filter(practice=practice)
    if not practice.is_revision:
        history = ModerationStep.objects.filter(Q(practice=practice) | Q(practice__revision_of=practice))
    return {
        "practice": practice,
        "moderation_forms": forms,
        "history": history.select_related("actor", "practice").order_by("created_at", "pk"),
        "changes": proposed_changes(practice) if practice.is_revision else [],
        "open_revision": None if practice.is_revision else practice.revisions.filter(state=State.SUBMITTED).first(),
    }


def proposed_changes(revision):
    """(field label, published text, proposed text) for each field the revision changes."""
    original = revision.revision_of
    changes = []
    for name in CONTENT_FIELDS:
        before, after = getattr(original, name), getattr(revision, name)
        if before != after:
            label = content_label(name)
            if name == "sources":
                before, after = sources_text(before), sources_text(after)
            changes.append((label, before, after))
    for name in ("measures", "themes"):
        before = ", ".join(str(item) for item in getattr(original, name).all())
        after = ", ".join(str(item) for item in getattr(revision, name).all())
        if before != after:
            changes.append((content_label(name), before, after))
    return changes


def content_label(name):
    """A content field's name as the practice form shows it (in the catalogues), else the model's."""
    return PracticeForm.Meta.labels.get(name) or GoodPractice._meta.get_field(name).verbose_name


def sources_text(sources):
    return "\n".join(f"{source['title']} {source.get('url', '')}".strip() for source in sources)


MODERATION_MESSAGES = {
    "publish": gettext_lazy("“%(title)s” is published. The author was told by email."),
    "request_changes": gettext_lazy("Changes requested: “%(title)s” is back with its author, who was told by email."),
    "reject": gettext_lazy("“%(title)s” was rejected. The author was told by email with your reason."),
    "archive": gettext_lazy("“%(title)s” is archived: it has left every public list and its address now explains why."),
    "republish": gettext_lazy("“%(title)s” is published again."),
}
MODERATION_SERVICES = {
    "publish": services.publish,
    "request_changes": services.request_changes,
    "reject": services.reject,
    "archive": services.archive,
    "republish": services.republish,
}


@login_required
@require_POST
def moderate(request, pk, action):
    action = action.replace("-", "_")
    if action not in MODERATION_SERVICES:
        raise Http404("No such moderation action.")
    practice = moderated_practice(request.user, pk)
    form = ModerationForm(request.POST, action=action)
    if not form.is_valid():
        forms = {
            name: form if name == action else ModerationForm(action=name, initial={"version": practice.version})
            for name in permissions.allowed_moderation(request.user, practice)
        }
        return render(
            request, "good_practices/review_practice.html", review_context(request, practice, forms), status=400
        )
    try:
        MODERATION_SERVICES[action](
            practice,
            actor=request.user,
            ip=client_ip(request),
            comment=form.cleaned_data["comment"],
            expected_version=form.cleaned_data["version"],
        )
    except services.MoveRefused as refusal:
        messages.warning(request, str(refusal))
    else:
        messages.success(request, MODERATION_MESSAGES[action] % {"title": practice.title})
    return redirect("review_practice", practice.pk)
