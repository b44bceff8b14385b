from django import forms
from django.contrib.auth import get_user_model, password_validation

from focal_points.models import FocalPoint, Invitation


class InvitationForm(forms.ModelForm):
    """Invite a person to a country's team. A lead's invitations are fixed to their own country."""

    class Meta:
        model = Invitation
        fields = ["email", "name", "country", "agency", "position", "is_lead"]
        help_texts = {
            "email": "Their work email. The invitation link is sent here and becomes their sign-in.",
            "name": "Optional: used to greet them; they can correct it when they accept.",
            "is_lead": "A lead focal point may invite colleagues from their own country.",
        }

    def __init__(self, *args, inviter, fixed_country=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.inviter = inviter
        self.fields["country"].empty_label = "Choose a country"
        if fixed_country is not None:
            self.fields["country"].initial = fixed_country
            self.fields["country"].disabled = True
            self.fields["country"].help_text = "You can invite colleagues to your own country's team."

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if get_user_model().objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                "An account with this email address already exists, so it cannot be invited again. "
                "If the person should act for another country, ESCAP staff can change their membership."
            )
        # Inviting again replaces an earlier open invitation, but only one the inviter may manage.
        elsewhere = (
            Invitation.objects.open()
            .filter(email__iexact=email)
            .exclude(pk__in=Invitation.objects.manageable_by(self.inviter).values("pk"))
            .select_related("country")
            .first()
        )
        if elsewhere is not None:
            raise forms.ValidationError(
                f"This address already has an open invitation to the team of {elsewhere.country.name}. "
                "Ask ESCAP staff if the person should join your team instead."
            )
        return email


class AcceptInvitationForm(forms.Form):
    name = forms.CharField(label="Your full name", max_length=150)
    password1 = forms.CharField(
        label="Choose a password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label="Type the password again",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    listed_publicly = forms.BooleanField(
        label="List my name and position on my country's public page",
        required=False,
        help_text="Your ministry or agency is always shown; your name only if you tick this. "
        "Your email is never public. You can change this later.",
    )

    def __init__(self, *args, invitation, **kwargs):
        super().__init__(*args, **kwargs)
        self.invitation = invitation

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", "The two passwords do not match.")
        elif password1:
            candidate = get_user_model()(email=self.invitation.email, name=cleaned.get("name", ""))
            try:
                password_validation.validate_password(password1, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class MembershipSettingsForm(forms.ModelForm):
    """What a focal point may change about their own membership."""

    class Meta:
        model = FocalPoint
        fields = ["position", "listed_publicly"]
