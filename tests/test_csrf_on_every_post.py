"""No form can be posted from another site: CSRF is enforced on every URL that takes a
POST, and no view of ours or of the admin is exempt."""

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

OUR_APPS = ("options", "answers", "clinicians")


def patterns(resolver=None, namespace=""):
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from patterns(pattern, inner)
        elif isinstance(pattern, URLPattern):
            yield namespace, pattern


def our_urls_without_arguments():
    for namespace, pattern in patterns():
        if namespace.rstrip(":") in OUR_APPS and pattern.name and not pattern.pattern.regex.groups:
            yield reverse(f"{namespace}{pattern.name}")


def test_no_view_is_exempt_from_csrf():
    exempt = [str(pattern.pattern) for _, pattern in patterns() if getattr(pattern.callback, "csrf_exempt", False)]
    assert exempt == []


@pytest.mark.parametrize("url", sorted(set(our_urls_without_arguments())) + ["/admin/login/"])
def test_a_post_without_a_token_is_refused(factory_aids, url):
    client = Client(enforce_csrf_checks=True)
    client.get("/mijn-keuze/veiligheid/")  # a session and a token cookie, but no token in the form
    response = client.post(url, {"action": "save"})
    assert response.status_code == 403, url
