"""Helpers for AppTest on the whole app (app.py with its shared sidebar and st.navigation).

The app is driven as in `bench/appdriver.py` (importing it switches off Streamlit's legacy pages/
mode under AppTest, as a real server does after st.navigation); here `run` also fails the test on
any exception the app showed.
"""

from __future__ import annotations

import logging

from streamlit.testing.v1 import AppTest

from bench.appdriver import APP, PAGE_FILES, ROOT, new_app

__all__ = ["APP", "PAGE_FILES", "ROOT", "metrics", "new_app", "run"]


class _PageFailures(logging.Handler):
    """What app.py logs when a page raised (it shows the user a translated "Something went wrong",
    which a test in another language than English would not recognise)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.failures: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.getMessage() == "page failed":
            error = record.exc_info[1] if record.exc_info else None
            self.failures.append(f"{type(error).__name__}: {error}")


def run(at: AppTest) -> AppTest:
    """Run, and fail with the exception text if the app showed one or a page failed."""
    handler, app_log = _PageFailures(), logging.getLogger("app")
    app_log.addHandler(handler)
    try:
        at.run()
    finally:
        app_log.removeHandler(handler)
    assert not at.exception, [exception.value for exception in at.exception]
    assert not handler.failures, handler.failures
    errors = [error.value for error in at.error if "Something went wrong" in str(error.value)]
    assert not errors, errors
    return at


def metrics(at: AppTest) -> dict[str, str]:
    return {metric.label: metric.value for metric in at.metric}
