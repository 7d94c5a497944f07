"""The roles for hospitals ship with the app, so a hospital knows what to give whom (the
same pattern as the content's roles, options/migrations/0010_content_roles.py). A
membership (hospitals.Membership) says for which hospitals an account has its rights:

- a clinician opens the share codes of her hospitals' patients;
- a hospital's editor changes her hospital's profile (numbers, website) and its parts,
  nothing else: no other hospital, no content, no accounts; going live, the address and
  the example mark are the platform's (hospitals/admin.py);
- the platform's hospital managers add hospitals, put them live and give accounts their
  hospitals."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CLINICIAN = "Ziekenhuis: arts"
HOSPITAL_EDITOR = "Ziekenhuis: redacteur"
PLATFORM_HOSPITALS = "Platform: ziekenhuizen en medewerkers"

ROLES = {
    CLINICIAN: ["open_share_codes"],
    HOSPITAL_EDITOR: ["view_hospital", "change_hospital"],
    PLATFORM_HOSPITALS: [
        f"{right}_{model}" for model in ("hospital", "membership") for right in ("view", "add", "change", "delete")
    ]
    + ["manage_every_hospital"],
}


def add_roles(apps, schema_editor):
    # Permissions are made after all migrations; make them now so the groups can get them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    hospitals = Permission.objects.filter(content_type__app_label="hospitals")
    for name, codenames in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(hospitals.filter(codename__in=codenames))


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("hospitals", "0004_memberships"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(add_roles, remove_roles)]
