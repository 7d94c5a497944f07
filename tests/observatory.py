"""The Mozilla HTTP Observatory's grade for one response, re-implemented from its
published scoring table (developer.mozilla.org/en-US/observatory/docs/tests_and_scoring)
for every test that can be judged from the response itself: Content Security Policy,
cookies, cross-origin resource sharing, redirection, Referrer-Policy,
Strict-Transport-Security, subresource integrity, X-Content-Type-Options,
X-Frame-Options and Cross-Origin-Resource-Policy. HSTS preloading (+5) is not counted:
it depends on a list outside the response.
"""

import re
from http.cookies import SimpleCookie
from urllib.parse import urlsplit

GRADES = [
    (100, "A+"),
    (90, "A"),
    (85, "A-"),
    (80, "B+"),
    (70, "B"),
    (65, "B-"),
    (60, "C+"),
    (50, "C"),
    (45, "C-"),
    (40, "D+"),
    (30, "D"),
    (25, "D-"),
]
SIX_MONTHS = 15768000
PRIVATE_REFERRER_POLICIES = {"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"}
REFERRER_POLICIES = PRIVATE_REFERRER_POLICIES | {
    "no-referrer-when-downgrade",
    "origin",
    "origin-when-cross-origin",
    "unsafe-url",
}
UNSAFE_SCRIPT_SOURCES = {"'unsafe-inline'", "data:", "*", "http:", "https:"}


def parse_csp(value):
    directives = {}
    for part in value.split(";"):
        words = part.split()
        if words:
            directives.setdefault(words[0].lower(), [w.lower() for w in words[1:]])
    return directives


def content_security_policy(headers):
    value = headers.get("Content-Security-Policy")
    if not value:
        return "csp-not-implemented", -25
    csp = parse_csp(value)
    script = csp.get("script-src", csp.get("default-src"))
    style = csp.get("style-src", csp.get("default-src"))
    objects = csp.get("object-src", csp.get("default-src"))
    if script is None:
        return "csp-implemented-with-unsafe-inline", -20
    allows_inline = any(s in UNSAFE_SCRIPT_SOURCES for s in script) and not any(
        s.startswith(("'nonce-", "'sha256-", "'sha384-", "'sha512-", "'strict-dynamic'")) for s in script
    )
    if allows_inline or (objects is None) or any(s in UNSAFE_SCRIPT_SOURCES for s in objects):
        return "csp-implemented-with-unsafe-inline", -20
    if "'unsafe-eval'" in script:
        return "csp-implemented-with-unsafe-eval", -10
    passive = [s for name in ("img-src", "media-src") for s in csp.get(name, [])]
    if any(s == "http:" or s.startswith("http://") for s in passive):
        return "csp-implemented-with-insecure-scheme-in-passive-content-only", -10
    if style is not None and "'unsafe-inline'" in style:
        return "csp-implemented-with-unsafe-inline-in-style-src-only", 0
    if csp.get("default-src") == ["'none'"]:
        return "csp-implemented-with-no-unsafe-default-src-none", 10
    return "csp-implemented-with-no-unsafe", 5


def cookies(headers, set_cookie_lines):
    if not set_cookie_lines:
        return "cookies-not-found", 0
    hsts = "Strict-Transport-Security" in headers
    worst = ("cookies-secure-with-httponly-sessions-and-samesite", 5)
    for line in set_cookie_lines:
        jar = SimpleCookie()
        jar.load(line)
        for name, morsel in jar.items():
            session = "session" in name.lower() or name.lower() in {"sessionid", "sid"}
            samesite = morsel["samesite"]
            results = []
            if samesite and samesite.lower() not in {"strict", "lax", "none"}:
                results.append(("cookies-samesite-flag-invalid", -20))
            if not morsel["secure"]:
                if session:
                    results.append(
                        ("cookies-session-without-secure-flag-but-protected-by-hsts", -10)
                        if hsts
                        else ("cookies-session-without-secure-flag", -40)
                    )
                else:
                    results.append(
                        ("cookies-without-secure-flag-but-protected-by-hsts", -5)
                        if hsts
                        else ("cookies-without-secure-flag", -20)
                    )
            if session and not morsel["httponly"]:
                results.append(("cookies-session-without-httponly-flag", -30))
            if "csrf" in name.lower() and not samesite:
                results.append(("cookies-anticsrf-without-samesite-flag", -20))
            if not samesite and not results:
                results.append(("cookies-secure-with-httponly-sessions", 0))
            for result in results:
                if result[1] < worst[1]:
                    worst = result
    return worst


