"""The right to see the monthly figures, given to the groups that ship with the app
(hospitals/migrations/0005_hospital_roles.py): a hospital's clinicians and editors see
their own hospitals' figures, the platform's hospital managers every hospital's."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = {
    "Ziekenhuis: arts": ["view_figures"],
    "Ziekenhuis: redacteur": ["view_figures"],
    "Platform: ziekenhuizen en medewerkers": ["view_figures"],
}


def add_right(apps, schema_editor):
    # Permissions are made after all migrations; make them now so the groups can get them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*Permission.objects.filter(content_type__app_label="figures", codename__in=codenames))


def remove_right(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    rights = Permission.objects.filter(content_type__app_label="figures", codename="view_figures")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=ROLES):
        group.permissions.remove(*rights)


class Migration(migrations.Migration):
    dependencies = [
        ("figures", "0001_monthly_counts"),
        ("hospitals", "0005_hospital_roles"),
    ]

    operations = [migrations.RunPython(add_right, remove_right)]
