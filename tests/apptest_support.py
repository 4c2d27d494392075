"""Helpers for AppTest on the whole app (app.py with its shared sidebar and st.navigation).

The app is driven as in `bench/appdriver.py` (importing it switches off Streamlit's legacy pages/
mode under AppTest, as a real server does after st.navigation); here `run` also fails the test on
any exception the app showed.
"""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from bench.appdriver import APP, PAGE_FILES, ROOT, new_app

__all__ = ["APP", "PAGE_FILES", "ROOT", "metrics", "new_app", "run"]


def run(at: AppTest) -> AppTest:
    """Run, and fail with the exception text if the app showed one."""
    at.run()
    assert not at.exception, [exception.value for exception in at.exception]
    errors = [error.value for error in at.error if "Something went wrong" in str(error.value)]
    assert not errors, errors
    return at


def metrics(at: AppTest) -> dict[str, str]:
    return {metric.label: metric.value for metric in at.metric}
