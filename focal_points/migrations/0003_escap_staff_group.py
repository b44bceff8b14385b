"""The "ESCAP staff" group, carrying the permissions of the secretariat.

Later apps add their review and moderation permissions to the same group.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "ESCAP staff"
PERMISSIONS = [
    ("focal_points", "manage_network"),
    ("focal_points", "view_focalpoint"),
    ("focal_points", "change_focalpoint"),
    ("focal_points", "view_invitation"),
    ("spot", "view_auditevent"),
    ("spot", "view_user"),
    ("spot", "view_country"),
]


def create_group(apps, schema_editor):
    # Permissions are normally created after all migrations; create them now to attach them.
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
        ("focal_points", "0002_initial"),
        ("spot", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, migrations.RunPython.noop)]
