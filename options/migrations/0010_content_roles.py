"""The roles for the shared content ship with the app, so a hospital knows what to give
whom: an editor makes and edits drafts, a reviewer (a second clinician) approves a draft by
publishing it, never one she made or edited herself (options.actions.publish)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR = "Inhoud: redacteur"
REVIEWER = "Inhoud: beoordelaar"
CONTENT_MODELS = [
    "decisionaid",
    "source",
    "option",
    "alarmsign",
    "outcome",
    "comparisonrow",
    "comparisoncell",
    "valuestatement",
    "valuestatementfit",
    "knowledgequestion",
    "knowledgechoice",
    "flag",
    "situationquestion",
    "situationchoice",
    "infosection",
]


def add_roles(apps, schema_editor):
    # Permissions are made after all migrations; make them now so the groups can get them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    options = Permission.objects.filter(content_type__app_label="options")
    view = [f"view_{model}" for model in CONTENT_MODELS]
    edit = [f"{right}_{model}" for model in CONTENT_MODELS for right in ("add", "change")]
    editor, _ = Group.objects.get_or_create(name=EDITOR)
    editor.permissions.set(options.filter(codename__in=view + edit))
    reviewer, _ = Group.objects.get_or_create(name=REVIEWER)
    reviewer.permissions.set(options.filter(codename__in=[*view, "publish_decisionaid"]))


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[EDITOR, REVIEWER]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("options", "0009_editors_of_a_draft"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(add_roles, remove_roles)]
