from django.core.management.base import BaseCommand

from answers.actions import purge_expired


class Command(BaseCommand):
    help = "Delete answers past their retention time and expired sessions. Safe to run from cron, as often as you like."

    def handle(self, **options):
        records, sessions = purge_expired()
        self.stdout.write(f"Deleted {records} expired answer records and {sessions} expired sessions.")
