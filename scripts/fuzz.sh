#!/usr/bin/env bash
# Fuzz what leakhound parses from files it does not control (config, rules, outbox) for SECONDS each
# (default 600), one target after another; exits non-zero if any input made it panic (saved under
# target/fuzz-crashes/). See fuzz/parsers.rs.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
cargo build --release --locked --example fuzz-parsers
status=0
for target in config rules outbox; do
  target/release/examples/fuzz-parsers "$target" "$seconds" || status=1
done
exit "$status"
