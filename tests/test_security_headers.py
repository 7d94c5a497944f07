"""Every response, pages, PDF and static files alike, carries the security headers, each
asserted here by value: what the Mozilla HTTP Observatory rewards (a CSP without inline
script and with default-src, object-src, base-uri and frame-ancestors 'none'; HSTS of at
least six months; nosniff; framing refused; a private Referrer-Policy; no CORS for
everyone; secure, HttpOnly, SameSite cookies; plain HTTP redirected to HTTPS).
The real scanner (npm @mdn/mdn-http-observatory) only scans a host name over the default
ports with a publicly trusted certificate, so it is run against the deployed site, not
here. Production's cookie and redirect settings are set here; test_deploy_checks proves
that production really has them."""

import pytest
from django.test import Client

from tests.helpers import PDF_URL, walk

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
def patient(production, factory_aids):
    client = Client()
    walk(client, secure=True)
    return client


def set_cookies(response):
    return [morsel.OutputString() for morsel in response.cookies.values()]


def parse_csp(value):
    directives = {}
    for part in value.split(";"):
        words = part.split()
        if words:
            directives.setdefault(words[0].lower(), [w.lower() for w in words[1:]])
    return directives


def assert_headers(response):
    csp = parse_csp(response["Content-Security-Policy"])
    assert csp["default-src"] == ["'none'"]
    assert csp["script-src"] == ["'self'"]  # no 'unsafe-inline', 'unsafe-eval', data: or hosts
    assert csp["style-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["form-action"] == ["'self'"]
    assert csp["connect-src"] == ["'self'"]  # for Lighthouse's look at robots.txt; no other host
    assert not any(source.startswith("http:") for sources in csp.values() for source in sources)
    hsts = response["Strict-Transport-Security"]
    assert int(hsts.split("max-age=")[1].split(";")[0]) >= 365 * 24 * 3600
    assert "includeSubDomains" in hsts
    assert "preload" in hsts
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    # "same-origin", not "no-referrer": see SECURE_REFERRER_POLICY in the settings.
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin" or not is_html(response)
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "Access-Control-Allow-Origin" not in response


def is_html(response):
    return response.get("Content-Type", "").startswith("text/html")


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def assert_no_script_from_elsewhere(response):
    if is_html(response):
        html = body(response).decode()
        assert "<script" not in html or 'src="/static/' in html
        assert "//cdn" not in html
        assert 'src="http' not in html


def assert_cookies_are_safe(response):
    for morsel in response.cookies.values():
        assert morsel["secure"]
        assert morsel["httponly"]
        assert morsel["samesite"] == "Lax"


@pytest.mark.parametrize("path", PAGES)
def test_every_response_has_the_headers(production, factory_aids, path):
    client = Client()
    response = client.get(path, secure=True)
    assert response.status_code in (200, 302, 404)
    assert_headers(response)
    assert_no_script_from_elsewhere(response)
    assert_cookies_are_safe(response)
    plain = client.get(path)
    assert plain.status_code == 301
    assert plain["Location"].startswith("https://")


def test_her_pages_and_pdf_have_the_headers_with_her_cookies(patient):
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
        assert_no_script_from_elsewhere(response)
        assert_cookies_are_safe(response)


def test_cookies_are_secure_httponly_and_samesite(production, factory_aids):
    client = Client()
    form = client.get("/mijn-keuze/veiligheid/", secure=True)
    saved = client.post("/mijn-keuze/veiligheid/", {"action": "skip"}, secure=True)
    cookies = {**form.cookies, **saved.cookies}
    assert set(cookies) == {"csrftoken", "sessionid"}
    for morsel in cookies.values():
        assert morsel["secure"]
        assert morsel["httponly"]
        assert morsel["samesite"] == "Lax"


def test_plain_http_is_sent_to_https(production, factory_aids):
    response = Client().get("/vergelijken/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/vergelijken/"
