#!/usr/bin/env python3
"""What the schemas of the audit examples cannot check.

examples/kubernetes/audit-indexed-job.yaml and examples/github-audit-matrix.yml pass their schema checks
(kubernetes-validate, check-jsonschema) in .ci/run; this adds:
- shellcheck over the shell they embed (each `sh -c` of a container, each `run:` of a step), with no
  `${{ }}` expression inside a `run:` (values come in through `env:`);
- the shard count, written in several places, agrees: the Indexed Job's completions, SHARDS in both
  Jobs, the workflow's SHARDS and its matrix of shard indexes;
- the fields the Kubernetes schema leaves as free strings: completionMode Indexed, restartPolicy Never
  (backoffLimitPerIndex needs it).
Needs PyYAML (kubernetes-validate brings it) and shellcheck.
"""
import pathlib
import subprocess
import sys
import tempfile

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
MANIFEST = ROOT / "examples/kubernetes/audit-indexed-job.yaml"
WORKFLOW = ROOT / "examples/github-audit-matrix.yml"

errors = []


def check(ok, message):
    if not ok:
        errors.append(message)


def env_value(container, name):
    return next((e.get("value") for e in container.get("env", []) if e["name"] == name), None)


def shellcheck(scripts):
    """scripts: (label, shell, text). One shellcheck run per script, so a report names its source."""
    with tempfile.TemporaryDirectory() as tmp:
        for n, (label, shell, text) in enumerate(scripts):
            path = pathlib.Path(tmp) / f"{n}.sh"
            path.write_text(text)
            run = subprocess.run(["shellcheck", f"--shell={shell}", str(path)], capture_output=True, text=True)
            if run.returncode != 0:
                errors.append(f"shellcheck: {label}:\n{run.stdout}{run.stderr}")


scripts = []

docs = [d for d in yaml.safe_load_all(MANIFEST.read_text()) if d]
jobs = {d["metadata"]["name"]: d for d in docs if d["kind"] == "Job"}
for name, job in jobs.items():
    pod = job["spec"]["template"]["spec"]
    for c in pod["containers"]:
        cmd = c.get("command", [])
        if cmd[:2] == ["sh", "-c"]:
            scripts.append((f"{MANIFEST.name}: job {name}, container {c['name']}", "sh", cmd[2]))
scan = [j for j in jobs.values() if j["spec"].get("completionMode") is not None]
check(len(scan) == 1, f"{MANIFEST.name}: one Job with a completionMode expected, found {len(scan)}")
if scan:
    spec = scan[0]["spec"]
    n = spec["completions"]
    check(spec["completionMode"] == "Indexed", f"{MANIFEST.name}: completionMode {spec['completionMode']!r}, not Indexed")
    check(spec["template"]["spec"]["restartPolicy"] == "Never", f"{MANIFEST.name}: backoffLimitPerIndex needs restartPolicy Never")
    check(spec.get("parallelism", 1) <= n, f"{MANIFEST.name}: parallelism above completions")
    for name, job in jobs.items():
        for c in job["spec"]["template"]["spec"]["containers"]:
            shards = env_value(c, "SHARDS")
            check(shards == str(n), f"{MANIFEST.name}: job {name}: SHARDS={shards!r}, completions={n}")

workflow = yaml.safe_load(WORKFLOW.read_text())
shards = int(workflow["env"]["SHARDS"])
matrix = workflow["jobs"]["scan"]["strategy"]["matrix"]["shard"]
check(matrix == list(range(shards)), f"{WORKFLOW.name}: matrix.shard {matrix} is not 0..{shards - 1}")
for job_id, job in workflow["jobs"].items():
    for i, step in enumerate(job["steps"]):
        if "run" in step:
            label = f"{WORKFLOW.name}: job {job_id}, step {step.get('name', i + 1)}"
            check("${{" not in step["run"], f"{label}: an expression inside run: (pass it through env:)")
            scripts.append((label, "bash", step["run"]))

shellcheck(scripts)
for e in errors:
    print(f"check-examples: {e}", file=sys.stderr)
if errors:
    sys.exit(1)
print(f"check-examples: {len(docs)} Kubernetes objects, {len(workflow['jobs'])} workflow jobs, {len(scripts)} embedded scripts: ok")
