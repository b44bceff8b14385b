"""Pages of progress reports: the public reports, the country's workspace for drafting, staff review, and cycles."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from focal_points.permissions import acting_country
from measures.models import CoverageCategory, Measure
from progress_reports import permissions, services
from progress_reports.changes import compare, report_content
from progress_reports.filters import ReportFilter
from progress_reports.forms import (
    AttachmentForm,
    CoverageTable,
    CycleForm,
    OnBehalfForm,
    OverviewForm,
    PublishForm,
    ReturnForm,
    SectionForm,
    StartReportForm,
    SubmitForm,
)
from progress_reports.models import (
    AttachmentKind,
    ImplementationStatus,
    ProgressReport,
    ReportingCycle,
    ReportState,
)
from progress_reports.pdf import published_pdf
from progress_reports.presentation import public_report_context, published_reports, report_parts
from spot.audit import client_ip
from spot.page_cache import public_page

CONTENT_TYPES = {
    AttachmentKind.PDF: "application/pdf",
    AttachmentKind.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    AttachmentKind.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
MEASURE_7 = 7


# What every page of a report shows -------------------------------------------------------------------------


def latest_return(report):
    """The latest return of the report with its section comments ({section id: comment}), or (None, {})."""
    transition = (
        report.transitions.filter(to_state=ReportState.RETURNED)
        .select_related("actor")
        .prefetch_related("section_comments")
        .order_by("-at", "-pk")
        .first()
    )
    if transition is None:
        return None, {}
    return transition, {comment.section_id: comment.text for comment in transition.section_comments.all()}


# Public pages ----------------------------------------------------------------------------------------------


@public_page
def report_list(request):
    reports = (
        ProgressReport.objects.latest_published()
        .select_related("country", "cycle")
        .annotate(
            in_place_count=Count(
                "sections",
                filter=Q(sections__status__in=[ImplementationStatus.IN_PLACE, ImplementationStatus.LARGELY_IN_PLACE]),
            )
        )
        .order_by("-cycle__opens_on", "country__name")
    )
    filterset = ReportFilter(request.GET or None, queryset=reports)
    page = Paginator(filterset.qs, 25).get_page(request.GET.get("page"))
    return render(request, "progress_reports/report_list.html", {"filter": filterset, "page": page})


def published_report(iso3, cycle_slug, version=None):
    reports = published_reports(iso3, cycle_slug).select_related("country", "cycle", "based_on")
    if version is None:
        report = reports.order_by("-version").first()
        if report is None:
            raise Http404("No published report.")
        return report
    return get_object_or_404(reports, version=version)


@public_page
def report_detail(request, iso3, cycle):
    report = published_report(iso3, cycle)
    return render(request, "progress_reports/report_detail.html", public_report_context(report))


@public_page
def report_version(request, iso3, cycle, version):
    report = published_report(iso3, cycle, version)
    return render(request, "progress_reports/report_detail.html", public_report_context(report))


@public_page
def report_changes(request, iso3, cycle, version):
    """What changed in a published version since an earlier one (by default, the one before it)."""
    report = published_report(iso3, cycle, version)
    earlier = list(
        published_reports(iso3, cycle)
        .filter(version__lt=version)
        .select_related("country", "cycle")
        .order_by("-version")
    )
    compared_with = None
    if earlier:
        wanted = request.GET.get("from", "")
        compared_with = next((other for other in earlier if str(other.version) == wanted), earlier[0])
    changes = None
    if compared_with is not None:
        changes = compare(report_content(compared_with), report_content(report), *reference_names())
    return render(
        request,
        "progress_reports/report_changes.html",
        {"report": report, "compared_with": compared_with, "earlier": earlier, "changes": changes},
    )


def reference_names():
    """Measures by number and coverage categories by code, for the titles of "what changed"."""
    return (
        {measure.number: measure for measure in Measure.objects.all()},
        {category.code: category for category in CoverageCategory.objects.all()},
    )


@public_page
def report_pdf(request, iso3, cycle, version=None):
    """The PDF of a published version, rendered at its first download and kept (see `progress_reports.pdf`).

    Answered whole rather than streamed, so that the page cache can keep it for the next visitors.
    """
    report = published_report(iso3, cycle, version)
    filename = f"spot-progress-report-{report.country.iso3.lower()}-{report.cycle.slug}-v{report.version}.pdf"
    with published_pdf(request, report, public_report_context) as document:
        response = HttpResponse(document.read(), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def attachment_download(request, pk):
    attachment = get_object_or_404(permissions.attachments_visible_to(request.user).select_related("report"), pk=pk)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404("The file is missing from storage.") from missing
    response = FileResponse(
        handle, as_attachment=True, filename=attachment.download_name, content_type=CONTENT_TYPES[attachment.kind]
    )
    response["X-Content-Type-Options"] = "nosniff"
    if not attachment.report.is_published:
        add_never_cache_headers(response)
    return response


# The country's workspace -----------------------------------------------------------------------------------


def workable_report(request, pk):
    """The report, if the person may open it in their workspace; 404 for anybody else (their country's or staff)."""
    return get_object_or_404(
        permissions.reports_workable_by(request.user).select_related("country", "cycle", "based_on"), pk=pk
    )


EDIT_REFUSALS = {
    "published": gettext_lazy(
        "This report is published, so it is read-only. To revise it, start a new version from your workspace."
    ),
    "submitted": gettext_lazy(
        "This report is with the ESCAP secretariat for review, so it cannot be edited until they return it."
    ),
    "closed": gettext_lazy("The reporting cycle is closed, so the report can no longer be edited."),
    "not-open": gettext_lazy("The reporting cycle has not opened yet."),
    "": gettext_lazy("You cannot edit this report."),
}


def refuse_edit(request, report):
    if not permissions.can_edit(request.user, report):
        reason = permissions.edit_refusal(report)
        raise PermissionDenied(str(EDIT_REFUSALS[reason]))


@login_required
def start_report(request, cycle):
    cycle = get_object_or_404(ReportingCycle, slug=cycle)
    country = acting_country(request.user)
    on_behalf = country is None and permissions.can_review(request.user)
    if on_behalf:
        # Staff start a country's report on its focal points' behalf: the country comes with the request.
        chooser = OnBehalfForm(request.GET if "country" in request.GET else None)
        if not chooser.is_valid():
            if not cycle.is_open:
                raise PermissionDenied(_("The reporting cycle “%(cycle)s” is not open.") % {"cycle": cycle.title})
            return render(request, "progress_reports/start_on_behalf.html", {"cycle": cycle, "chooser": chooser})
        country = chooser.cleaned_data["country"]
    if country is None:
        raise PermissionDenied(_("Only a country's focal points can start its progress report."))
    if not permissions.can_start_report(request.user, country, cycle):
        raise PermissionDenied(_("The reporting cycle “%(cycle)s” is not open.") % {"cycle": cycle.title})
    existing = ProgressReport.objects.for_country(country).for_cycle(cycle)
    in_progress = existing.unpublished().first()
    if in_progress is not None:
        if on_behalf:
            messages.info(
                request,
                _("The report of %(country)s for this cycle is already started: here it is.")
                % {"country": country.display_name},
            )
        else:
            messages.info(request, _("Your country's report for this cycle is already started: here it is."))
        return redirect(in_progress.get_workspace_url())
    revising = existing.published().order_by("-version").first()
    previous = None
    if revising is None:
        previous = (
            ProgressReport.objects.published()
            .for_country(country)
            .select_related("cycle")
            .order_by("-cycle__opens_on", "-version")
            .first()
        )
    form = StartReportForm(request.POST or None) if previous else None
    if request.method == "POST" and (form is None or form.is_valid()):
        try:
            report = services.start_report(
                country=country,
                cycle=cycle,
                actor=request.user,
                ip=client_ip(request),
                prefill=bool(form and form.cleaned_data["prefill"]),
            )
        except services.ReportRefused as refusal:
            messages.error(request, str(refusal))
            return redirect("workspace")
        if on_behalf:
            messages.success(
                request,
                _(
                    "The report of %(country)s is started on its focal points' behalf. "
                    "They find it in their workspace, to complete and submit it."
                )
                % {"country": country.display_name},
            )
        elif revising:
            messages.success(
                request,
                _("Version %(version)s is started from the published report. Edit what has changed, then submit it.")
                % {"version": report.version},
            )
        else:
            messages.success(
                request, _("Your country's report is started. Save a draft at any time; colleagues can work on it too.")
            )
        return redirect(report.get_workspace_url())
    return render(
        request,
        "progress_reports/start.html",
        {
            "cycle": cycle,
            "country": country,
            "form": form,
            "previous": previous,
            "revising": revising,
            "on_behalf": on_behalf,
        },
    )


def workspace_context(request, report, attachment_form=None):
    parts = report_parts(report)
    returned, section_comments = latest_return(report)
    for section in parts["sections"]:
        section.staff_comment = section_comments.get(section.pk, "")
    missing = services.missing_parts(report, parts["sections"])
    complete_sections = sum(1 for section in parts["sections"] if not section.missing)
    can_edit = permissions.can_edit(request.user, report)
    return {
        "report": report,
        **parts,
        "returned": returned if report.state == ReportState.RETURNED else None,
        "missing": missing,
        "complete_count": complete_sections + (1 if report.summary.strip() else 0),
        "part_count": len(parts["sections"]) + 1,
        "complete_sections": complete_sections,
        "history": report.transitions.select_related("actor"),
        "can_edit": can_edit,
        "can_submit": permissions.can_submit(request.user, report),
        "can_review": permissions.can_review_report(request.user, report),
        "edit_refusal": EDIT_REFUSALS[permissions.edit_refusal(report)] if not can_edit else "",
        "attachment_form": attachment_form or (AttachmentForm() if can_edit else None),
        "max_upload_mb": settings.ATTACHMENT_MAX_BYTES // (1024 * 1024),
    }


@login_required
def report_workspace(request, pk):
    report = workable_report(request, pk)
    return render(request, "progress_reports/workspace_report.html", workspace_context(request, report))


@login_required
def edit_report(request, pk):
    """The whole report on one page: the overview, every section and the coverage table."""
    return edit_parts(request, workable_report(request, pk), number=None, whole=True)


@login_required
def edit_overview(request, pk):
    return edit_parts(request, workable_report(request, pk), number=None, whole=False)


@login_required
def edit_section(request, pk, number):
    if not 1 <= number <= 12:
        raise Http404("No such measure.")
    return edit_parts(request, workable_report(request, pk), number=number, whole=False)


def build_forms(report, data, *, number, whole):
    """The forms of the part(s) edited: overview (whole report or overview page) and sections."""
    overview = OverviewForm(data, report=report) if whole or number is None else None
    sections = list(report.sections.select_related("measure", "updated_by"))
    if not whole:
        sections = [section for section in sections if section.measure.number == number] if number else []
    section_forms = []
    for section in sections:
        coverage = []
        if section.measure.number == MEASURE_7:
            coverage = list(report.coverage.select_related("category"))
        form = SectionForm(data, section=section, coverage=coverage)
        if coverage:
            form.coverage_table = CoverageTable(
                data,
                categories=list(CoverageCategory.objects.all()),
                entries={(entry.category_id, entry.sex): entry for entry in coverage},
            )
        section_forms.append(form)
    return overview, section_forms


def all_valid(overview, section_forms):
    valid = overview.is_valid() if overview is not None else True
    for form in section_forms:
        valid = form.is_valid() and valid
        if form.coverage_table is not None:
            valid = form.coverage_table.is_valid() and valid
    return valid


def save_forms(request, report, overview, section_forms, *, whole):
    """Save each part; return the parts refused as stale, with what the colleague saved."""
    conflicts = []
    if overview is not None and not (whole and overview.is_unchanged()):
        try:
            services.save_overview(
                report,
                actor=request.user,
                revision=overview.cleaned_data["revision"],
                summary=overview.cleaned_data["summary"],
                challenges=overview.cleaned_data["challenges"],
                language=overview.cleaned_data["language"],
            )
        except services.StaleEdit as stale:
            conflicts.append((overview, stale.current))
    for form in section_forms:
        if whole and form.is_unchanged():
            continue
        try:
            services.save_section(
                form.section,
                actor=request.user,
                revision=form.cleaned_data["revision"],
                values=form.values(),
                coverage=form.coverage_table.values() if form.coverage_table else None,
            )
        except services.StaleEdit as stale:
            conflicts.append((form, stale.current))
    return conflicts


def show_conflicts(request, report, conflicts, *, number, whole):
    """The forms again with what the person typed, based on the colleague's revision, and what the colleague saved."""
    data = request.POST.copy()
    fresh_report = ProgressReport.objects.select_related("cycle").get(pk=report.pk)
    stale_prefixes = {form.prefix for form, _current in conflicts}
    fresh_overview, fresh_sections = build_forms(fresh_report, None, number=number, whole=whole)
    for form in [fresh_overview, *fresh_sections]:
        if form is not None and form.prefix in stale_prefixes:
            data[f"{form.prefix}-revision"] = form.initial["revision"]
            data[f"{form.prefix}-fingerprint"] = form.initial["fingerprint"]
    overview, section_forms = build_forms(fresh_report, data, number=number, whole=whole)
    all_valid(overview, section_forms)
    fresh_by_prefix = {form.prefix: form for form in [fresh_overview, *fresh_sections] if form is not None}
    for form in [overview, *section_forms]:
        if form is None or form.prefix not in stale_prefixes:
            continue
        saved = fresh_by_prefix[form.prefix]
        form.theirs = {
            name: display_choice(form.fields[name], saved[name].value()) or _("(empty)")
            for name in form.fields
            if name not in ("revision", "fingerprint")
            and str(saved[name].value() or "") != str(form[name].value() or "")
        }
        who = getattr(saved, "section", None)
        form.conflict = {
            "by": who.updated_by if who else None,
            "at": who.updated_at if who else fresh_report.updated_at,
        }
        form.add_error(
            None,
            _(
                "A colleague saved “%(part)s” while you were editing it, so your changes to it were not saved. "
                "Your text is kept in the boxes; what your colleague saved is shown beside each box that differs. "
                "Combine the two, then save again."
            )
            % {"part": part_title(form)},
        )
        if form.coverage_table is not None:
            saved_rows = {(row.category.pk, row.sex): row for row in saved.coverage_table.forms}
            for row in form.coverage_table.forms:
                other = saved_rows.get((row.category.pk, row.sex))
                if other is not None:
                    row.theirs = {
                        name: other[name].value() or _("(empty)")
                        for name in row.fields
                        if str(other[name].value() or "") != str(row[name].value() or "")
                    }
    return overview, section_forms


def display_choice(field, value):
    choices = dict(getattr(field, "choices", []) or [])
    return choices.get(value, value) if choices else value


def part_title(form):
    if isinstance(form, OverviewForm):
        return _("Summary and cross-cutting challenges")
    return _("Measure %(number)s: %(title)s") % {
        "number": form.section.measure.number,
        "title": form.section.measure.display_title,
    }


def edit_parts(request, report, *, number, whole):
    refuse_edit(request, report)
    data = request.POST if request.method == "POST" else None
    overview, section_forms = build_forms(report, data, number=number, whole=whole)
    status = 200
    if data is not None:
        if all_valid(overview, section_forms):
            try:
                conflicts = save_forms(request, report, overview, section_forms, whole=whole)
            except services.ReportRefused as refusal:
                messages.error(request, str(refusal))
                return redirect(report.get_workspace_url())
            if not conflicts:
                messages.success(request, saved_message(number, whole))
                return redirect(next_address(request, report, number, whole))
            overview, section_forms = show_conflicts(request, report, conflicts, number=number, whole=whole)
            status = 409
        else:
            status = 400
    returned, section_comments = latest_return(report)
    for form in section_forms:
        form.staff_comment = section_comments.get(form.section.pk, "") if returned else ""
    section = section_forms[0].section if (number and section_forms) else None
    return render(
        request,
        "progress_reports/edit.html",
        {
            "report": report,
            "overview_form": overview,
            "section_forms": section_forms,
            "section": section,
            "whole": whole,
            "number": number,
            "returned": returned if report.state == ReportState.RETURNED else None,
            "status_scale": ImplementationStatus.explanations(),
            "previous_number": number - 1 if number and number > 1 else None,
            "next_number": number + 1 if number and number < 12 else None,
            "all_forms": [form for form in [overview, *section_forms] if form is not None],
            "coverage_rows": [
                row for form in section_forms if form.coverage_table for row in form.coverage_table.forms
            ],
        },
        status=status,
    )


def saved_message(number, whole):
    if whole:
        return _("Your draft is saved.")
    if number:
        return _("Measure %(number)s is saved.") % {"number": number}
    return _("The summary and cross-cutting challenges are saved.")


def next_address(request, report, number, whole):
    """After a save: the next section when asked for, else back to the same page."""
    if request.POST.get("then") == "next" and number and number < 12:
        return reverse("report_section_edit", args=[report.pk, number + 1])
    if request.POST.get("then") == "report":
        return report.get_workspace_url()
    if whole:
        return reverse("report_edit", args=[report.pk])
    if number:
        return reverse("report_section_edit", args=[report.pk, number])
    return reverse("report_overview_edit", args=[report.pk])


@login_required
def submit_report(request, pk):
    report = workable_report(request, pk)
    if not permissions.can_submit(request.user, report):
        if permissions.acts_for(request.user, report.country):
            raise PermissionDenied(str(EDIT_REFUSALS[permissions.edit_refusal(report)]))
        raise PermissionDenied(_("Only the country's own focal points can submit its report."))
    sections = list(report.sections.select_related("measure"))
    missing = services.missing_parts(report, sections)
    form = SubmitForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and not missing:
        try:
            submitted = services.submit(
                report, actor=request.user, ip=client_ip(request), comment=form.cleaned_data["comment"]
            )
        except services.ReportRefused as refusal:
            messages.error(request, str(refusal))
            return redirect(report.get_workspace_url())
        messages.success(
            request,
            _(
                "Your report is submitted. The ESCAP secretariat will review it; you will receive an email "
                "when they publish it or return it with comments."
            ),
        )
        return redirect(submitted.get_workspace_url())
    return render(
        request,
        "progress_reports/submit.html",
        {"report": report, "form": form, "missing": missing, "sections": sections},
        status=400 if request.method == "POST" else 200,
    )


@require_POST
@login_required
def add_attachment(request, pk):
    report = workable_report(request, pk)
    refuse_edit(request, report)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            attachment = services.add_attachment(
                report, actor=request.user, ip=client_ip(request), upload=form.cleaned_data["file"], kind=form.kind
            )
        except services.ReportRefused as refusal:
            messages.error(request, str(refusal))
            return redirect(report.get_workspace_url())
        messages.success(request, _("“%(name)s” is attached to the report.") % {"name": attachment.original_name})
        return redirect(report.get_workspace_url() + "#attachments")
    return render(
        request, "progress_reports/workspace_report.html", workspace_context(request, report, form), status=400
    )


@require_POST
@login_required
def remove_attachment(request, pk, attachment):
    report = workable_report(request, pk)
    refuse_edit(request, report)
    attachment = get_object_or_404(report.attachments, pk=attachment)
    try:
        services.remove_attachment(attachment, actor=request.user, ip=client_ip(request))
    except services.ReportRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("“%(name)s” is removed from the report.") % {"name": attachment.original_name})
    return redirect(report.get_workspace_url() + "#attachments")


