#!/usr/bin/env python3
"""Proves that deploy/validate.py's checks can fail: each case copies deploy/, agents/ and
catalog/ into a scratch folder, plants one defect, runs validate.py there and expects the
named check to FAIL (and the untouched copy to pass the same check).

    .venv-deploy/bin/python deploy/validate_selftest.py      (after deploy/validate.sh once)
"""
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[1]


def sub(path, old, new):
    def apply(root):
        p = root / path
        text = p.read_text()
        if old not in text:
            raise SystemExit(f"selftest is stale: {old!r} not in {path}")
        p.write_text(text.replace(old, new, 1))
    return apply


# (check name as printed by validate.py, planted defect, description)
CASES = [
    ("yaml parses", sub("deploy/k8s/service.yaml", "  type: ClusterIP", "  type: [ClusterIP"), "broken YAML"),
    ("yamllint", sub("deploy/k8s/pdb.yaml", "  minAvailable: 1\n", "  minAvailable: 1\n  minAvailable: 2\n"),
     "a duplicated key (PyYAML keeps the last one silently)"),
    ("compose: Compose Specification schema", sub("deploy/compose.yaml", "    shm_size: 256mb", "    shm_sizes: 256mb"),
     "unknown compose key"),
    ("compose: structure", sub("deploy/compose.yaml", "condition: service_completed_successfully", "condition: service_started"),
     "showroom no longer waits for migrations"),
    ("compose: structure", sub("deploy/showroom.compose.yaml", "    model: qwen\n", "    model: qwen2\n"),
     "vLLM served name differs from the profile's model"),
    ("k8s: generated ConfigMaps current", sub("agents/booking.yaml", "max_steps: 4", "max_steps: 5"),
     "an agent changed without regenerating its ConfigMap"),
    ("k8s: Kubernetes schemas", sub("deploy/k8s/deployment.yaml", "          readinessProbe:", "          readynessProbe:"),
     "misspelt container field"),
    ("k8s: Kubernetes schemas", sub("deploy/k8s/hpa.yaml", "averageUtilization: 70", "averageUtilization: \"70%\""),
     "wrong type in the HPA"),
    ("k8s: CloudNativePG Cluster", sub("deploy/k8s/cnpg-cluster.yaml", "  instances: 2", "  instance: 2"),
     "misspelt Cluster field"),
    ("k8s: policy", sub("deploy/k8s/deployment.yaml", "readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false"),
     "writable root filesystem"),
    ("k8s: policy", sub("deploy/k8s/secret.yaml", "REPLACE_ME_openssl_rand_hex_32", "4f1c0a9e"),
     "a real-looking secret committed"),
    ("k8s: policy", sub("deploy/k8s/hpa.yaml", "maxReplicas: 10", "maxReplicas: 40"),
     "more replicas than Postgres connections"),
    ("Containerfile: hadolint", sub("deploy/Containerfile", "WORKDIR /app\n", "WORKDIR /app\nRUN cd /tmp && echo hi\n"),
     "cd inside RUN"),
    ("Containerfile: structure", sub("deploy/Containerfile", "USER 10001:10001", "USER root"), "runs as root"),
    ("Containerfile: structure", sub("deploy/Containerfile", "COPY Sources ./Sources", "ADD https://example.com/x.tgz /x.tgz\nCOPY Sources ./Sources"),
     "ADD of a URL"),
    ("systemd unit", sub("deploy/systemd/showroom.service", "RestartSec=2s", "RestartSec=2s\nRestartSecs=3"), "unknown key"),
    ("systemd unit", sub("deploy/systemd/showroom.service", "ProtectSystem=strict\n", ""), "hardening removed"),
    ("shell scripts", sub("deploy/stage.sh", 'rm -rf "$OUT"', 'rm -rf $OUT/'), "unquoted rm target"),
    ("example configuration", sub("deploy/showroom.example.yaml", "  #   api_key_env: DEEPSEEK_API_KEY", "  #   api_key_env: sk-12345"),
     "an API key where the variable name belongs"),
    ("example configuration", sub("deploy/showroom.example.yaml", "    base_url: http://127.0.0.1:8091/v1", "    base_url: http://127.0.0.1:8091"),
     "base_url without /v1"),
    ("example configuration", sub("deploy/showroom.example.yaml", "    circuit_cooldown_seconds: 30\n", "    circuit_cool_down: 30\n"),
     "a profile key the server would silently ignore"),
]


def results(root: pathlib.Path) -> dict:
    """Check name -> PASS, FAIL or SKIP (check names contain colons; match them whole)."""
    r = subprocess.run([sys.executable, str(root / "deploy" / "validate.py")], capture_output=True, text=True)
    names = {c for c, _, _ in CASES}
    out = {}
    for line in r.stdout.splitlines():
        m = re.match(r"^(PASS|FAIL|SKIP)\s+(.*)$", line)
        if m:
            for name in names:
                if m.group(2).startswith(name + ":"):
                    out[name] = m.group(1)
    return out


def scratch() -> pathlib.Path:
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="showroom-validate-selftest-"))
    for d in ("deploy", "agents", "catalog"):
        if (ROOT / d).exists():
            shutil.copytree(ROOT / d, tmp / d, ignore=shutil.ignore_patterns("__pycache__"))
    for f in (".dockerignore", "Package.swift"):
        shutil.copy(ROOT / f, tmp / f)
    # The image needs a catalog; until the repository has one, stand in for it.
    (tmp / "catalog").mkdir(exist_ok=True)
    if not any((tmp / "catalog").iterdir()):
        (tmp / "catalog" / ".keep").write_text("")
    for d in ("Sources", "Tests"):
        (tmp / d).mkdir()
        (tmp / d / ".keep").write_text("")
    return tmp


def main() -> int:
    base = scratch()
    baseline = results(base)
    shutil.rmtree(base)
    passed = failed = 0
    for check, plant, what in CASES:
        if baseline.get(check) != "PASS":
            print(f"FAIL  {check} / {what}: the untouched copy does not pass it ({baseline.get(check)})")
            failed += 1
            continue
        root = scratch()
        plant(root)
        got = results(root).get(check)
        shutil.rmtree(root)
        if got == "FAIL":
            passed += 1
            print(f"PASS  {check} catches: {what}")
        else:
            failed += 1
            print(f"FAIL  {check} missed: {what} (got {got})")
    print(f"selftest: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
