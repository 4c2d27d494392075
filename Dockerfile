# The app in a container: `docker build -t social-media-org-simulator .` then
# `docker run -p 8501:8501 -v social-sim-saved:/app/saved social-media-org-simulator`
# (saved scenarios in SQLite on the volume), or with SOCIAL_SIM_DATABASE_URL set to a PostgreSQL
# URL (compose.yaml runs two replicas behind nginx with PostgreSQL 16). See README, "Hosting".
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    STREAMLIT_SERVER_ADDRESS=0.0.0.0 \
    STREAMLIT_SERVER_PORT=8501

# An unprivileged user with a fixed id (so volumes and runAsNonRoot checks can rely on it).
RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --create-home --home-dir /home/app --shell /usr/sbin/nologin app

WORKDIR /app

# Dependencies first, so a code change does not reinstall them. psycopg is the PostgreSQL driver
# for SOCIAL_SIM_DATABASE_URL=postgresql+psycopg://… (the same pin as requirements-dev.txt).
COPY requirements.txt .
RUN pip install -r requirements.txt "psycopg[binary]==3.3.9"

# The code stays owned by root (read-only for the app); only saved/ is writable.
COPY . .
RUN mkdir -p /app/saved && chown app:app /app/saved
VOLUME ["/app/saved"]

USER 10001:10001

EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=40s --retries=3 \
    CMD ["python", "/app/deploy/healthcheck.py"]

# Streamlit reads its address and port from the environment above (every interface of the
# container, port 8501); .streamlit/config.toml sets headless mode. Serve it under a path with
# -e STREAMLIT_SERVER_BASE_URL_PATH=simulator (the health check follows it).
CMD ["streamlit", "run", "app.py"]