@login_required
def draft_preview(request, pk):
    """The report as it will be published, for the country and staff, in any state."""
    report = workable_report(request, pk)
    return render(request, "progress_reports/preview.html", {"report": report, **report_parts(report)})


# Staff review ----------------------------------------------------------------------------------------------


def refuse_non_reviewer(user):
    if not permissions.can_review(user):
        raise PermissionDenied(_("Reviewing reports is for ESCAP staff."))


def changes_since_last_submission(report):
    """(previous submission, changes) between the last two submissions of the report, or (None, None)."""
    submissions = list(
        report.transitions.filter(to_state=ReportState.SUBMITTED, snapshot__isnull=False).order_by("-at", "-pk")[:2]
    )
    if len(submissions) < 2:
        return None, None
    latest, previous = submissions
    return previous, compare(previous.snapshot, latest.snapshot, *reference_names())


def review_context(request, report, return_form=None, publish_form=None):
    parts = report_parts(report)
    previous_submission, changes = changes_since_last_submission(report)
    can_review = permissions.can_review_report(request.user, report)
    return {
        "report": report,
        **parts,
        "previous_submission": previous_submission,
        "changes": changes,
        "history": report.transitions.select_related("actor"),
        "can_review": can_review,
        "return_form": return_form or (ReturnForm(sections=parts["sections"]) if can_review else None),
        "publish_form": publish_form or (PublishForm() if can_review else None),
    }


