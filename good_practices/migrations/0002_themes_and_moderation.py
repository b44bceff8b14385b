"""The themes practices are filed under, and the moderation permission of the "ESCAP staff" group."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# (slug, name): the life-cycle groups first, then groups of people, then how systems work.
THEMES = [
    ("children", "Children"),
    ("working-age", "Working age"),
    ("older-persons", "Older persons"),
    ("persons-with-disabilities", "Persons with disabilities"),
    ("gender-equality", "Gender equality"),
    ("informal-workers", "Informal workers"),
    ("migrant-workers", "Migrant workers"),
    ("shock-responsive", "Shock-responsive social protection"),
    ("digital-delivery", "Digital delivery"),
    ("financing", "Financing"),
    ("coverage-extension", "Coverage extension"),
    ("administration-delivery", "Administration and delivery"),
]

GROUP = "ESCAP staff"
PERMISSIONS = ["moderate_practice", "view_goodpractice", "view_moderationstep"]


def load(apps, schema_editor):
    Theme = apps.get_model("good_practices", "Theme")
    for position, (slug, name) in enumerate(THEMES, start=1):
        Theme.objects.update_or_create(slug=slug, defaults={"name": name, "position": position})


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; create them now to attach them.
    app_config = apps.get_app_config("good_practices")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    for codename in PERMISSIONS:
        group.permissions.add(Permission.objects.get(content_type__app_label="good_practices", codename=codename))


class Migration(migrations.Migration):
    dependencies = [
        ("good_practices", "0001_initial"),
        ("focal_points", "0003_escap_staff_group"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(load, migrations.RunPython.noop),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
