"""The portal's one form pattern (GOV.UK's): an error summary on top, each error also at its field.

    {% load forms %}
    {% error_summary form %}                 {# or several: {% error_summary form sections %} #}
    {% include "includes/form_fields.html" %} {# or: {% include "includes/field.html" with field=form.title %} #}

The page title gets "Error: " through `{% block title_prefix %}` in base.html (it looks
at `form`; a page whose form has another name sets `title_prefix` with `error_prefix`).
"""

from django import forms, template
from django.utils.translation import gettext as _

register = template.Library()


def field_anchor(bound_field):
    """The id a summary link points at: the input itself, or the first of a group of options."""
    if bound_field.use_fieldset:
        return f"{bound_field.auto_id}_0"
    return bound_field.id_for_label or bound_field.auto_id


def collect_errors(form):
    """(message, anchor) pairs of a form, a formset or a list of forms, in the order of the page.

    A form may name each field in the summary with `summary_prefix(bound_field)` (a cell of a table,
    whose label alone would not say which row it is on).
    """
    if isinstance(form, (list, tuple)):
        return [error for member in form for error in collect_errors(member)]
    if isinstance(form, forms.BaseFormSet):
        errors = [(str(message), None) for message in form.non_form_errors()]
        for member in form.forms:
            errors += collect_errors(member)
        return errors
    errors = []
    visible = [field for field in form if not field.is_hidden]
    # A problem with the form as a whole (a wrong password, say) links to where to start correcting it.
    first = field_anchor(visible[0]) if visible else None
    for message in form.non_field_errors():
        errors.append((str(message), first))
    prefix = getattr(form, "summary_prefix", None)
    for field in visible:
        errors += [
            (f"{prefix(field)}: {message}" if prefix else str(message), field_anchor(field)) for message in field.errors
        ]
    for field in form.hidden_fields():
        errors += [(str(message), None) for message in field.errors]
    return errors


@register.inclusion_tag("includes/error_summary.html")
def error_summary(*forms_on_page, title=None):
    errors = []
    for form in forms_on_page:
        if form is not None and form != "":
            errors += collect_errors(form)
    return {"errors": errors, "title": title or _("There is a problem")}


@register.simple_tag
def error_prefix(*forms_on_page):
    """ "Error: " when any form on the page has errors, for the page title."""
    for form in forms_on_page:
        if form is not None and form != "" and collect_errors(form):
            return _("Error:") + " "
    return ""


@register.filter
def anchor(bound_field):
    return field_anchor(bound_field)
