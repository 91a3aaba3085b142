#!/usr/bin/env bash
# Throughput benchmark for `leakhound scan --no-git` on a corpus of real source code with planted fake
# secrets. Prints corpus size, wall time (median of RUNS), MB/s, peak RSS and findings, plus the start-up
# time on a one-file tree (what a pre-commit hook feels).
#   usage: scripts/bench.sh [--runs N] [--corpus DIR] [--size-mb N] [--compare]
#          scripts/bench.sh --history REPO [--runs N] [--compare] [--linear]
#          scripts/bench.sh --scale REPO [--runs N]
# --history times a full-history scan of a git repository (e.g. a clone of rust-lang/cargo) and the
# staged scan (`--staged`) of a 10,000-file repository with a 3-file change, as a pre-commit hook sees it.
# --linear adds the history up to the commits at 25% and 50% of it (in topological order), with MB/s.
# --scale times directory trees of 100 MB, 400 MB and 1.6 GB: the corpus plus every blob of REPO's
# history written out as a file (distinct contents), hard-linked into one tree per size.
# The corpus is built once (default /tmp/leakhound-bench/corpus) from the unpacked crate sources under
# ~/.cargo/registry/src and the Python standard library; --compare also runs ../shared/bench/compare.sh.
set -euo pipefail
runs=3; corpus=/tmp/leakhound-bench/corpus; size_mb=400; compare=0; history=; linear=0; scale=
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift 2;; --corpus) corpus=$2; shift 2;; --size-mb) size_mb=$2; shift 2;;
    --compare) compare=1; shift;; --history) history=$2; shift 2;; --linear) linear=1; shift;;
    --scale) scale=$2; shift 2;;
    *) echo "unknown argument: $1" >&2; exit 2;;
  esac
done
cd "$(dirname "$0")/.."
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
# LEAKHOUND_BIN=path/to/leakhound times another build (e.g. the previous commit's) with the same script.
if [ -n "${LEAKHOUND_BIN:-}" ]; then
  lh=$LEAKHOUND_BIN
else
  cargo build --release --locked -q
  lh=$PWD/target/release/leakhound
fi

median() { sort -n | awk '{a[NR]=$0} END{print a[int((NR+1)/2)]}'; }
timed() { # timed NAME CMD...: median wall and peak RSS over $runs runs
  local name=$1; shift; : > "$tmp/w"
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %M' -o "$tmp/t" "$@" >/dev/null 2>&1 || true
    tail -n 1 "$tmp/t" >> "$tmp/w"
  done
  read -r w m < <(median < "$tmp/w")
  awk -v n="$name" -v w="$w" -v p="$m" 'BEGIN{printf "%-13s %8.2f %10.1f\n", n, w, p/1024}'
}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

