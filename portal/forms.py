from django import forms
from django.utils.translation import gettext_lazy as _

from spot.models import Subregion, User


class AccountSettingsForm(forms.ModelForm):
    """What anyone signed in may change about their own account: their name and their language."""

    class Meta:
        model = User
        fields = ["name", "language"]
        labels = {"name": _("Your full name"), "language": _("Language of the emails SPOT sends you")}
        help_texts = {
            "name": _("As colleagues in other countries see it in the network directory."),
            "language": _(
                "Invitations, reminders and news about your country's reports and practices are written in it. "
                "The language of the pages is chosen at the top of each page."
            ),
        }
        error_messages = {"name": {"required": _("Enter your full name")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].required = True


class StocktakeFilterForm(forms.Form):
    """The dashboard's filters, read from the address (GET): an unknown value is a field error, never a 500."""

    cycle = forms.ChoiceField(
        label=_("Reporting cycle"),
        required=False,
        error_messages={"invalid_choice": _("Choose a reporting cycle from the list")},
    )
    subregion = forms.ChoiceField(
        label=_("Subregion"),
        required=False,
        choices=[("", _("All subregions")), *Subregion.choices],
        error_messages={"invalid_choice": _("Choose a subregion from the list")},
    )

    def __init__(self, data=None, *, cycles):
        super().__init__(data)
        self.cycles = {cycle.slug: cycle for cycle in cycles}
        self.fields["cycle"].choices = [
            ("", _("Each country's latest report")),
            *((cycle.slug, cycle.title) for cycle in cycles),
        ]

    def chosen(self):
        """(the chosen cycle or None, the chosen subregion or ""), leaving out any value in error."""
        if not self.is_bound:
            return None, ""
        self.is_valid()
        cleaned = self.cleaned_data
        return self.cycles.get(cleaned.get("cycle") or ""), cleaned.get("subregion") or ""
