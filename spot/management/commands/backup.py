from django.core.management.base import BaseCommand, CommandError

from spot.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Back up the configured database (pg_dump custom format) and every uploaded file into backups/<time>/."

    def add_arguments(self, parser):
        parser.add_argument(
            "--into", default="backups", help="the directory that receives the backup (default backups)"
        )

    def handle(self, *args, into, **options):
        try:
            target = create_backup(into)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Backed up into {target}")
