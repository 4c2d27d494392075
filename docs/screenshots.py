"""The retailer's board questions as the app answers them, as screenshots in docs/ (issues 12, 13).

    python -m docs.screenshots

A real `streamlit run` (bench/server.py) in headless Chromium. The organisation: a retailer of 250
employees with one social media manager, 2.5 MSEK a year, 4 channels, 15 posts and 400 messages a
week, 80,000 SEK a month in ads and 3 influencers. Two options are saved in a private workspace:
an in-house community manager, or a community agency on a retainer of 60,000 SEK a month.
Then (issue 13) the retailer with a social media manager and a community manager promising a reply
within 4 hours: the July test and the reply-time promise on the Simulator, the briefs page.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from bench.server import streamlit_server

DOCS = Path(__file__).resolve().parent
RETAILER = ("budget_sek=2500000&channels=4&posts_per_week=15&inbound_per_week=400"
            "&ad_spend_sek_month=80000&influencers=3&org_size=250")
OPTIONS = (
    ("In-house community manager", "team=social_media_manager&team=community_manager"),
    ("Community agency on retainer", "team=social_media_manager&retainers=community_agency:community:60000"),
)


def wait_ready(page) -> None:
    page.wait_for_selector("[data-test-script-state='notRunning']", state="attached", timeout=120_000)
    page.wait_for_timeout(1500)
    page.wait_for_selector("[data-test-script-state='notRunning']", state="attached", timeout=120_000)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder, streamlit_server(Path(folder)) as url, \
            sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
        page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        page.goto(f"{url}/compare")
        wait_ready(page)
        page.get_by_role("button", name="New private workspace").click()
        wait_ready(page)
        link = page.get_by_test_id("stCode").inner_text().strip()
        for name, params in OPTIONS:
            page.goto(f"{link}&{RETAILER}&{params}")
            wait_ready(page)
            form = page.get_by_test_id("stForm").first
            form.get_by_label("Name").fill(name)
            form.get_by_role("button", name="Save").click()
            wait_ready(page)
        for lang in ("en", "sv"):
            page.goto(f"{url}/?team=social_media_manager&{RETAILER}&target_coverage=0.85&lang={lang}")
            wait_ready(page)
            page.screenshot(path=DOCS / f"retailer-85-percent-{lang}.png", full_page=False)
            page.goto(f"{link}&lang={lang}")
            wait_ready(page)
            heading = page.get_by_text("Which is cheaper for the same coverage?" if lang == "en"
                                       else "Vilket är billigast för samma täckning?")
            heading.scroll_into_view_if_needed()
            page.wait_for_timeout(500)
            page.screenshot(path=DOCS / f"retailer-in-house-or-agency-{lang}.png", full_page=False)
        holidays_and_briefs(page, url)
        browser.close()


HOLIDAY_TEAM = "team=social_media_manager&team=community_manager&reply_hours=4"
BRIEF = ("brief_goal=Grow+online+orders+from+social+by+20+%25+in+2027"
         "&brief_audience=Shoppers+25-45+in+western+Sweden,+mostly+on+Instagram")
HEADINGS = {"en": ("Holidays and single points of failure", "Briefs for the work the plan buys"),
            "sv": ("Semester och sårbara punkter", "Briefer för arbetet som planen köper in")}


def holidays_and_briefs(page, url: str) -> None:
    """The July test and the reply-time promise (Simulator), and the briefs page, in both languages."""
    for lang, (july, briefs) in HEADINGS.items():
        page.goto(f"{url}/?{RETAILER}&{HOLIDAY_TEAM}&lang={lang}")
        wait_ready(page)
        page.get_by_role("heading", name=july).evaluate("e => e.scrollIntoView({block: 'start'})")
        page.wait_for_timeout(800)
        page.screenshot(path=DOCS / f"retailer-july-test-{lang}.png", full_page=False)
        page.goto(f"{url}/handover?{RETAILER}&{HOLIDAY_TEAM}&{BRIEF}&lang={lang}")
        wait_ready(page)
        page.get_by_role("heading", name=briefs).evaluate("e => e.scrollIntoView({block: 'start'})")
        page.wait_for_timeout(800)
        page.screenshot(path=DOCS / f"retailer-briefs-{lang}.png", full_page=False)


if __name__ == "__main__":
    main()
