#!/bin/sh
# Start of the web container: schema and content first, then gunicorn.
set -e
python manage.py migrate --no-input
python manage.py import_content content/miskraam
exec gunicorn keuzehulp.wsgi --bind 0.0.0.0:8000 --workers "${WEB_CONCURRENCY:-$(( $(nproc) * 2 + 1 ))}" \
  --max-requests 2000 --max-requests-jitter 200 --access-logfile - 
