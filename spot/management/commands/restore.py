import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from spot.backup import MANIFEST, BackupError, restore_backup


class Command(BaseCommand):
    help = "Restore a backup directory (from `manage.py backup`) into the configured, empty database and storage."

    def add_arguments(self, parser):
        parser.add_argument("backup", help="the backup's directory, e.g. backups/20261127T101500Z")

    def handle(self, *args, backup, **options):
        try:
            manifest, differences = restore_backup(backup)
        except BackupError as error:
            raise CommandError(str(error)) from None
        except FileNotFoundError:
            raise CommandError(f"{backup}: no such backup.") from None
        rows = sum(manifest["tables"].values())
        summary = f"{len(manifest['tables'])} tables, {rows} rows, {len(manifest['files'])} files"
        if differences:
            raise CommandError(f"Restored, but it differs from the backup ({summary}):\n" + "\n".join(differences))
        self.stdout.write(f"Restored {Path(backup)}: {summary}, the same as the backup's {MANIFEST}.")
        self.stdout.write(
            json.dumps({"tables": len(manifest["tables"]), "rows": rows, "files": len(manifest["files"])})
        )
