#!/bin/sh
# The web container: gunicorn, workers from the CPU count. The schema and the content are
# brought up to date before (the compose file's migrate service). A worker is replaced
# after about 2000 requests, a safety net against slow memory growth; --preload makes that
# replacement a fork of the loaded app, not a second of start-up. The access log
# leaves out the client's address (and her answers never travel in a URL).
set -e
exec gunicorn keuzehulp.wsgi --bind 0.0.0.0:8000 --workers "${WEB_CONCURRENCY:-$(( $(nproc) * 2 + 1 ))}" \
  --preload --max-requests 2000 --max-requests-jitter 200 --timeout 30 --graceful-timeout 20 \
  --access-logfile - --access-logformat '%(t)s "%(r)s" %(s)s %(b)s %(M)sms'
