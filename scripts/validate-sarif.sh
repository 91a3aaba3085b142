#!/usr/bin/env bash
# Validates SARIF files with Microsoft's SARIF Multitool and GitHub's rules; fails on any error or warning.
#   usage: scripts/validate-sarif.sh FILE...
# Installs the multitool (npm @microsoft/sarif-multitool-linux) into a cache folder when missing.
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 FILE..." >&2; exit 2; }
cache=${LEAKHOUND_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/leakhound-tools}
tool=$cache/sarif/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
if [ ! -x "$tool" ]; then
  mkdir -p "$cache/sarif"
  (cd "$cache/sarif" && npm install -q --no-audit --no-fund @microsoft/sarif-multitool-linux@5.7.0 >/dev/null 2>&1)
  chmod u+x "$tool"
fi
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
status=0
for f in "$@"; do
  "$tool" validate "$f" -o "$tmp/out.sarif" --rule-kind "Gh;Sarif" --log ForceOverwrite >"$tmp/log" 2>&1 || true
  [ -s "$tmp/out.sarif" ] || { echo "$f: the multitool produced no output:"; cat "$tmp/log"; status=1; continue; }
  read -r errors warnings < <(python3 - "$tmp/out.sarif" <<'PY'
import json, sys
runs = json.load(open(sys.argv[1]))["runs"]
res = [r for run in runs for r in run.get("results", [])]
print(sum(r.get("level") == "error" for r in res), sum(r.get("level") == "warning" for r in res))
for r in res:
    print(r.get("level"), r.get("ruleId"), r["message"].get("text", "")[:200], file=sys.stderr)
PY
  )
  echo "$f: $errors errors, $warnings warnings"
  { [ "$errors" = 0 ] && [ "$warnings" = 0 ]; } || status=1
done
exit $status
