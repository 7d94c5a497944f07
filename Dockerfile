# The production-like image: gunicorn behind whitenoise for static files.
FROM node:20-bookworm-slim AS assets
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
# Bootstrap trimmed to the rules our pages use, by the same script and over the same files
# as `make` (decision 0007): the templates, our Python and our scripts.
COPY scripts/trim_css.mjs scripts/trim_css.mjs
COPY templates templates
COPY keuzehulp keuzehulp
COPY options options
COPY answers answers
COPY clinicians clinicians
COPY hospitals hospitals
COPY static/js static/js
RUN node scripts/trim_css.mjs

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core gettext \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements/production.txt requirements/production.txt
RUN pip install --no-cache-dir --require-hashes -r requirements/production.txt
COPY pyproject.toml ./
COPY keuzehulp keuzehulp
COPY options options
COPY answers answers
COPY clinicians clinicians
COPY hospitals hospitals
RUN pip install --no-cache-dir --no-deps .
COPY . .
COPY --from=assets /app/static-build static-build
RUN DEBUG=true python manage.py compilemessages --ignore=node_modules -v 0 \
    && DEBUG=true SECRET_KEY=build-only python manage.py collectstatic --no-input -v 0
RUN useradd --system --no-create-home keuzehulp
USER keuzehulp
EXPOSE 8000
CMD ["scripts/start-web.sh"]
