from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from focal_points import permissions
from focal_points.models import FocalPoint, Invitation
from spot.models import Country
from spot.validators import validate_single_line


class InvitationForm(forms.ModelForm):
    """Invite a person to a country's team. A lead's invitations are fixed to their own country."""

    class Meta:
        model = Invitation
        fields = ["email", "name", "country", "agency", "position", "is_lead", "language"]
        labels = {
            "email": _("Work email address"),
            "name": _("Full name"),
            "country": _("Country"),
            "agency": _("Ministry or agency"),
            "position": _("Position"),
            "is_lead": _("Lead focal point"),
            "language": _("Language of the invitation email"),
        }
        help_texts = {
            "email": _("Their work email. The invitation link is sent here and becomes their sign-in."),
            "name": _("Used to greet them; they can correct it when they accept."),
            "agency": _("The ministry or agency they work for, as it should appear on the country page."),
            "is_lead": _("A lead focal point may invite colleagues from their own country."),
            "language": _("The portal writes to the person in this language; they can change it later."),
        }
        error_messages = {
            "email": {
                "required": _("Enter the person's work email address"),
                "invalid": _("Enter an email address in the correct format, like name@ministry.gov"),
            },
            "country": {
                "required": _("Choose the country whose team the person joins"),
                "invalid_choice": _("Choose a country from the list"),
            },
            "agency": {"required": _("Enter the ministry or agency the person works for")},
        }

    def __init__(self, *args, inviter, fixed_country=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.inviter = inviter
        self.fixed_country = fixed_country
        self.fields["country"].empty_label = _("Choose a country")
        self.fields["language"].required = False
        if not self.is_bound:
            self.initial.setdefault("language", translation.get_language())
        if fixed_country is not None:
            self.fields["country"].queryset = Country.objects.filter(pk=fixed_country.pk)
            self.fields["country"].initial = fixed_country
            self.fields["country"].disabled = True
            self.fields["country"].help_text = _("You can invite colleagues to your own country's team.")

    def clean_language(self):
        # Left out: the language of the page the invitation is sent from.
        return self.cleaned_data["language"] or translation.get_language()

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        has_account = get_user_model().objects.filter(email__iexact=email).exists()
        # Inviting again replaces an earlier open invitation, but only one the inviter may manage.
        elsewhere = (
            Invitation.objects.open()
            .filter(email__iexact=email)
            .exclude(pk__in=permissions.invitations_manageable_by(self.inviter).values("pk"))
            .select_related("country")
            .first()
        )
        if not has_account and elsewhere is None:
            return email
        if self.fixed_country is not None:
            # A lead learns nothing about other accounts or countries: only that the secretariat can help.
            raise forms.ValidationError(
                _(
                    "This person cannot be invited to the team of %(country)s from here. "
                    "The ESCAP secretariat can help: write to %(secretariat)s."
                ),
                params={"country": self.fixed_country.display_name, "secretariat": settings.SECRETARIAT_EMAIL},
                code="not_invitable",
            )
        if has_account:
            raise forms.ValidationError(
                _(
                    "An account with this email address already exists, so it cannot be invited again. "
                    "To move the person to another country, change their membership in the administration."
                ),
                code="has_account",
            )
        raise forms.ValidationError(
            _("This address already has an open invitation to the team of %(country)s, sent by a lead focal point."),
            params={"country": elsewhere.country.display_name},
            code="invited_elsewhere",
        )


class AcceptInvitationForm(forms.Form):
    name = forms.CharField(
        label=_("Your full name"),
        max_length=150,
        error_messages={"required": _("Enter your full name")},
        help_text=_("As colleagues in other countries should see it in the network directory."),
    )
    password1 = forms.CharField(
        label=_("Choose a password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
        error_messages={"required": _("Choose a password")},
    )
    password2 = forms.CharField(
        label=_("Type the password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": _("Type the password again, to be sure it is the one you meant")},
    )
    listed_publicly = forms.BooleanField(
        label=_("List my name and position on my country's public page"),
        required=False,
        help_text=_(
            "Your ministry or agency is always shown; your name only if you tick this. "
            "Your email is never public. You can change this later."
        ),
    )

    def __init__(self, *args, invitation, **kwargs):
        super().__init__(*args, **kwargs)
        self.invitation = invitation
        self.fields["name"].validators.append(validate_single_line)

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        # Every problem at once: the strength of the first password and whether the second matches.
        if password1:
            candidate = get_user_model()(email=self.invitation.email, name=cleaned.get("name", ""))
            try:
                password_validation.validate_password(password1, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("You must type the same password each time."))
        return cleaned


class MembershipSettingsForm(forms.ModelForm):
    """What a focal point may change about their own membership."""

    class Meta:
        model = FocalPoint
        fields = ["position", "listed_publicly"]
        labels = {
            "position": _("Your position"),
            "listed_publicly": _("List my name and position on my country's public page"),
        }
        help_texts = {
            "position": _("Your job title, for example Director, Social Protection Policy."),
            "listed_publicly": _(
                "Your ministry or agency is always shown; your name only if you tick this. Your email is never public."
            ),
        }
