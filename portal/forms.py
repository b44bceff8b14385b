from django import forms
from django.utils.translation import gettext_lazy as _

from spot.models import User


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
