"""The container's health check: exit 0 when the Streamlit server in this container answers on
its health endpoint, http://127.0.0.1:8501/_stcore/health (under the base URL path when
STREAMLIT_SERVER_BASE_URL_PATH is set), else 1. Standard library only: the slim image has no curl."""

from __future__ import annotations

import os
import sys
import urllib.error
import urllib.request
from collections.abc import Mapping

TIMEOUT_S = 4.0


def health_url(env: Mapping[str, str] = os.environ) -> str:
    port = env.get("STREAMLIT_SERVER_PORT") or "8501"
    base = env.get("STREAMLIT_SERVER_BASE_URL_PATH", "").strip("/")
    return f"http://127.0.0.1:{port}/{base + '/' if base else ''}_stcore/health"


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT_S) as response:  # noqa: S310 - our own URL
            return response.status == 200
    except (OSError, urllib.error.URLError, ValueError):
        return False


if __name__ == "__main__":
    sys.exit(0 if healthy(health_url()) else 1)
