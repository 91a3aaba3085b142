#!/usr/bin/env bash
# Fails when a library module imports one at its own layer or above (DESIGN.md: data <- rules <- scan,
# source <- pipeline <- report, notify <- app). A module's imports are the `crate::NAME` paths in its
# file or directory; the binary (main, app, cli, keys) is the top and may use everything.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 - <<'PY'
import pathlib, re, sys
layers = {
    "redact": 0, "text": 0,
    "finding": 1, "delivery": 1,
    "rules": 2, "group": 2,
    "scan": 3, "source": 3, "config": 3,
    "pipeline": 4,
    "report": 5, "notify": 5, "gitleaks_import": 5, "store": 5,
    "baseline": 6, "merge": 6,
}
src = pathlib.Path("src")
lib = (src / "lib.rs").read_text()
declared = set(re.findall(r"^pub mod (\w+);", lib, re.M))
unknown = declared - set(layers)
bad = [f"src/lib.rs: module `{m}` has no layer in scripts/check-layers.sh" for m in sorted(unknown)]
for name, layer in layers.items():
    files = [src / f"{name}.rs"] if (src / f"{name}.rs").exists() else sorted((src / name).rglob("*.rs"))
    for f in files:
        for n, line in enumerate(f.read_text().splitlines(), 1):
            for used in re.findall(r"\bcrate::(\w+)", line):
                if used != name and used in layers and layers[used] >= layer:
                    bad.append(f"{f}:{n}: `{name}` (layer {layer}) imports `{used}` (layer {layers[used]})")
print("\n".join(bad) if bad else f"layers ok: {len(layers)} modules")
sys.exit(1 if bad else 0)
PY
