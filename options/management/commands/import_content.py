from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from options.actions import import_content
from options.content.files import load_translations
from options.content.schema import ContentError


class Command(BaseCommand):
    help = (
        "Import a decision aid's content (a language file, or a folder of them) as new "
        "published versions. Every language file in the folder is checked against the "
        "others. Content equal to the newest published version makes no new version."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="e.g. content/miskraam or content/miskraam/nl.yaml")

    def handle(self, path, **options):
        path = Path(path)
        directory = path if path.is_dir() else path.parent
        try:
            contents = load_translations(directory)
        except ContentError as error:
            raise CommandError("The content has problems:\n- " + "\n- ".join(error.problems)) from error
        if not path.is_dir():
            contents = {path.stem: contents[path.stem]}
        for language, content in contents.items():
            aid, created = import_content(content)
            verb = "imported as" if created else "unchanged, still"
            self.stdout.write(f"{content['slug']} ({language}): {verb} version {aid.version}")
