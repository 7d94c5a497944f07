import os
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test.client import MULTIPART_CONTENT, RequestFactory

from options import published
from options.actions import import_content
from options.content.files import load_translations
from tests import factories

CONTENT_DIR = Path(settings.BASE_DIR) / "content" / "miskraam"

_post = RequestFactory.post


def post_as_a_browser(self, path, data=None, content_type=MULTIPART_CONTENT, *args, **kwargs):
    """The test client sends a form as multipart by default; a browser sends our forms
    (no files) urlencoded, and the app refuses anything else. A test that means to send
    multipart passes its own encoded body and content type."""
    if content_type is MULTIPART_CONTENT and isinstance(data, dict | None):
        data, content_type = urlencode(data or {}, doseq=True), "application/x-www-form-urlencoded"
    return _post(self, path, data, content_type, *args, **kwargs)


RequestFactory.post = post_as_a_browser


def pytest_report_header(config):
    database = settings.DATABASES["default"]
    cache_backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    return [
        f"database: {database['ENGINE'].rsplit('.', 1)[-1]} ({database.get('HOST') or database['NAME']})",
        f"cache: {cache_backend}",
    ]


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate limits count per client address, and the content is cached by primary key,
    which test databases reuse: every test starts with neither."""
    cache.clear()
    published.forget_everything()


@pytest.fixture(scope="session")
def shipped_content():
    """The content files of the repository, checked once per run."""
    return load_translations(CONTENT_DIR)


@pytest.fixture
def factory_aids(db):
    """Small factory content in both languages: for tests that are not about the shipped
    content, so that an edit of content/miskraam cannot break them."""
    return {language: factories.published_aid(language) for language in ("nl", "en")}


@pytest.fixture
def shipped_aids(db, shipped_content):
    """The shipped content, imported as the published versions in every language."""
    return {language: import_content(content)[0] for language, content in shipped_content.items()}


ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Browser tests last (after pytest-django's own ordering): the browser, once started,
    keeps an event loop in this thread, and no other test must run beside it."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item):
    """Sync Playwright runs an event loop in the test's thread, and Django then refuses the
    test's own queries: only browser tests get that check relaxed, from before their
    fixtures are set up until after they are torn down."""
    if item.get_closest_marker("browser"):
        os.environ[ASYNC_UNSAFE] = "true"
    return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    try:
        return (yield)
    finally:
        os.environ.pop(ASYNC_UNSAFE, None)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def phone(browser):
    """A fresh phone-sized browser context (no cookies), and its page."""
    from tests.browser import PHONE

    context = browser.new_context(viewport=PHONE, device_scale_factor=1)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def live_aids(transactional_db, shipped_content):
    """The shipped content, visible to the live server's thread."""
    return {language: import_content(content)[0] for language, content in shipped_content.items()}


# Two hospitals, for the tests of what differs between them (numbers, practices, staff).


@pytest.fixture
def noord(db):
    return factories.hospital("noord", name="Ziekenhuis Noord")


@pytest.fixture
def zuid(db):
    return factories.hospital("zuid", name="Ziekenhuis Zuid")
