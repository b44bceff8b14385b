"""The sign-in library's forms, speaking the portal's words: messages that say what to do, and
the right keyboard for codes. Wired in through ACCOUNT_FORMS and MFA_FORMS in the settings."""

from allauth.account import forms as account_forms
from allauth.mfa.base import forms as mfa_forms
from allauth.mfa.totp import forms as totp_forms
from django.utils.translation import gettext_lazy as _


class SpecificMessages:
    """Replace "This field is required." with a message per field that says what to type."""

    required_messages = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, message in self.required_messages.items():
            if name in self.fields:
                self.fields[name].error_messages = {**self.fields[name].error_messages, "required": message}


class AuthenticatorCode(SpecificMessages):
    """A 6-digit code from an app, or an 8-digit recovery code: digits only, so a phone shows its number pad."""

    required_messages = {"code": _("Enter the 6-digit code from your authenticator app")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].widget.attrs.update(
            {"inputmode": "numeric", "autocomplete": "one-time-code", "placeholder": ""}
        )
        self.fields["code"].max_length = 32


class LoginForm(SpecificMessages, account_forms.LoginForm):
    required_messages = {
        "login": _("Enter your work email address"),
        "password": _("Enter your password"),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"].label = _("Email address")
        self.fields["login"].widget.attrs["placeholder"] = ""
        self.fields["password"].widget.attrs["placeholder"] = ""
        self.fields["password"].help_text = ""  # the page links to the reset below the form
        if "remember" in self.fields:
            self.fields["remember"].label = _("Keep me signed in on this device")


class ResetPasswordForm(SpecificMessages, account_forms.ResetPasswordForm):
    required_messages = {"email": _("Enter the email address you sign in with")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("Email address")
        self.fields["email"].widget.attrs["placeholder"] = ""
        self.fields["email"].error_messages["invalid"] = _(
            "Enter an email address in the correct format, like name@ministry.gov"
        )


class BothPasswordProblems:
    """Say that the two new passwords differ even when the first is also refused (too short, too common):
    every problem at once, not one after the other."""

    def clean(self):
        cleaned = super().clean()
        typed = self.data.get(self.add_prefix("password1")), self.data.get(self.add_prefix("password2"))
        if all(typed) and typed[0] != typed[1] and "password2" not in self.errors:
            self.add_error("password2", _("You must type the same password each time."))
        return cleaned


NEW_PASSWORD_MESSAGES = {
    "password1": _("Choose a new password"),
    "password2": _("Type the new password again, to be sure it is the one you meant"),
}


class ResetPasswordKeyForm(BothPasswordProblems, SpecificMessages, account_forms.ResetPasswordKeyForm):
    required_messages = NEW_PASSWORD_MESSAGES

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password1"].label = _("New password")
        self.fields["password2"].label = _("Type the new password again")


class ChangePasswordForm(BothPasswordProblems, SpecificMessages, account_forms.ChangePasswordForm):
    required_messages = {"oldpassword": _("Enter your current password"), **NEW_PASSWORD_MESSAGES}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["oldpassword"].label = _("Current password")
        self.fields["password1"].label = _("New password")
        self.fields["password2"].label = _("Type the new password again")
        for field in self.fields.values():
            field.widget.attrs["placeholder"] = ""


class ReauthenticateForm(SpecificMessages, account_forms.ReauthenticateForm):
    required_messages = {"password": _("Enter your password")}


class AuthenticateForm(AuthenticatorCode, mfa_forms.AuthenticateForm):
    pass


class MFAReauthenticateForm(AuthenticatorCode, mfa_forms.ReauthenticateForm):
    pass


class ActivateTOTPForm(AuthenticatorCode, totp_forms.ActivateTOTPForm):
    pass