if [ -n "$history" ]; then
  repo=$(cd "$history" && pwd)
  blobs=$(git -C "$repo" cat-file --batch-all-objects --batch-check='%(objecttype) %(objectsize)' | awk '$1=="blob"{n++; s+=$2} END{printf "%d blobs, %.2f GB", n, s/1e9}')
  echo "history: $repo ($(git -C "$repo" rev-list --all | wc -l) commits, $blobs in the object store)"
  printf '%-13s %8s %10s\n' tool wall_s peak_MiB
  # A full scan every run (the store would make runs after the first incremental), then a rescan through
  # a store with nothing new.
  timed leakhound "$lh" scan "$repo" --no-store --format json -o "$tmp/lh.json"
  if [ $linear = 1 ]; then
    # The history up to the commit at each fraction of the (oldest-first) commit list: its ancestors.
    git -C "$repo" rev-list --all --topo-order --reverse > "$tmp/commits"
    n=$(wc -l < "$tmp/commits")
    printf '%-13s %8s %10s %9s\n' history wall_s peak_MiB MB/s
    for pct in 25 50 100; do
      if [ $pct = 100 ]; then args=(); else args=(--branch "$(sed -n "$((n * pct / 100))p" "$tmp/commits")"); fi
      line=$(timed "$pct%" "$lh" scan "$repo" --no-store "${args[@]}" --format json -o "$tmp/part.json")
      mb=$(python3 -c 'import json,sys;print(json.load(open(sys.argv[1]))["stats"]["bytes_scanned"]/1e6)' "$tmp/part.json")
      echo "$line" | awk -v mb="$mb" '{printf "%s %9.1f\n", $0, mb/$2}'
    done
  fi
  "$lh" scan "$repo" --store "$tmp/store.sqlite3" -o /dev/null >/dev/null 2>&1 || true
  timed "lh rescan" "$lh" scan "$repo" --store "$tmp/store.sqlite3" --format json -o "$tmp/lh-rescan.json"
  if [ $compare = 1 ]; then
    peers=$(bash ../shared/bench/setup-peers.sh | tail -1)
    timed gitleaks "$peers/gitleaks" git "$repo" -f json -r "$tmp/gl.json" --no-banner --exit-code 0
    timed betterleaks "$peers/betterleaks" git "$repo" -o "$tmp/bl.json" --no-banner
    timed kingfisher "$peers/kingfisher" scan "$repo" --no-validate --no-update-check -f json --output "$tmp/kf.json" -q
  fi
  # --staged on 10,000 files with 3 staged changes.
  big=$tmp/staged; mkdir -p "$big"; git -C "$big" init -q; git -C "$big" config gc.auto 0
  python3 - "$big" <<'PY'
import os, sys
root = sys.argv[1]
for i in range(10000):
    d = os.path.join(root, f"pkg{i // 100}")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, f"mod{i}.py"), "w") as f:
        f.write(f"def f{i}(x):\n    return x + {i}\n")
PY
  git -C "$big" add -A && git -C "$big" -c user.name=b -c user.email=b@b commit -q -m base
  for i in 1 2 3; do echo "API_TOKEN = 'x$i'" >> "$big/pkg$i/mod$((i * 100)).py"; done
  git -C "$big" add -A
  for _ in 1 2 3; do "$lh" scan --staged "$big" >/dev/null || true; done
  start=$(date +%s%N); for _ in $(seq 20); do "$lh" scan --staged "$big" >/dev/null || true; done; end=$(date +%s%N)
  awk -v ns=$((end - start)) 'BEGIN{printf "--staged, 10,000 files, 3 changed: %.1f ms per run (mean of 20)\n", ns/20/1e6}'
  exit 0
fi

