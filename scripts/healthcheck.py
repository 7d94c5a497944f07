"""The compose healthcheck: `python scripts/healthcheck.py /readyz` exits 0 when the app
answers 200. It asks as the first of ALLOWED_HOSTS, which Django would otherwise refuse."""

import http.client
import os
import sys

path = sys.argv[1] if len(sys.argv) > 1 else "/healthz"
host = os.environ.get("ALLOWED_HOSTS", "localhost").split(",")[0].strip().lstrip(".") or "localhost"
try:
    connection = http.client.HTTPConnection("127.0.0.1", 8000, timeout=5)
    connection.request("GET", path, headers={"Host": host})
    sys.exit(0 if connection.getresponse().status == 200 else 1)
except OSError:
    sys.exit(1)
