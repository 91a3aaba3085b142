#!/usr/bin/env bash
# The GitHub Action's logic (action.yml calls it), runnable anywhere with the same environment:
#   GITHUB_EVENT_NAME, GITHUB_EVENT_PATH, GITHUB_STEP_SUMMARY, GITHUB_OUTPUT, GITHUB_WORKSPACE,
#   INPUT_ARGS, INPUT_BASE, INPUT_HEAD, INPUT_SARIF_FILE, INPUT_FAIL_ON_FINDINGS; LEAKHOUND (binary).
# pull_request: scans base..head; push: before..after; otherwise the whole history.
# Writes the job summary, ::error annotations and the outputs findings-count, sarif-file, exit-code.
set -uo pipefail
lh=${LEAKHOUND:-leakhound}
cd "${GITHUB_WORKSPACE:-.}" || exit 2
event=${GITHUB_EVENT_NAME:-}
sarif=${INPUT_SARIF_FILE:-leakhound.sarif}
summary=${GITHUB_STEP_SUMMARY:-/dev/null}
outputs=${GITHUB_OUTPUT:-/dev/null}
zero=0000000000000000000000000000000000000000

field() { # field PYTHON_EXPR: read from the event payload
  [ -n "${GITHUB_EVENT_PATH:-}" ] && [ -f "$GITHUB_EVENT_PATH" ] || return 0
  python3 -c "import json,sys; e=json.load(open(sys.argv[1])); print($1 or '')" "$GITHUB_EVENT_PATH" 2>/dev/null
}

base=${INPUT_BASE:-}; head=${INPUT_HEAD:-}
if [ -z "$base" ]; then
  case $event in
    pull_request|pull_request_target) base=$(field "e['pull_request']['base']['sha']"); head=${head:-$(field "e['pull_request']['head']['sha']")};;
    push) base=$(field "e.get('before')"); head=${head:-$(field "e.get('after')")};;
  esac
fi
range_args=()
if [ -n "$base" ] && [ "$base" != "$zero" ]; then
  range_args=(--range "$base..${head:-HEAD}")
  what="commits ${base:0:12}..${head:0:12}"
else
  what="the whole history"
fi

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# shellcheck disable=SC2086 # INPUT_ARGS is a list of arguments on purpose
"$lh" scan "${range_args[@]}" -o "$tmp/report.json" -o "$sarif" ${INPUT_ARGS:-} .
code=$?
if [ ! -s "$tmp/report.json" ]; then
  echo "::error title=leakhound::the scan failed (exit status $code)"
  { echo "findings-count=0"; echo "sarif-file="; echo "exit-code=$code"; } >> "$outputs"
  exit "$code"
fi

python3 - "$tmp/report.json" "$summary" "$what" <<'PY'
import json, sys
report, summary, what = json.load(open(sys.argv[1])), sys.argv[2], sys.argv[3]
fs = report["findings"]
esc = lambda s: str(s).replace("|", "\\|").replace("\n", " ")
with open(summary, "a") as out:
    out.write(f"## leakhound: {len(fs)} secret(s) found in {what}\n\n")
    if fs:
        out.write("| Rule | File | Line | Commit | Secret |\n|---|---|---|---|---|\n")
        for f in fs:
            c = (f.get("commit") or {}).get("sha", "")[:12]
            out.write(f"| {esc(f['rule_id'])} | {esc(f['path'])} | {f['line']} | {c} | `{esc(f['secret'])}` |\n")
        out.write("\nRotate every secret listed: once pushed, a secret must be treated as leaked. Secrets are redacted.\n")
    else:
        out.write("No secrets found.\n")
for f in fs:
    msg = f"{f['rule_name']} ({f['secret']}). Rotate it: a committed secret must be treated as leaked."
    path = f["path"].replace(",", "%2C").replace(":", "%3A")
    print(f"::error file={path},line={f['line']},col={f['column']},title=leakhound {f['rule_id']}::{msg}")
PY
count=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["findings"]))' "$tmp/report.json")
{ echo "findings-count=$count"; echo "sarif-file=$sarif"; echo "exit-code=$code"; } >> "$outputs"
if [ "$code" = 1 ] && [ "${INPUT_FAIL_ON_FINDINGS:-true}" != "true" ]; then
  exit 0
fi
exit "$code"
