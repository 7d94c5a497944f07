"""After a failed save the error summary takes the focus as the page opens (autofocus:
no script needed), so she hears and sees first what to correct; a page without an error
takes nothing away from where she is."""

import re

from tests.helpers import save, walk


def test_a_step_without_an_error_focuses_nothing(client, factory_aids):
    walk(client, ["safety", "situation"])
    page = client.get("/mijn-keuze/wat-vind-ik-belangrijk/").content.decode()
    assert "autofocus" not in page
    assert "<title>Wat vind jij belangrijk?" in page


def test_after_a_failed_save_the_error_summary_has_the_focus(client, factory_aids):
    walk(client, ["safety", "situation"])
    response = save(client, "values", {"thuis": "9"})
    assert response.status_code == 400
    page = response.content.decode()
    assert page.count("autofocus") == 1
    assert re.search(r'<div class="error-summary" role="alert"[^>]* tabindex="-1" autofocus>', page)
    assert "<title>Fout: Wat vind jij belangrijk?" in page


def test_a_wrong_resume_code_focuses_the_error_summary_too(client, factory_aids):
    page = client.post("/mijn-keuze/verder/", {"code": "te kort"}).content.decode()
    assert page.count("autofocus") == 1
    assert 'tabindex="-1" autofocus>' in page
