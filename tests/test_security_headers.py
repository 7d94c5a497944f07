"""Every response, pages, PDF and static files alike, carries the security headers, and
they score A+ by the Mozilla Observatory's rules (re-implemented in tests/observatory.py).
Production's cookie and redirect settings are set here; test_deploy_checks proves that
production really has them."""

import pytest
from django.test import Client

from tests import observatory
from tests.test_summary_pdf import PDF_URL, walk_shipped

HOST = "testserver"
PAGES = [
    "/",
    "/en/opties/medicijnen/",
    "/vergelijken/",
    "/mijn-keuze/",
    "/mijn-keuze/wat-vind-ik-belangrijk/",
    "/zorgverlener/inloggen/",
    "/admin/login/",
    "/static/css/app.css",
    "/bestaat-niet/",
]


@pytest.fixture
def production(settings):
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_SECURE = True
    settings.SECURE_SSL_REDIRECT = True


@pytest.fixture
def patient(production, shipped_aids):
    client = Client()
    walk_shipped(client, secure=True)
    return client


def set_cookies(response):
    return [morsel.OutputString() for morsel in response.cookies.values()]


def assert_headers(response):
    csp = observatory.parse_csp(response["Content-Security-Policy"])
    assert "'unsafe-inline'" not in csp.get("script-src", csp["default-src"])
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["default-src"] == ["'none'"]
    max_age = int(response["Strict-Transport-Security"].split("max-age=")[1].split(";")[0])
    assert max_age >= 365 * 24 * 3600
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    # "same-origin", not "no-referrer": see SECURE_REFERRER_POLICY in the settings.
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def assert_a_plus(response, http_response):
    score, grade, results = observatory.grade(
        response, set_cookies(response), body(response).decode(errors="replace"), HOST, http_response
    )
    assert grade == "A+", (score, results)


@pytest.mark.parametrize("path", PAGES)
def test_every_response_has_the_headers_and_scores_a_plus(production, shipped_aids, path):
    client = Client()
    response = client.get(path, secure=True)
    assert response.status_code in (200, 302, 404)
    assert_headers(response)
    assert_a_plus(response, client.get(path))


def test_her_pages_and_pdf_score_a_plus_with_her_cookies(patient):
    session_set = patient.post(
        "/mijn-keuze/vragen/", {"question_1": "Wanneer mag ik weer werken?", "action": "save"}, secure=True
    )
    assert "sessionid" in session_set.cookies
    for response in [
        session_set,
        patient.get("/mijn-keuze/samenvatting/", secure=True),
        patient.get(PDF_URL, secure=True),
    ]:
        assert_headers(response)
        assert_a_plus(response, patient.get("/mijn-keuze/samenvatting/"))


def test_cookies_are_secure_httponly_and_samesite(production, shipped_aids):
    client = Client()
    form = client.get("/mijn-keuze/veiligheid/", secure=True)
    saved = client.post("/mijn-keuze/veiligheid/", {"action": "skip"}, secure=True)
    cookies = {**form.cookies, **saved.cookies}
    assert set(cookies) == {"csrftoken", "sessionid"}
    for morsel in cookies.values():
        assert morsel["secure"] and morsel["httponly"] and morsel["samesite"] == "Lax"


def test_plain_http_is_sent_to_https(production, shipped_aids):
    response = Client().get("/vergelijken/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/vergelijken/"


def test_the_observatory_rules_would_catch_weak_headers(production, shipped_aids):
    client = Client()
    good = client.get("/", secure=True)
    http_response = client.get("/")
    for header, weak in [
        ("Content-Security-Policy", None),
        ("Content-Security-Policy", "default-src 'self'; script-src 'self' 'unsafe-inline'"),
        ("Strict-Transport-Security", None),
    ]:
        headers = dict(good.items())
        if weak is None:
            del headers[header]
        else:
            headers[header] = weak
        _score, grade, _results = observatory.grade(headers, [], good.content.decode(), HOST, http_response)
        assert grade != "A+", header
    insecure_cookie = ["sessionid=abc; HttpOnly; Path=/; SameSite=Lax"]
    headers = {k: v for k, v in good.items() if k != "Strict-Transport-Security"}
    assert observatory.grade(headers, insecure_cookie, "", HOST, http_response)[1] != "A+"
