"""ESCAP staff enter the official translations of the measures and of country names in the admin."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "ESCAP staff"
PERMISSIONS = [
    ("spot", "change_country"),
    ("measures", "view_measure"),
    ("measures", "change_measure"),
    ("measures", "view_measuretarget"),
    ("measures", "change_measuretarget"),
]


def grant(apps, schema_editor):
    for app_label in {app_label for app_label, _ in PERMISSIONS}:
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    for app_label, codename in PERMISSIONS:
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


class Migration(migrations.Migration):
    dependencies = [
        ("focal_points", "0003_escap_staff_group"),
        ("measures", "0003_official_translations"),
        ("spot", "0005_languages"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
