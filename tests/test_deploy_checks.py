"""Django's deployment checks pass with the settings production gets from its
environment: HTTPS redirect, HSTS, secure cookies, a real secret key, DEBUG off."""

import os
import secrets
import subprocess
import sys

from django.conf import settings


def test_check_deploy_passes_at_warning_level_with_production_settings():
    environment = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "keuzehulp.ziekenhuis.example",
        "REDIS_URL": "redis://redis:6379/0",
    }
    # The test run's own switches, which production never has.
    for name in ("SECURE_SSL_REDIRECT", "DJANGO_ALLOW_ASYNC_UNSAFE"):
        environment.pop(name, None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
