"""schemathesis (PyPI) against /openapi.json of the running server, with real keys: every check on,
no failure allowed. One worker: Python 3.11's AST parser is not thread-safe, and hypothesis parses
sources while describing strategies (concurrent workers fail with "AST constructor recursion depth
mismatch"). The fuzzer acts as an admin limited to the qa-fuzz store, so demo data is safe;
store ids and stock numbers are drawn from the fuzz store's own values part of the time."""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from staff_rows import FUZZ_CONVERSATION, FUZZ_LEAD, FUZZ_PK

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(os.environ.get("SHOWROOM_ARTIFACTS") or REPO / "artifacts")


def test_schemathesis_finds_no_failure(base_url, keys, fuzz_store, db):
    config = f"""
[dictionaries.stores]
values = ["{fuzz_store}"]

[dictionaries.stocks]
values = ["QAF001", "QAF002", "QAF003"]

[dictionaries.makes]
values = ["QA Motors"]

[dictionaries.models]
values = ["Fuzzer"]

[dictionaries.leads]
values = ["{FUZZ_LEAD}"]

[dictionaries.conversations]
values = ["{FUZZ_CONVERSATION}"]

[parameters]
"query.store_id" = {{ dictionary = "stores", probability = 0.6 }}
"path.store_id" = {{ dictionary = "stores", probability = 0.6 }}
"body.store_id" = {{ dictionary = "stores", probability = 0.6 }}
"path.stock_number" = {{ dictionary = "stocks", probability = 0.5 }}
"body.make" = {{ dictionary = "makes", probability = 0.6 }}
"body.model" = {{ dictionary = "models", probability = 0.6 }}
"path.lead_id" = {{ dictionary = "leads", probability = 0.5 }}
"path.conversation_id" = {{ dictionary = "conversations", probability = 0.5 }}
"body.conversation_id" = {{ dictionary = "conversations", probability = 0.3 }}
"""
    report = ARTIFACTS / "schemathesis"
    report.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        cfg = Path(tmp) / "schemathesis.toml"
        cfg.write_text(config)
        cmd = [sys.executable, "-m", "schemathesis.cli", "--config-file", str(cfg), "run", f"{base_url}/openapi.json",
               "--checks", "all", "--max-examples", os.environ.get("SHOWROOM_FUZZ_EXAMPLES", "40"), "--workers", "1",
               "-H", f"Authorization: Bearer {keys['admin_fuzz']}", "-H", f"X-Showroom-Key: {FUZZ_PK}",
               "--report", "junit", "--report-dir", str(report), "--no-color"]
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=1500, cwd=tmp)
        finally:
            with db.cursor() as cur:  # whatever the fuzzer switched, the store answers again
                cur.execute("""UPDATE stores SET settings = settings || '{"assistant_enabled": true, "quiet_hours": null}'
                               WHERE id = %s""", (fuzz_store,))
    (report / "output.txt").write_text(done.stdout + done.stderr)
    assert done.returncode == 0, done.stdout[-20000:] + done.stderr[-4000:]
