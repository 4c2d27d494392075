"""Benchmark of the Simulator's response to a slider in a real browser:
`python bench/bench_browser.py` (not a test; about two minutes).

Two `streamlit run` servers on free ports of 127.0.0.1, each opened in its own headless Chromium
page (Debian's /usr/bin/chromium through Playwright, as tests/browser does):

- app.py on the Simulator page, opened with APP_QUERY: a scenario where the budget binds and
  team sizes 2, 3 and 4 each give another plan, so that its charts change on every move;
- bench/bare_page.py: the same sidebar widgets and four Plotly charts of the same kinds and sizes,
  built from constant data (their numbers follow the sliders by fixed arithmetic, so that the
  browser redraws them too), and nothing else.

Each measured move presses an arrow key on a sidebar slider of both pages, interleaved (which page
goes first alternates), and times in the page, with performance.now(), from the keydown until the
page has settled:

- the rerun's messages have come over the websocket and the script state is `notRunning`;
- then neither the document nor the websocket changed for QUIET_MS (Plotly drawing the changed
  charts anew, the Sankey diagram's transition, Streamlit clearing the stale marks, layout);
- the time taken is that of the first animation frame after the last change (or of the last
  message, if later): when the user sees the page finished.

Two kinds of move: `budget` (the budget slider one step up each time: a value never seen before,
so the model and the figures are computed afresh) and `team` (the team-size slider back and forth
over 2-4: values seen before, caches warm). Medians of --moves moves of each kind are printed
with their ratio; the target is at most 1.25 (shared/DESIGN.md, "Speed"), and the verdict is on
the worse of the two. With the medians comes a breakdown: keydown -> rerun request sent, -> first
and last message received, -> last change to the document; messages per rerun and charts drawn
anew. --verbose prints every move. To see where the browser's time goes, --profile DIR writes
a JavaScript CPU profile and a Chrome trace of each page (DevTools' Performance panel opens them)
and prints a summary; on the server, py-spy (`py-spy record --gil -p PID`) on the `streamlit run`
process shows the script thread and the garbage collection Streamlit runs after each rerun.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import shutil
import statistics
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from anywhere
from bench.server import streamlit_server  # noqa: E402

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
    "--no-first-run", "--disable-background-networking", "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1400, "height": 1000}
TARGET = 1.25
QUIET_MS = 600
TEAM_KEYS = ("ArrowRight", "ArrowRight", "ArrowLeft", "ArrowLeft")  # team size 2, 3, 4, 3, 2, ...
# A workload and budget where the budget binds (one step more changes the plan) and each of team
# sizes 2, 3 and 4 gives another plan, so the Simulator's charts change on every move, as the
# bare page's do (with the default workload, two people do the work whatever the team size).
APP_QUERY = "?budget_sek=2500000&posts_per_week=20&inbound_per_week=400"

# Installed in every page before its scripts run: records, with performance.now(), the keydown
# that starts a move, the first message the page then sends on Streamlit's websocket (the rerun
# request), the messages it receives (the rerun's deltas, the last one being the end of the
# script), every change to the document and the first animation frame after it; and marks the
# Plotly charts on the page at the keydown, to count those drawn anew.
TRACKER = """(() => {
  const b = window.__bench = {start: null, sent: null, first: null, received: 0, last: 0, frame: 0,
                              messages: 0, armed: false};
  const Socket = window.WebSocket;
  window.WebSocket = class extends Socket {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', () => {
        if (!b.armed || b.sent === null) return;
        b.received = performance.now();
        if (b.first === null) b.first = b.received;
        b.messages += 1;
      });
    }
    send(data) {
      if (b.armed && b.sent === null) b.sent = performance.now();
      return super.send(data);
    }
  };
  let pending = false;
  new MutationObserver(() => {
    if (!b.armed) return;
    b.last = performance.now();
    if (!pending) {
      pending = true;
      requestAnimationFrame(() => { pending = false; b.frame = performance.now(); });
    }
  }).observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
  document.addEventListener('keydown', () => {
    if (b.armed) return;
    Object.assign(b, {start: performance.now(), sent: null, first: null, received: 0, last: 0,
                      frame: 0, messages: 0, armed: true});
    for (const chart of document.querySelectorAll('.js-plotly-plot')) chart.__benchBefore = true;
  }, true);
})()"""

# Settled: the rerun's messages came, the script state is notRunning, and neither the document
# nor the websocket has changed for QUIET_MS since the last animation frame.
SETTLED = f"""() => {{
  const b = window.__bench;
  const state = document.querySelector('[data-test-script-state]')
                ?.getAttribute('data-test-script-state');
  const now = performance.now();
  return b.armed && b.first !== null && state === 'notRunning' && b.frame >= b.last &&
         now - b.last > {QUIET_MS} && now - b.received > {QUIET_MS};
}}"""

RESULT = """() => {
  const b = window.__bench;
  b.armed = false;
  const since = (t) => t - b.start;
  return {total: since(Math.max(b.frame, b.received)), sent: since(b.sent), first: since(b.first),
          done: since(b.received), last: since(b.last), messages: b.messages,
          plots: [...document.querySelectorAll('.js-plotly-plot')].filter(c => !c.__benchBefore).length};
}"""


@dataclass
class Move:
    total: float  # ms, keydown -> first frame after the last change (or the last message)
    sent: float  # keydown -> the rerun request sent
    first: float  # keydown -> the rerun's first message received
    done: float  # keydown -> its last message received (the script finished)
    last: float  # keydown -> last change to the document
    plots: int  # Plotly charts drawn anew (Streamlit remounts a chart whose figure changed)
    messages: int  # messages received


def server(script: str, folder: Path):
    """`streamlit run script` on a free port of 127.0.0.1; yields its URL, stops it afterwards."""
    return streamlit_server(folder, script)


def _wait_idle(page) -> None:
    page.wait_for_selector("[data-test-script-state='notRunning']", state="attached", timeout=120_000)
    page.wait_for_timeout(QUIET_MS)
    page.wait_for_selector("[data-test-script-state='notRunning']", state="attached", timeout=120_000)


def open_page(browser, url: str):
    context = browser.new_context(viewport=VIEWPORT, locale="en-US")
    context.add_init_script(TRACKER)
    page = context.new_page()
    page.set_default_timeout(120_000)
    page.goto(url)
    _wait_idle(page)
    page.locator(".js-plotly-plot").nth(3).wait_for()
    _wait_idle(page)
    return context, page


def move(page, key: str, slider: str) -> Move:
    """Press `key` on the sidebar slider with widget key `slider`; time until the page settled."""
    page.bring_to_front()  # a page in the background gets no animation frames
    thumb = page.locator(f"[data-testid='stSidebar'] .st-key-{slider} input[type='range']")
    thumb.focus()
    thumb.press(key)
    try:
        page.wait_for_function(SETTLED, polling=50, timeout=60_000)
    except Exception as error:
        state = page.evaluate("() => JSON.stringify({...window.__bench, now: performance.now(), "
                              "visible: document.visibilityState, state: document.querySelector("
                              "'[data-test-script-state]')?.getAttribute('data-test-script-state')})")
        raise SystemExit(f"{page.url}: {key} on {slider} did not settle: {state}") from error
    result = page.evaluate(RESULT)
    return Move(**result)


def measure(pages: dict, kind: str, moves: int, warmup: int) -> dict[str, list[Move]]:
    """Interleaved moves of kind `team` or `budget` on each page; the warm-up moves are dropped."""
    out: dict[str, list[Move]] = {name: [] for name in pages}
    for index in range(warmup + moves):
        if kind == "team":
            key, slider = TEAM_KEYS[index % len(TEAM_KEYS)], "team_size"
        else:
            key, slider = "ArrowRight", "budget_msek"
        order = list(pages) if index % 2 == 0 else list(reversed(pages))
        for name in order:
            result = move(pages[name], key, slider)
            if index >= warmup:
                out[name].append(result)
    return out


def profile(pages: dict, folder: Path, moves: int) -> None:
    """A JavaScript CPU profile (Chrome DevTools protocol) and a Chrome trace of `moves` budget
    moves on each page, written to folder/NAME.cpuprofile and folder/NAME.trace.json (DevTools'
    Performance panel opens both). Printed per move: the renderer main thread's time by kind of
    task (scripts, style, layout, paint) and the sampled time by script file (Streamlit's
    frontend comes in chunks named after the elements: PlotlyChart, StreamlitMarkdown, ...)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, page in pages.items():
        cdp = page.context.new_cdp_session(page)
        cdp.send("Profiler.enable")
        cdp.send("Profiler.setSamplingInterval", {"interval": 200})
        cdp.send("Profiler.start")
        page.context.browser.start_tracing(page=page, categories=["devtools.timeline", "v8.execute"])
        for _ in range(moves):
            move(page, "ArrowRight", "budget_msek")
        trace = page.context.browser.stop_tracing()
        result = cdp.send("Profiler.stop")["profile"]
        cdp.detach()
        (folder / f"{name}.cpuprofile").write_text(json.dumps(result))
        (folder / f"{name}.trace.json").write_bytes(trace)
        events = json.loads(trace)["traceEvents"]
        main = {(e["pid"], e["tid"]) for e in events if e.get("ph") == "M" and e.get("name") == "thread_name"
                and e["args"].get("name") == "CrRendererMain"}
        tasks: dict[str, float] = {}
        for event in events:
            if (event.get("pid"), event.get("tid")) in main and event.get("ph") == "X" and "dur" in event:
                tasks[event["name"]] = tasks.get(event["name"], 0.0) + event["dur"] / 1000
        print(f"{name}: renderer main thread per move, ms: " + ", ".join(
            f"{task} {ms / moves:.0f}" for task, ms in sorted(tasks.items(), key=lambda item: -item[1])[:8]))
        nodes = {node["id"]: node for node in result["nodes"]}
        files: dict[str, float] = {}
        for sample, delta in zip(result["samples"], result["timeDeltas"], strict=True):
            frame = nodes[sample]["callFrame"]
            where = frame["url"].rsplit("/", 1)[-1].split(".")[0] or frame["functionName"] or "(native)"
            files[where] = files.get(where, 0.0) + delta / 1000
        ranked = sorted(files.items(), key=lambda item: -item[1])[:12]
        print(f"{name}: sampled own time per move by script, ms: "
              + ", ".join(f"{where} {ms / moves:.0f}" for where, ms in ranked))


