"""A clinician logs out from any of her pages with a button (a POST with its CSRF token:
Django's LogoutView refuses a GET), and lands on the login page, which says so. The
summary she had open is closed with the session."""

from django.test import Client

from tests.helpers import arrive, clinician_client, share_code_of, text_of, walk


def test_log_out_closes_the_session_and_shows_the_login_page(client, factory_aids):
    walk(arrive(client))
    code = share_code_of(client)
    clinician = clinician_client()
    assert clinician.post("/zorgverlener/", {"code": code}, follow=True).status_code == 200
    response = clinician.post("/zorgverlener/uitloggen/", follow=True)
    assert response.redirect_chain == [("/zorgverlener/inloggen/?uitgelogd", 302)]
    assert response.status_code == 200
    assert "U bent uitgelogd." in text_of(response)
    assert "_auth_user_id" not in clinician.session
    assert clinician.get("/zorgverlener/samenvatting/")["Location"].startswith("/zorgverlener/inloggen/")


def test_log_out_in_english_lands_on_the_english_login_page(factory_aids):
    clinician = clinician_client()
    response = clinician.post("/en/zorgverlener/uitloggen/", follow=True)
    assert response.redirect_chain == [("/en/zorgverlener/inloggen/?uitgelogd", 302)]
    assert "You have been logged out." in text_of(response)


def test_log_out_is_not_a_link(factory_aids):
    clinician = clinician_client()
    assert clinician.get("/zorgverlener/uitloggen/").status_code == 405
    assert clinician.get("/zorgverlener/").status_code == 200


def test_log_out_needs_the_csrf_token(factory_aids):
    clinician = clinician_client()
    clinician.handler.enforce_csrf_checks = True
    assert clinician.post("/zorgverlener/uitloggen/").status_code == 403
    assert clinician.get("/zorgverlener/").status_code == 200


def test_the_login_page_says_logged_out_only_to_someone_logged_out(factory_aids):
    assert "U bent uitgelogd." not in text_of(Client().get("/zorgverlener/inloggen/"))
    clinician = clinician_client()
    assert "U bent uitgelogd." not in text_of(clinician.get("/zorgverlener/inloggen/?uitgelogd"))
