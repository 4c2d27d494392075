"""A real `streamlit run` on a free port of 127.0.0.1 with its own database file, for the browser
tests (tests/browser/conftest.py) and the browser benchmark (bench/bench_browser.py)."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
START_TIMEOUT_S = 60


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def streamlit_server(folder: Path, script: str = "app.py",
                     env: dict[str, str] | None = None) -> Iterator[str]:
    """Run `streamlit run script` with the database file `folder/scenarios.sqlite` (and `env` added
    to the environment); yield the base URL (http://127.0.0.1:PORT); stop the server afterwards."""
    port = free_port()
    environment = dict(os.environ, SOCIAL_SIM_DATABASE_URL=f"sqlite:///{folder / 'scenarios.sqlite'}",
                       **(env or {}))
    command = [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port),
               "--server.address", "127.0.0.1", "--server.headless", "true",
               "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    url = f"http://127.0.0.1:{port}"
    log_path = folder / f"{Path(script).stem}.log"
    with open(log_path, "w") as log:
        process = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.time() + START_TIMEOUT_S
            while True:
                try:
                    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                        if answer.status == 200:
                            break
                except OSError:
                    pass
                if time.time() > deadline or process.poll() is not None:
                    raise RuntimeError(f"{script} did not start: {log_path.read_text()}")
                time.sleep(0.3)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