def _median(moves: list[Move], field: str) -> float:
    return statistics.median(getattr(m, field) for m in moves)


def report(label: str, results: dict[str, list[Move]], verbose: bool) -> float:
    app, bare = results["simulator"], results["bare"]
    app_median, bare_median = _median(app, "total"), _median(bare, "total")
    ratio = app_median / bare_median
    print(f"{label}: simulator median {app_median:.0f} ms, bare page median {bare_median:.0f} ms, "
          f"ratio {ratio:.2f} ({len(app)} moves each)")
    for name, moves in results.items():
        print(f"    {name:9} keydown -> request sent {_median(moves, 'sent'):4.0f} ms, first message "
              f"{_median(moves, 'first'):4.0f} ms, last message {_median(moves, 'done'):4.0f} ms, "
              f"last change {_median(moves, 'last'):4.0f} ms; {_median(moves, 'messages'):.0f} "
              f"messages, {_median(moves, 'plots'):.0f} charts drawn anew")
        if verbose:
            print("      totals: " + " ".join(f"{m.total:.0f}" for m in moves))
    drawn = {name: _median(moves, "plots") for name, moves in results.items()}
    if len(set(drawn.values())) > 1:
        print(f"    NOTE: the pages drew different numbers of charts anew per move ({drawn}): the "
              "comparison is not like for like (does every move still change the Simulator's plan?)")
    return ratio


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moves", type=int, default=11, help="measured moves of each kind per page")
    parser.add_argument("--warmup", type=int, default=3, help="moves before measuring (dropped)")
    parser.add_argument("--kinds", default="budget,team", help="team, budget or both (comma-separated)")
    parser.add_argument("--verbose", action="store_true", help="print every move's time")
    parser.add_argument("--profile", type=Path,
                        help="write CPU profiles and Chrome traces of a few budget moves to this folder, "
                             "print a summary and stop")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        raise SystemExit("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    ratios = []
    with tempfile.TemporaryDirectory() as tmp, contextlib.ExitStack() as stack:
        folder = Path(tmp)
        app_url = stack.enter_context(server("app.py", folder))
        bare_url = stack.enter_context(server("bench/bare_page.py", folder))
        playwright = stack.enter_context(sync_playwright())
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        stack.callback(browser.close)
        pages = {}
        for name, url in (("simulator", app_url + "/" + APP_QUERY), ("bare", bare_url)):
            context, page = open_page(browser, url)
            stack.callback(context.close)
            pages[name] = page
        if args.profile:
            profile(pages, args.profile, 6)
            return 0
        labels = {"team": "team size moved (values seen before)",
                  "budget": "budget moved (a new value each time)"}
        for kind in args.kinds.split(","):
            results = measure(pages, kind, args.moves, args.warmup)
            ratios.append(report(labels[kind], results, args.verbose))
    ratio = max(ratios)
    verdict = "PASS" if ratio <= TARGET else "FAIL"
    print(f"{verdict}: Simulator / bare page, slider to settled = {ratio:.2f}, the worse of "
          f"{', '.join(f'{r:.2f}' for r in ratios)} (target <= {TARGET})")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
