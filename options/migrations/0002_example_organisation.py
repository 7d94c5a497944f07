from django.db import migrations


def add_example(apps, schema_editor):
    OrganisationProfile = apps.get_model("options", "OrganisationProfile")
    if not OrganisationProfile.objects.exists():
        # Clearly not a real hospital: the pages say these are example numbers until an
        # administrator enters the hospital's own profile.
        OrganisationProfile.objects.create(
            name="Voorbeeldziekenhuis (voorbeeldprofiel: vervang dit door je eigen ziekenhuis)",
            phone_office_hours="012 345 67 89",
            phone_out_of_hours="012 345 67 00",
            website="",
            is_example=True,
        )


def remove_example(apps, schema_editor):
    apps.get_model("options", "OrganisationProfile").objects.filter(is_example=True).delete()


class Migration(migrations.Migration):
    dependencies = [("options", "0001_initial")]

    operations = [migrations.RunPython(add_example, remove_example)]
