#!/usr/bin/env bash
# The GitHub Action's logic (action.yml calls it), runnable anywhere with the same environment:
#   GITHUB_EVENT_NAME, GITHUB_EVENT_PATH, GITHUB_STEP_SUMMARY, GITHUB_OUTPUT, GITHUB_WORKSPACE,
#   INPUT_SCAN (auto|range|full), INPUT_ARGS, INPUT_BASE, INPUT_HEAD, INPUT_SARIF_FILE,
#   INPUT_FAIL_ON_FINDINGS; LEAKHOUND (binary).
# pull_request: scans base..head; push: before..after; otherwise the whole history. A base commit that is
# not in the checkout (a force push, a shallow clone) is fetched, or the history deepened, until the range
# can be walked; failing that, the head commit alone is scanned, with a notice.
# Writes the job summary and annotations (`leakhound scan --format github`) and the outputs
# findings-count, sarif-file, exit-code and category (leakhound-range or leakhound-full: range scans and
# full scans are separate SARIF categories, so a range scan never closes a full scan's alerts).
set -uo pipefail
lh=${LEAKHOUND:-leakhound}
cd "${GITHUB_WORKSPACE:-.}" || exit 2
event=${GITHUB_EVENT_NAME:-}
sarif=${INPUT_SARIF_FILE:-leakhound.sarif}
outputs=${GITHUB_OUTPUT:-/dev/null}
zero=0000000000000000000000000000000000000000

field() { # field PYTHON_EXPR: read from the event payload
  [ -n "${GITHUB_EVENT_PATH:-}" ] && [ -f "$GITHUB_EVENT_PATH" ] || return 0
  python3 -c "import json,sys; e=json.load(open(sys.argv[1])); print($1 or '')" "$GITHUB_EVENT_PATH" 2>/dev/null
}

base=${INPUT_BASE:-}; head=${INPUT_HEAD:-}
if [ "${INPUT_SCAN:-auto}" = full ]; then
  base=""
elif [ -z "$base" ]; then
  case $event in
    pull_request|pull_request_target) base=$(field "e['pull_request']['base']['sha']"); head=${head:-$(field "e['pull_request']['head']['sha']")};;
    push) base=$(field "e.get('before')"); head=${head:-$(field "e.get('after')")};;
  esac
fi
head=${head:-HEAD}
have() { git cat-file -e "$1^{commit}" 2>/dev/null; }
connected() { have "$base" && have "$head" && git merge-base "$base" "$head" >/dev/null 2>&1; }
range_args=()
category=leakhound-full
if [ -n "$base" ] && [ "$base" != "$zero" ]; then
  if ! connected; then
    # Fetch what the range needs: the base itself, then more history until base and head meet.
    git fetch --quiet --no-tags origin "$base" 2>/dev/null || true
    for _ in 1 2 3 4 5 6; do
      connected && break
      [ "$(git rev-parse --is-shallow-repository 2>/dev/null)" = true ] || break
      git fetch --quiet --no-tags --deepen=100 origin 2>/dev/null || break
    done
  fi
  if connected; then
    range_args=(--range "$base..$head")
  else
    echo "::notice title=leakhound::base commit ${base:0:12} is not in this checkout (a force push, or a shallow clone without it); scanning commit ${head:0:12} only. Use actions/checkout with fetch-depth: 0 to scan the whole range."
    range_args=(--range "$head")
  fi
  category=leakhound-range
fi

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# shellcheck disable=SC2086 # INPUT_ARGS is a list of arguments on purpose
"$lh" scan "${range_args[@]}" -o github:- -o "json:$tmp/report.json" -o "sarif:$sarif" ${INPUT_ARGS:-} .
code=$?
if [ ! -s "$tmp/report.json" ]; then
  echo "::error title=leakhound::the scan failed (exit status $code)"
  { echo "findings-count=0"; echo "sarif-file="; echo "exit-code=$code"; echo "category=$category"; } >> "$outputs"
  exit "$code"
fi

count=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["findings"]))' "$tmp/report.json")
{ echo "findings-count=$count"; echo "sarif-file=$sarif"; echo "exit-code=$code"; echo "category=$category"; } >> "$outputs"
if [ "$code" = 1 ] && [ "${INPUT_FAIL_ON_FINDINGS:-true}" != "true" ]; then
  exit 0
fi
exit "$code"