build_corpus() {
  echo "building corpus in $corpus (${size_mb} MB of real source)…" >&2
  rm -rf "$corpus"; mkdir -p "$corpus"
  srcs=()
  for d in "$HOME"/.cargo/registry/src/*/ "$(python3 -c 'import sysconfig;print(sysconfig.get_paths()["stdlib"])')" /usr/include /usr/share/perl*; do
    [ -d "$d" ] && srcs+=("$d")
  done
  i=0
  for d in "${srcs[@]}"; do
    i=$((i + 1))
    # Copy whole directories until the corpus is big enough; skip installed packages' binaries.
    (cd "$d" && find . -type f -size -4M ! -name '*.so' ! -name '*.so.*' ! -name '*.pyc' -print0 \
      | head -z -n 400000 | tar --null -T - -cf - | (mkdir -p "$corpus/src$i" && tar -xf - -C "$corpus/src$i")) || true
    [ "$(du -sm "$corpus" | cut -f1)" -ge "$size_mb" ] && break
  done
  # Plant fake secrets of several providers in realistic places (seeded: the same corpus every time).
  python3 - "$corpus" <<'PY'
import os, random, sys, zlib
root = sys.argv[1]; rnd = random.Random(42)
b62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
def r(n, a=b62): return "".join(rnd.choice(a) for _ in range(n))
def gh(prefix):
    body = r(30); c = zlib.crc32(body.encode()); s = ""
    for _ in range(6): s = b62[c % 62] + s; c //= 62
    return prefix + body + s
files = []
for dp, _, fns in os.walk(root):
    files += [os.path.join(dp, f) for f in fns if f.endswith((".rs", ".py", ".toml", ".md"))]
files.sort(); rnd.shuffle(files)
makers = [lambda: 'STRIPE_KEY = "sk_live_%s"' % r(24), lambda: 'token = "%s"' % gh("ghp_"),
          lambda: 'aws_access_key_id = "AKIA%s"' % r(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"),
          lambda: 'SLACK = "xoxb-%s-%s-%s"' % (r(11, "0123456789"), r(12, "0123456789"), r(24)),
          lambda: 'OPENAI_API_KEY = "sk-proj-%s"' % r(156, b62 + "_-")]
for i, f in enumerate(files[:200]):
    with open(f, "a") as fh: fh.write("\n# " + makers[i % len(makers)]() + "\n")
PY
  touch "$corpus/.complete"
}
[ -f "$corpus/.complete" ] || build_corpus

if [ -n "$scale" ]; then
  # Directory trees of growing size from distinct contents: the corpus, then the blobs of a history.
  pool=$(dirname "$corpus")/blobs
  if [ ! -f "$pool/.complete" ]; then
    rm -rf "$pool"; mkdir -p "$pool"
    git -C "$scale" cat-file --batch-all-objects --batch-check='%(objecttype) %(objectname) %(objectsize)' \
      | awk '$1 == "blob" && $3 < 4000000 {print $2}' \
      | git -C "$scale" cat-file --batch | python3 -c '
import os, sys
out, inp, i = sys.argv[1], sys.stdin.buffer, 0
while True:
    head = inp.readline()
    if not head: break
    oid, _, size = head.split()
    data = inp.read(int(size)); inp.read(1)
    if b"\0" in data[:8000]: continue
    d = os.path.join(out, oid[:2].decode()); os.makedirs(d, exist_ok=True)
    open(os.path.join(d, oid[2:].decode() + ".txt"), "wb").write(data); i += 1
print(i, "blobs written", file=sys.stderr)' "$pool"
    touch "$pool/.complete"
  fi
  printf '%-13s %8s %9s %10s\n' tree wall_s MB/s peak_MiB
  for mb in 100 400 1600; do
    tree=$(dirname "$corpus")/tree-$mb
    if [ ! -f "$tree/.complete" ]; then
      rm -rf "$tree"
      # Hard links: each tree holds distinct contents, the trees share them.
      python3 - "$corpus" "$pool" "$tree" $((mb * 1000000)) <<'PY'
import os, sys
corpus, pool, tree, limit = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
total = 0
for root, name in ((corpus, "corpus"), (pool, "blobs")):
    for dp, _, fns in sorted(os.walk(root)):
        for fn in sorted(fns):
            src = os.path.join(dp, fn)
            if fn == ".complete" or not os.path.isfile(src) or os.path.islink(src):
                continue
            size = os.path.getsize(src)
            if total + size > limit:
                sys.exit(0)
            dst = os.path.join(tree, name, os.path.relpath(src, root))
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            os.link(src, dst)
            total += size
PY
      touch "$tree/.complete"
    fi
    b=$(du -sbL "$tree" | cut -f1)
    line=$(timed "$((b / 1000000)) MB" "$lh" scan --no-git "$tree" --format json -o "$tmp/t.json")
    echo "$line" | awk -v b="$b" '{printf "%-13s %8.2f %9.1f %10.1f\n", $1" "$2, $3, b/1e6/$3, $4}'
  done
  exit 0
fi
bytes=$(du -sb "$corpus" | cut -f1)
files=$(find "$corpus" -type f | wc -l)
awk -v c="$corpus" -v f="$files" -v b="$bytes" 'BEGIN{printf "corpus: %s (%d files, %.1f MB)\n", c, f, b/1e6}'

cat /dev/null > "$tmp/walls"
for _ in $(seq "$runs"); do
  /usr/bin/time -f '%e %M' -o "$tmp/t" "$lh" scan --no-git "$corpus" --format json -o "$tmp/r.json" >/dev/null 2>"$tmp/err" || true
  tail -n 1 "$tmp/t" >> "$tmp/walls"
done
read -r wall peak < <(sort -n "$tmp/walls" | awk '{a[NR]=$0} END{print a[int((NR+1)/2)]}')
findings=$(python3 -c 'import json,sys;print(len(json.load(open(sys.argv[1]))["findings"]))' "$tmp/r.json")
printf '%-22s %8s %9s %10s %9s\n' what wall_s MB/s peak_MiB findings
awk -v w="$wall" -v b="$bytes" -v p="$peak" -v f="$findings" \
  'BEGIN{printf "%-22s %8.2f %9.1f %10.1f %9d\n", "scan --no-git", w, b/1e6/w, p/1024, f}'

# Start-up: a one-file tree, as a pre-commit hook sees it.
mkdir -p "$tmp/one" && echo 'print("hello")' > "$tmp/one/a.py"
for _ in 1 2 3; do "$lh" scan --no-git "$tmp/one" >/dev/null; done
start=$(date +%s%N); for _ in $(seq 20); do "$lh" scan --no-git "$tmp/one" >/dev/null; done; end=$(date +%s%N)
awk -v ns=$((end - start)) 'BEGIN{printf "%-22s %8.1f ms per run (mean of 20)\n", "start-up, one file", ns/20/1e6}'

if [ $compare = 1 ]; then
  # The peers, each as a whole process, median wall of RUNS, peak RSS and findings count. (Same commands
  # as ../shared/bench/compare.sh, which misreads /usr/bin/time when a scanner exits non-zero.)
  peers=$(bash ../shared/bench/setup-peers.sh | tail -1)
  printf '\n%-13s %8s %9s %10s %9s\n' tool wall_s MB/s peak_MiB findings
  count() { python3 - "$1" "$2" <<'PY'
import json, sys
kind, path = sys.argv[1], sys.argv[2]
try:
    if kind == "lh": print(len(json.load(open(path))["findings"]))
    elif kind == "kf":
        d = json.load(open(path)); print(len(d.get("findings", d) if isinstance(d, dict) else d))
    else: print(len(json.load(open(path))))
except Exception: print("?")
PY
  }
  for entry in "leakhound|lh|$lh scan --no-git $corpus --format json -o $tmp/lh.json" \
               "gitleaks|gl|$peers/gitleaks dir $corpus -f json -r $tmp/gl.json --no-banner --exit-code 0" \
               "betterleaks|bl|$peers/betterleaks fs $corpus -o $tmp/bl.json --no-banner" \
               "kingfisher|kf|$peers/kingfisher scan $corpus --no-validate --no-update-check --git-history none -f json --output $tmp/kf.json -q"; do
    name=${entry%%|*}; rest=${entry#*|}; kind=${rest%%|*}; cmd=${rest#*|}
    : > "$tmp/w"
    for _ in $(seq "$runs"); do
      # $cmd is a command line to split into words on purpose.
      # shellcheck disable=SC2086
      /usr/bin/time -f '%e %M' -o "$tmp/t" $cmd >/dev/null 2>&1 || true
      tail -n 1 "$tmp/t" >> "$tmp/w"
    done
    read -r w m < <(sort -n "$tmp/w" | awk '{a[NR]=$0} END{print a[int((NR+1)/2)]}')
    n=$(count "$kind" "$tmp/$kind.json")
    awk -v n="$name" -v w="$w" -v b="$bytes" -v p="$m" -v f="$n" 'BEGIN{printf "%-13s %8.2f %9.1f %10.1f %9s\n", n, w, b/1e6/w, p/1024, f}'
  done
fi
