from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from spot.links import cached_reverse
from spot.translations import translated


class Measure(models.Model):
    """One of the 12 measures of the Action Plan. Reference data, loaded by migration."""

    number = models.PositiveSmallIntegerField(unique=True)
    # A short name for headings and tables; the authoritative wording is `text`.
    title = models.CharField(max_length=80)
    text = models.TextField(help_text=_("The measure's wording, verbatim from the Action Plan."))
    # The official translations, entered by staff; until then pages show the English, marked as such.
    title_fr = models.CharField(_("title in French"), max_length=120, blank=True)
    text_fr = models.TextField(_("official text in French"), blank=True)
    title_ru = models.CharField(_("title in Russian"), max_length=120, blank=True)
    text_ru = models.TextField(_("official text in Russian"), blank=True)
    title_zh_hans = models.CharField(_("title in Chinese"), max_length=120, blank=True)
    text_zh_hans = models.TextField(_("official text in Chinese"), blank=True)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.CheckConstraint(condition=models.Q(number__gte=1, number__lte=12), name="measure_number_1_to_12"),
        ]

    def __str__(self):
        return f"Measure {self.number}: {self.title}"

    def get_absolute_url(self):
        return cached_reverse("measure_detail", self.number)

    @property
    def display_title(self):
        return translated(self, "title")[0]

    @property
    def display_text(self):
        return translated(self, "text")[0]

    @property
    def shown_in_english(self):
        """Whether the page's language has no official translation of this measure yet."""
        return not translated(self, "text")[1]

    @property
    def title_shown_in_english(self):
        return not translated(self, "title")[1]


class MeasureTarget(models.Model):
    """A sub-target of a measure: measure 7's baseline (7.1), intermediate (7.2) and final (7.3) targets."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="targets")
    number = models.PositiveSmallIntegerField()
    year = models.PositiveSmallIntegerField(help_text=_("The year the baseline or target refers to."))
    text = models.TextField(help_text=_("The sub-target's wording, verbatim from the Action Plan."))
    text_fr = models.TextField(_("official text in French"), blank=True)
    text_ru = models.TextField(_("official text in Russian"), blank=True)
    text_zh_hans = models.TextField(_("official text in Chinese"), blank=True)

    class Meta:
        ordering = ["measure__number", "number"]
        constraints = [
            models.UniqueConstraint(fields=["measure", "number"], name="measuretarget_unique_number"),
        ]

    def __str__(self):
        return f"{self.code} ({self.year})"

    @property
    def code(self):
        return f"{self.measure.number}.{self.number}"

    @property
    def display_text(self):
        return translated(self, "text")[0]

    @property
    def shown_in_english(self):
        return not translated(self, "text")[1]


class AgeGroup(models.TextChoices):
    CHILDREN = "children", _("Children")
    WORKING_AGE = "working age", _("Working age")
    OLDER_PERSONS = "older persons", _("Older persons")
    ALL_AGES = "all ages", _("All ages")


class Sex(models.TextChoices):
    TOTAL = "total", _("Total")
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")


class CoverageCategory(models.Model):
    """An SDG indicator 1.3.1 population group, as the ILO reports it. Reference data."""

    code = models.CharField(max_length=20, unique=True)
    ilo_series_code = models.CharField(_("ILO series code"), max_length=40, unique=True)
    name = models.CharField(max_length=200)
    age_group = models.CharField(max_length=20, choices=AgeGroup.choices)
    sexes = ArrayField(
        models.CharField(max_length=10, choices=Sex.choices),
        help_text=_("The sexes this category is reported for."),
    )
    position = models.PositiveSmallIntegerField(help_text="Order in tables.")

    class Meta:
        ordering = ["position"]
        verbose_name_plural = _("coverage categories")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(age_group__in=AgeGroup.values), name="coveragecategory_age_group_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(sexes__contained_by=Sex.values) & ~models.Q(sexes=[]),
                name="coveragecategory_sexes_valid",
            ),
        ]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        """The ILO's name of the group, in the page's language (the names are in the catalogues)."""
        return gettext(self.name)

    def get_sexes_display(self):
        return ", ".join(str(Sex(sex).label) for sex in self.sexes)


# The categories' names (loaded by migration from sdg-131-categories.csv), listed here so that the
# translation catalogues carry them.
CATEGORY_NAMES = [
    gettext_noop("Population covered by at least one social protection benefit"),
    gettext_noop("Children covered by social protection benefits"),
    gettext_noop("Mothers with newborns receiving maternity cash benefits"),
    gettext_noop("Persons with severe disabilities receiving disability cash benefits"),
    gettext_noop("Unemployed persons receiving unemployment cash benefits"),
    gettext_noop("Older persons receiving a pension"),
    gettext_noop("Vulnerable persons covered by social assistance"),
    gettext_noop("Poor persons covered by social assistance"),
    gettext_noop("Employed persons covered in case of employment injury"),
]
