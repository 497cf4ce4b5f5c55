"""Fixtures of the browser tests: the server under test, its database, a headless Chromium, screenshots.

The tests drive the real Showroom server (SHOWROOM_BASE_URL, default http://127.0.0.1:8080) and read its
Postgres (DATABASE_URL). Chromium and chromedriver are Debian's (/usr/bin/chromium, /usr/bin/chromedriver);
CHROMIUM_BINARY and CHROMEDRIVER override the paths. Screenshots go to artifacts/screenshots/ (or
$SHOWROOM_ARTIFACTS/screenshots), one folder per test, plus the browser console on failure.
"""

import os
import re
import shutil
from pathlib import Path

import pytest
import requests

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(os.environ.get("SHOWROOM_ARTIFACTS") or REPO / "artifacts")
SCREENSHOTS = ARTIFACTS / "screenshots"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, "report_" + report.when, report)


@pytest.fixture(scope="session")
def base_url():
    """The server under test; every test fails with one clear message when it does not answer."""
    url = (os.environ.get("SHOWROOM_BASE_URL") or "http://127.0.0.1:8080").rstrip("/")
    problem = None
    try:
        live = requests.get(url + "/health/live", timeout=5)
        widget = requests.get(url + "/widget.js", timeout=5)
    except requests.RequestException as e:
        problem = (f"The Showroom server is not reachable at SHOWROOM_BASE_URL={url} ({type(e).__name__}). "
                   "Start it (`showroom serve`) and point SHOWROOM_BASE_URL at it.")
    else:
        if live.status_code != 200:
            problem = f"{url}/health/live answered {live.status_code}: is that the Showroom server?"
        elif widget.status_code != 200 or "javascript" not in widget.headers.get("Content-Type", ""):
            problem = (f"{url}/widget.js answered {widget.status_code} ({widget.headers.get('Content-Type')}): "
                       "the server must serve Sources/ShowroomServer/Public.")
    if problem:
        pytest.exit(problem, returncode=1)  # one clear line, not one traceback per test
    return url


@pytest.fixture(scope="session")
def db():
    """An autocommit connection to the server's database, for asserting rows."""
    url = os.environ.get("DATABASE_URL")
    if not url:
        pytest.fail("DATABASE_URL is not set: the browser tests check rows in the server's database.", pytrace=False)
    import psycopg
    try:
        conn = psycopg.connect(url, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as e:
        pytest.fail(f"Cannot connect to DATABASE_URL: {e}".strip(), pytrace=False)
    yield conn
    conn.close()


def _chrome_options(width=1280, height=900):
    from selenium.webdriver.chrome.options import Options
    opts = Options()
    opts.binary_location = os.environ.get("CHROMIUM_BINARY", "/usr/bin/chromium")
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                f"--window-size={width},{height}", "--lang=en-US", "--no-first-run",
                "--disable-search-engine-choice-screen"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return opts


@pytest.fixture
def make_driver(request):
    """A factory of headless Chromium sessions, each with a fresh profile; all quit at the end of the test."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    driver_path = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
    if not Path(driver_path).exists() or not Path(os.environ.get("CHROMIUM_BINARY", "/usr/bin/chromium")).exists():
        pytest.fail("Chromium is missing: apt-get install -y chromium chromium-driver", pytrace=False)
    drivers = []

    def make(width=1280, height=900):
        d = webdriver.Chrome(options=_chrome_options(width, height), service=Service(driver_path))
        d.set_page_load_timeout(30)
        drivers.append(d)
        return d

    yield make
    failed = getattr(request.node, "report_call", None) is not None and request.node.report_call.failed
    for i, d in enumerate(drivers):
        if failed:
            folder = _shot_dir(request.node)
            try:
                d.save_screenshot(str(folder / f"zz-failure-{i}.png"))
                lines = [f"{e.get('level')} {e.get('message')}" for e in d.get_log("browser")]
                (folder / f"zz-console-{i}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
            except Exception:  # the browser may be gone; the failure itself says more
                pass
        d.quit()


@pytest.fixture
def driver(make_driver):
    """One desktop-sized headless Chromium."""
    return make_driver()


def _shot_dir(node):
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", node.name).strip("_")
    folder = SCREENSHOTS / name
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def shot(request):
    """shot(driver, "step") saves artifacts/screenshots/<test>/<NN>-<step>.png."""
    folder = _shot_dir(request.node)
    for old in folder.glob("*"):
        if old.is_file():
            old.unlink()
        else:
            shutil.rmtree(old)
    counter = {"n": 0}

    def take(drv, step):
        counter["n"] += 1
        drv.save_screenshot(str(folder / f"{counter['n']:02d}-{re.sub(r'[^A-Za-z0-9_-]+', '-', step)}.png"))

    return take