@login_required
def review_report(request, pk):
    refuse_non_reviewer(request.user)
    report = get_object_or_404(ProgressReport.objects.select_related("country", "cycle", "based_on"), pk=pk)
    return render(request, "progress_reports/review.html", review_context(request, report))


@require_POST
@login_required
def return_report(request, pk):
    refuse_non_reviewer(request.user)
    report = get_object_or_404(ProgressReport.objects.select_related("country", "cycle", "based_on"), pk=pk)
    sections = list(report.sections.select_related("measure"))
    form = ReturnForm(request.POST, sections=sections)
    if form.is_valid():
        try:
            services.return_report(
                report,
                actor=request.user,
                ip=client_ip(request),
                comment=form.cleaned_data["comment"],
                section_comments=form.section_comments(),
            )
        except services.ReportRefused as refusal:
            messages.error(request, str(refusal))
            return redirect(report.get_review_url())
        messages.success(
            request,
            _("The report of %(country)s is returned; its focal points are told by email.")
            % {"country": report.country.display_name},
        )
        return redirect("review")
    return render(
        request, "progress_reports/review.html", review_context(request, report, return_form=form), status=400
    )


@require_POST
@login_required
def publish_report(request, pk):
    refuse_non_reviewer(request.user)
    report = get_object_or_404(ProgressReport.objects.select_related("country", "cycle", "based_on"), pk=pk)
    form = PublishForm(request.POST)
    if form.is_valid():
        try:
            report = services.publish(
                report, actor=request.user, ip=client_ip(request), comment=form.cleaned_data["comment"]
            )
        except services.ReportRefused as refusal:
            messages.error(request, str(refusal))
            return redirect(report.get_review_url())
        messages.success(
            request,
            _("The report of %(country)s is published; its focal points are told by email.")
            % {"country": report.country.display_name},
        )
        return redirect(report.get_absolute_url())
    return render(
        request, "progress_reports/review.html", review_context(request, report, publish_form=form), status=400
    )


