from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from spot.links import cached_reverse
from spot.translations import country_name, sort_key
from spot.validators import validate_single_line


class UserManager(DjangoUserManager):
    """Users are identified by email; there is no username."""

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person who can sign in: a focal point or a member of ESCAP staff."""

    username = None
    first_name = None
    last_name = None
    name = models.CharField(_("full name"), max_length=150, blank=True, validators=[validate_single_line])
    email = models.EmailField(_("email address"), unique=True)
    language = models.CharField(
        _("language of emails"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language the portal writes to this person in."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        ordering = ["name", "email"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_unique_case_insensitive"),
        ]

    def __str__(self):
        return self.name or self.email

    def save(self, *args, **kwargs):
        self.email = self.email.lower()
        super().save(*args, **kwargs)

    def get_full_name(self):
        return self.name or self.email

    def get_short_name(self):
        return self.name.split(" ")[0] if self.name else self.email


class Subregion(models.TextChoices):
    """ESCAP's subregions, in the order the portal lists them."""

    EAST_NORTH_EAST_ASIA = "enea", _("East and North-East Asia")
    SOUTH_EAST_ASIA = "sea", _("South-East Asia")
    SOUTH_SOUTH_WEST_ASIA = "sswa", _("South and South-West Asia")
    NORTH_CENTRAL_ASIA = "nca", _("North and Central Asia")
    PACIFIC = "pacific", _("Pacific")
    NON_REGIONAL = "non-regional", _("Non-regional")

    @classmethod
    def position(cls, value):
        return list(cls.values).index(value)


class Membership(models.TextChoices):
    MEMBER = "member", _("Member")
    ASSOCIATE = "associate", _("Associate member")


class CountryQuerySet(models.QuerySet):
    def by_subregion(self):
        """Countries grouped as (subregion label, [countries]) in the portal's subregion order."""
        groups = {value: [] for value in Subregion.values}
        for country in sorted(self, key=lambda country: sort_key(country.display_name)):
            groups[country.subregion].append(country)
        return [(Subregion(value).label, countries) for value, countries in groups.items() if countries]


class Country(models.Model):
    """An ESCAP member or associate member. Reference data, loaded by migration."""

    iso3 = models.CharField(_("ISO 3166 alpha-3 code"), max_length=3, unique=True)
    m49 = models.PositiveSmallIntegerField(
        _("UN M49 numeric code"),
        unique=True,
        help_text=_("The UN Statistics Division's code: REF_AREA in SDG data."),
    )
    name = models.CharField(max_length=100, unique=True, help_text=_("The UN's English name."))
    # The UN's official names in ESCAP's other working languages, entered by staff; until then,
    # pages show the name CLDR gives (spot.translations.country_name).
    name_fr = models.CharField(_("official name in French"), max_length=100, blank=True)
    name_ru = models.CharField(_("official name in Russian"), max_length=100, blank=True)
    name_zh_hans = models.CharField(_("official name in Chinese"), max_length=100, blank=True)
    subregion = models.CharField(max_length=20, choices=Subregion.choices)
    membership = models.CharField(max_length=10, choices=Membership.choices)

    objects = CountryQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = _("countries")
        constraints = [
            models.CheckConstraint(condition=models.Q(iso3__regex=r"^[A-Z]{3}$"), name="country_iso3_upper_alpha3"),
            models.CheckConstraint(condition=models.Q(subregion__in=Subregion.values), name="country_subregion_valid"),
            models.CheckConstraint(
                condition=models.Q(membership__in=Membership.values), name="country_membership_valid"
            ),
        ]

    def __str__(self):
        return self.display_name

    def get_absolute_url(self):
        return cached_reverse("country_detail", self.slug)

    @property
    def display_name(self):
        """The name in the language of the page (or email) being written."""
        return country_name(self)

    @property
    def slug(self):
        return self.iso3.lower()

    @property
    def is_associate(self):
        return self.membership == Membership.ASSOCIATE


class AuditEvent(models.Model):
    """Something that happened: to an account, an invitation, a membership, a report, a practice.

    Written once by the code that does the thing (through `spot.audit.record`); never edited
    afterwards. `action` is a name registered by the app that owns it (see `spot.audit`), so
    apps add actions without a migration here.
    """

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="audit_events")
    # The email typed or concerned, kept even when no account matches or the account is deleted.
    email = models.EmailField(blank=True)
    action = models.CharField(max_length=50)
    # The object acted on, of any model; kept as a type and key so that deleting it leaves the record.
    target_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    target_id = models.CharField(max_length=64, null=True, blank=True)
    target = GenericForeignKey("target_type", "target_id")
    country = models.ForeignKey(Country, null=True, blank=True, on_delete=models.SET_NULL)
    detail = models.TextField(blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(action__regex=r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"), name="auditevent_action_slug"
            ),
        ]
        indexes = [
            # The admin's "what happened to this person" search.
            models.Index(fields=["email", "-created_at"], name="auditevent_email_idx"),
            # The history of one object (a report's or a practice's audit trail).
            models.Index(fields=["target_type", "target_id", "-created_at"], name="auditevent_target_idx"),
        ]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action_label} {self.email}"

    @property
    def action_label(self):
        from spot.audit import action_label

        return action_label(self.action)


def subregion_order(field="subregion"):
    """An expression that sorts by the portal's subregion order rather than alphabetically."""
    return models.Case(
        *(models.When(**{field: value}, then=position) for position, value in enumerate(Subregion.values)),
        output_field=models.IntegerField(),
    )