def cross_origin_resource_sharing(headers):
    if headers.get("Access-Control-Allow-Origin", "").strip() == "*":
        if headers.get("Access-Control-Allow-Credentials", "").lower() == "true":
            return "cross-origin-resource-sharing-implemented-with-universal-access", -50
        return "cross-origin-resource-sharing-implemented-with-public-access", 0
    return "cross-origin-resource-sharing-not-implemented", 0


def redirection(http_response):
    """The answer to the same address over plain HTTP."""
    location = http_response.headers.get("Location", "")
    if http_response.status_code in (301, 302, 307, 308) and location.startswith("https://"):
        return "redirection-to-https", 0
    return "redirection-missing", -20


def referrer_policy(headers):
    value = headers.get("Referrer-Policy")
    if value is None:
        return "referrer-policy-not-implemented", 0
    # Browsers use the last policy they understand.
    known = [p.strip().lower() for p in value.split(",") if p.strip().lower() in REFERRER_POLICIES]
    if not known:
        return "referrer-policy-header-invalid", -5
    if known[-1] in PRIVATE_REFERRER_POLICIES:
        return "referrer-policy-private", 5
    if known[-1] == "no-referrer-when-downgrade":
        return "referrer-policy-no-referrer-when-downgrade", 0
    return "referrer-policy-unsafe", -5


def strict_transport_security(headers):
    value = headers.get("Strict-Transport-Security")
    if value is None:
        return "hsts-not-implemented", -20
    match = re.search(r"max-age=\"?(\d+)\"?", value, re.IGNORECASE)
    if not match:
        return "hsts-header-invalid", -20
    if int(match.group(1)) < SIX_MONTHS:
        return "hsts-implemented-max-age-less-than-six-months", -10
    return "hsts-implemented-max-age-at-least-six-months", 0


def subresource_integrity(headers, html, own_host):
    if "html" not in headers.get("Content-Type", ""):
        return "sri-not-implemented-response-not-html", 0
    scripts = re.findall(r"<script\b[^>]*>", html, re.IGNORECASE)
    if not scripts:
        return "sri-not-implemented-but-no-scripts-loaded", 0
    for tag in scripts:
        src = re.search(r"\bsrc=[\"']?([^\"' >]+)", tag)
        host = urlsplit(src.group(1)).hostname if src else None
        if host and host != own_host and "integrity=" not in tag:
            return "sri-not-implemented-but-external-scripts-loaded-securely", -5
    return "sri-not-implemented-but-all-scripts-loaded-from-secure-origin", 0


def x_content_type_options(headers):
    value = headers.get("X-Content-Type-Options")
    if value is None:
        return "x-content-type-options-not-implemented", -5
    if value.strip().lower() != "nosniff":
        return "x-content-type-options-header-invalid", -5
    return "x-content-type-options-nosniff", 0


def x_frame_options(headers):
    csp = parse_csp(headers.get("Content-Security-Policy", ""))
    if "frame-ancestors" in csp:
        return "xfo-implemented-via-csp", 5
    value = headers.get("X-Frame-Options")
    if value is None:
        return "x-frame-options-not-implemented", -20
    if value.strip().upper() not in {"DENY", "SAMEORIGIN"}:
        return "x-frame-options-header-invalid", -20
    return "x-frame-options-sameorigin-or-deny", 0


def cross_origin_resource_policy(headers):
    value = headers.get("Cross-Origin-Resource-Policy")
    if value is None:
        return "corp-not-implemented", 0
    if value.strip().lower() not in {"same-site", "same-origin", "cross-origin"}:
        return "corp-header-invalid", -5
    return f"corp-implemented-with-{value.strip().lower()}", 0


def grade(headers, set_cookie_lines, html, own_host, http_response):
    """(score, grade, results): as the Observatory, extra credit counts only from 90 on."""
    results = dict(
        [
            content_security_policy(headers),
            cookies(headers, set_cookie_lines),
            cross_origin_resource_sharing(headers),
            redirection(http_response),
            referrer_policy(headers),
            strict_transport_security(headers),
            subresource_integrity(headers, html, own_host),
            x_content_type_options(headers),
            x_frame_options(headers),
            cross_origin_resource_policy(headers),
        ]
    )
    score = 100 + sum(m for m in results.values() if m < 0)
    if score >= 90:
        score += sum(m for m in results.values() if m > 0)
    letter = next((letter for minimum, letter in GRADES if score >= minimum), "F")
    return score, letter, results
