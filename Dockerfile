# The API image: one uvicorn process per container; run several behind nginx.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    HOST=0.0.0.0 \
    PORT=8000

WORKDIR /app
RUN useradd --system --home-dir /app practice

# Dependencies first, so that a source change does not reinstall them: the
# project is installed once with empty packages to pull in its dependencies,
# then removed. The code runs from /app, where settings.py also lives.
COPY pyproject.toml ./
RUN mkdir -p api db domain migrations dataset \
    && touch api/__init__.py db/__init__.py domain/__init__.py \
       migrations/__init__.py dataset/__init__.py \
    && pip install . \
    && pip uninstall -y practice-center-api \
    && rm -rf api db domain migrations dataset build *.egg-info

COPY settings.py ./
COPY api ./api
COPY db ./db
COPY domain ./domain
COPY migrations ./migrations
COPY dataset ./dataset

USER practice
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ['PORT'], timeout=2)"]
CMD ["python", "-m", "api"]
