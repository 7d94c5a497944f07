"""The organisation profiles become hospitals: the shipped example becomes the example
hospital at /ziekenhuis/voorbeeld/; a real profile becomes a live hospital when it has a
number for outside office hours (now: the number reachable day and night)."""

from django.db import migrations
from django.utils.text import slugify

EXAMPLE_SLUG = "voorbeeld"


def unique_slug(Hospital, name):
    base = slugify(name)[:50] or "ziekenhuis"
    slug, n = base, 1
    while Hospital.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def profiles_to_hospitals(apps, schema_editor):
    OrganisationProfile = apps.get_model("options", "OrganisationProfile")
    Hospital = apps.get_model("hospitals", "Hospital")
    for profile in OrganisationProfile.objects.order_by("pk"):
        example = profile.is_example
        taken = Hospital.objects.filter(slug=EXAMPLE_SLUG).exists()
        Hospital.objects.create(
            name=profile.name,
            slug=EXAMPLE_SLUG if example and not taken else unique_slug(Hospital, profile.name),
            phone_office_hours=profile.phone_office_hours,
            phone_24h=profile.phone_out_of_hours,
            website=profile.website,
            is_example=example,
            is_live=not example and bool(profile.phone_out_of_hours),
        )


def hospitals_to_profiles(apps, schema_editor):
    OrganisationProfile = apps.get_model("options", "OrganisationProfile")
    Hospital = apps.get_model("hospitals", "Hospital")
    for hospital in Hospital.objects.order_by("pk"):
        OrganisationProfile.objects.create(
            name=hospital.name,
            phone_office_hours=hospital.phone_office_hours,
            phone_out_of_hours=hospital.phone_24h,
            website=hospital.website,
            is_example=hospital.is_example,
        )
    Hospital.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("hospitals", "0001_hospitals"),
        ("options", "0005_publish_permission"),
    ]

    operations = [migrations.RunPython(profiles_to_hospitals, hospitals_to_profiles)]
