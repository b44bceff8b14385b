"""ESCAP staff review and publish progress reports and manage reporting cycles."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "ESCAP staff"
PERMISSIONS = [
    ("progress_reports", "review_report"),
    ("progress_reports", "view_progressreport"),
    ("progress_reports", "manage_cycle"),
    ("progress_reports", "view_reportingcycle"),
    ("progress_reports", "add_reportingcycle"),
    ("progress_reports", "change_reportingcycle"),
]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; create them now to attach them.
    app_config = apps.get_app_config("progress_reports")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    for app_label, codename in PERMISSIONS:
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


class Migration(migrations.Migration):
    dependencies = [
        ("progress_reports", "0001_reports_and_cycles"),
        ("focal_points", "0003_escap_staff_group"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