# Reporting cycles (staff) ----------------------------------------------------------------------------------


def refuse_non_cycle_manager(user):
    if not permissions.can_manage_cycles(user):
        raise PermissionDenied(_("Reporting cycles are managed by ESCAP staff."))


@login_required
def cycle_list(request):
    refuse_non_cycle_manager(request.user)
    cycles = ReportingCycle.objects.annotate(
        report_count=Count("reports__country", filter=~Q(reports__state=ReportState.DRAFT), distinct=True),
        published_count=Count("reports__country", filter=Q(reports__state=ReportState.PUBLISHED), distinct=True),
        draft_count=Count("reports", filter=Q(reports__state__in=[ReportState.DRAFT, ReportState.RETURNED])),
    )
    return render(request, "progress_reports/cycle_list.html", {"cycles": cycles})


@login_required
def cycle_form(request, slug=None):
    refuse_non_cycle_manager(request.user)
    cycle = get_object_or_404(ReportingCycle, slug=slug) if slug else None
    form = CycleForm(request.POST or None, instance=cycle)
    if request.method == "POST" and form.is_valid():
        saved = services.save_cycle(form.instance, actor=request.user, ip=client_ip(request), changed=form.changed_data)
        if cycle is None:
            messages.success(request, _("The cycle “%(cycle)s” is created.") % {"cycle": saved.title})
        else:
            messages.success(request, _("The cycle “%(cycle)s” is saved.") % {"cycle": saved.title})
        return redirect("cycle_list")
    return render(request, "progress_reports/cycle_form.html", {"form": form, "cycle": cycle})


@require_POST
@login_required
def cycle_close(request, slug):
    refuse_non_cycle_manager(request.user)
    cycle = get_object_or_404(ReportingCycle, slug=slug)
    if services.close_cycle(cycle, actor=request.user, ip=client_ip(request)):
        messages.success(
            request,
            _("The cycle “%(cycle)s” is closed: drafts can no longer be edited or submitted.") % {"cycle": cycle.title},
        )
    else:
        messages.info(request, _("The cycle “%(cycle)s” was already closed.") % {"cycle": cycle.title})
    return redirect("cycle_list")


@require_POST
@login_required
def cycle_reopen(request, slug):
    refuse_non_cycle_manager(request.user)
    cycle = get_object_or_404(ReportingCycle, slug=slug)
    if services.reopen_cycle(cycle, actor=request.user, ip=client_ip(request)):
        messages.success(request, _("The cycle “%(cycle)s” is open again.") % {"cycle": cycle.title})
    else:
        messages.info(request, _("The cycle “%(cycle)s” was already open.") % {"cycle": cycle.title})
    return redirect("cycle_list")
