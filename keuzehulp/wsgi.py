import os
from importlib import import_module

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "keuzehulp.settings")

application = get_wsgi_application()

# Import every view now (WeasyPrint among them, which takes about a second): with
# gunicorn's --preload, workers are forked with them loaded, so a worker that replaces
# another after max-requests answers its first request at once.
import_module(settings.ROOT_URLCONF)
