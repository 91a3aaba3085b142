#!/usr/bin/env bash
# Measures an organisation audit: public repositories (mirrors you give, cloned through file:// URLs so the
# mirror cache is exercised) plus generated repositories with planted secrets. Reports first-scan and
# rescan times, peak RSS, store size, distinct secrets vs occurrences, shards N = 1, 2, 4 as local
# processes, and checks that the merged shards equal the single run.
#
#   scripts/audit-bench.sh [--generated N] [--work DIR] [--via-url] MIRROR_GIT_DIR...
#
# The planted secrets are random and made at run time in the work directory; nothing is committed.
set -euo pipefail
cd "$(dirname "$0")/.."
generated=16
work=/tmp/leakhound-audit-bench
mirrors=()
via_url=0
while [ $# -gt 0 ]; do
  case "$1" in
    --generated) generated=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --via-url) via_url=1; shift ;;
    *) mirrors+=("$1"); shift ;;
  esac
done
bin=${LEAKHOUND_BIN:-target/release/leakhound}
[ -x "$bin" ] || cargo build --release --locked -q
rm -rf "$work" && mkdir -p "$work/generated"
list="$work/repos.txt"
: >"$list"
# Public repositories by file:// URL (mirrored into the cache, then fetched) with --via-url, else by path
# (a partial mirror, with objects left out, cannot be cloned but can be scanned in place).
for m in "${mirrors[@]}"; do
  if [ "$via_url" = 1 ]; then echo "file://$(cd "$m" && pwd)" >>"$list"; else (cd "$m" && pwd) >>"$list"; fi
done

# Generated repositories: a few dozen commits each, secrets carried through versions, copied, deleted.
python3 - "$work/generated" "$generated" <<'PY'
import os, random, subprocess, sys
root, n = sys.argv[1], int(sys.argv[2])
A = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
def tok(r, k): return "".join(r.choice(A) for _ in range(k))
def git(d, *a, day=1):
    env = dict(os.environ, GIT_AUTHOR_NAME="Dev", GIT_AUTHOR_EMAIL="dev@example.org", GIT_COMMITTER_NAME="Dev",
               GIT_COMMITTER_EMAIL="dev@example.org", GIT_AUTHOR_DATE=f"2024-01-01T00:00:00Z +{day}",
               GIT_CONFIG_NOSYSTEM="1", HOME=d)
    env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{1704067200 + day * 3600} +0000"
    subprocess.run(["git", *a], cwd=d, env=env, check=True, stdout=subprocess.DEVNULL)
for i in range(n):
    r = random.Random(i)
    d = os.path.join(root, f"service-{i:02d}")
    os.makedirs(d)
    git(d, "init", "-q", "-b", "main")
    keys = ["sk_live_" + tok(r, 24), "AKIA" + "".join(r.choice(A[:36]) for _ in range(16)), "ghp_" + tok(r, 36)]
    for c in range(40):
        path = f"src/mod{r.randrange(8)}.py"
        lines = [f"def f{j}(x):\n    return x * {j}\n" for j in range(r.randrange(3, 30))]
        if c % 7 == 0:
            lines.insert(0, f'API_KEY = "{keys[c % 3]}"\n')
        os.makedirs(os.path.dirname(os.path.join(d, path)), exist_ok=True)
        open(os.path.join(d, path), "w").write("".join(lines))
        git(d, "add", "-A"); git(d, "commit", "-q", "--allow-empty", "-m", f"change {c}", day=c)
PY
for d in "$work"/generated/*; do echo "$d" >>"$list"; done
count=$(wc -l <"$list")
echo "repositories: $count ($(( count - generated )) public, $generated generated)"

timed() { # label, then the command; prints wall seconds and peak RSS
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || [ $? = 1 ]
  read -r secs kb < <(tail -n 1 "$work/time")
  printf '%-34s %7.2f s  %6d MiB\n' "$label" "$secs" $((kb / 1024))
}
store="$work/store.sqlite3"
common=(scan --repos-from "$list" --cache-dir "$work/mirrors" --format json)
timed "first scan (clone, store)" "$bin" "${common[@]}" --store "$store" -o "$work/first.json"
timed "rescan, nothing new (fetch)" "$bin" "${common[@]}" --store "$store" -o "$work/rescan.json"
timed "full scan, no store (mirrors)" "$bin" "${common[@]}" --no-store -o "$work/full.json"
printf 'store size: %s\n' "$(du -h "$store" | cut -f1)"
python3 - "$work" <<'PY'
import json, sys
w = sys.argv[1]
first, rescan, full = (json.load(open(f"{w}/{n}.json")) for n in ("first", "rescan", "full"))
strip = lambda r: sorted(json.dumps({k: v for k, v in f.items()}, sort_keys=True) for f in r["findings"])
print(f"occurrences: {len(full['findings'])}, distinct secrets: {len(full['secrets'])} "
      f"({len(full['findings']) / max(1, len(full['secrets'])):.1f} occurrences per secret), "
      f"in HEAD: {sum(s['in_head'] for s in full['secrets'])}")
print(f"blobs scanned: first {first['stats']['blobs_scanned']}, rescan {rescan['stats']['blobs_scanned']}")
print("rescan findings identical to a full scan:", strip(rescan) == strip(full) and rescan["secrets"] == full["secrets"])
errors = [r["name"] for r in full["repositories"] if r["error"]]
print("repositories with errors:", errors or "none")
PY
for n in 1 2 4; do
  start=$(date +%s.%N)
  pids=()
  for ((i = 0; i < n; i++)); do
    "$bin" "${common[@]}" --no-store --shard "$i/$n" -o "$work/shard-$n-$i.json" >/dev/null 2>&1 &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || [ $? = 1 ]; done
  end=$(date +%s.%N)
  "$bin" merge "$work"/shard-"$n"-*.json -o "$work/merged-$n.json" || [ $? = 1 ]
  same=$(python3 - "$work/merged-$n.json" "$work/full.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
for r in (a, b):
    r["stats"]["elapsed_ms"] = 0
    for x in r["repositories"]:
        x["elapsed_ms"] = 0
print(a == b)
PY
)
  printf 'shards N=%d: %6.2f s wall, merged equals the single run: %s\n' "$n" "$(python3 -c "print($end - $start)")" "$same"
done
"$bin" merge "$work"/shard-4-*.json -o "$work/audit.html" || [ $? = 1 ]
echo "HTML report: $work/audit.html"
