"""The database cache table, so every database (tests included) has the shared cache ready."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("spot", "0002_countries")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
