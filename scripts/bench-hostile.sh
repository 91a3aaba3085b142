#!/usr/bin/env bash
# Hostile inputs, timed (a benchmark, never a timed test): a 10.5 MB file holding 320,000 keys (the case
# that was quadratic in match shadowing) and files of `password=` lines of 64 MB and 200 MB (the cases
# that needed gigabytes of findings). Prints wall time, peak RSS and the number of findings for each.
#   usage: scripts/bench-hostile.sh [LEAKHOUND_BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
if [ $# -ge 1 ]; then lh=$1; else cargo build --release --locked -q; lh=$PWD/target/release/leakhound; fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
python3 - "$tmp" <<'PY'
import os, random, string, sys
d = sys.argv[1]
rng = random.Random(7)
alnum = string.ascii_letters + string.digits
with open(os.path.join(d, "keys.txt"), "w") as f:   # 320k Stripe-format keys, one per line
    for _ in range(320_000):
        f.write("sk_live_" + "".join(rng.choice(alnum) for _ in range(24)) + "\n")
for name, mb in (("passwords64.env", 64), ("passwords200.env", 200)):
    line = "password=Zq8vXr2mTk9wLp4sHn6y\n"
    with open(os.path.join(d, name), "w") as f:
        f.write(line * (mb * 1_000_000 // len(line)))
PY
printf '%-18s %9s %8s %10s %9s\n' file size_MB wall_s peak_MiB findings
for f in keys.txt passwords64.env passwords200.env; do
  size=$(stat -c %s "$tmp/$f")
  /usr/bin/time -f '%e %M' -o "$tmp/t" "$lh" scan --no-git --max-file-size 300000000 --format json -o "$tmp/r.json" "$tmp/$f" \
    >/dev/null 2>&1 || true
  read -r wall rss < <(tail -n 1 "$tmp/t")
  n=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["findings"]))' "$tmp/r.json" 2>/dev/null || echo "?")
  awk -v f="$f" -v s="$size" -v w="$wall" -v m="$rss" -v n="$n" 'BEGIN{printf "%-18s %9.1f %8.2f %10.1f %9s\n", f, s/1e6, w, m/1024, n}'
done
