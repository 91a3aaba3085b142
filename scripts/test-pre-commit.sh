#!/usr/bin/env bash
# End-to-end test of .pre-commit-hooks.yaml with the real pre-commit framework: a repository whose
# .pre-commit-config.yaml points at this checkout refuses a commit that stages a fake key (with a
# readable, redacted message) and accepts a clean one. Runs both hooks: `leakhound-system` (binary on
# PATH) and `leakhound` (language: rust, built from this repository by pre-commit). Then the file hooks
# (`leakhound-files-system`, `leakhound-files`): `pre-commit run --all-files` fails on a key that is
# already committed and passes once it is gone.
#   usage: scripts/test-pre-commit.sh [--system-only]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
command -v pre-commit >/dev/null || { echo "pre-commit is not installed (python3 -m pip install pre-commit)" >&2; exit 2; }
cargo build --locked -q --manifest-path "$here/Cargo.toml"
export PATH="$here/target/debug:$PATH" NO_COLOR=1
rev=$(git -C "$here" rev-parse HEAD)
hooks=(leakhound-system leakhound)
file_hooks=(leakhound-files-system leakhound-files)
[ "${1:-}" = --system-only ] && hooks=(leakhound-system) && file_hooks=(leakhound-files-system)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# A fresh HOME keeps the user's git and pre-commit settings out; the Rust toolchain stays where it is.
export RUSTUP_HOME="${RUSTUP_HOME:-$HOME/.rustup}" CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"
export PRE_COMMIT_HOME="$tmp/cache" HOME="$tmp" GIT_CONFIG_NOSYSTEM=1
fake_key="sk_live_$(python3 -c 'import random; r=random.Random(9); print("".join(r.choice("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(24)))')"
fail=0
for hook in "${hooks[@]}"; do
  repo="$tmp/$hook"; mkdir -p "$repo"; cd "$repo"
  git init -q -b main
  git config user.name Dev; git config user.email dev@example.org
  printf 'repos:\n  - repo: %s\n    rev: %s\n    hooks:\n      - id: %s\n' "$here" "$rev" "$hook" > .pre-commit-config.yaml
  git add .pre-commit-config.yaml && git commit -q -m "config" --no-verify
  pre-commit install >/dev/null
  echo "STRIPE_KEY=$fake_key" > settings.env
  git add settings.env
  if git commit -q -m "add key" > "$tmp/out" 2>&1; then
    echo "FAIL [$hook]: the commit with a secret was accepted"; fail=1
  elif grep -q "stripe-live-secret-key" "$tmp/out" && grep -q "settings.env" "$tmp/out" && ! grep -q "$fake_key" "$tmp/out"; then
    echo "ok [$hook]: commit with a secret refused, message redacted"
  else
    echo "FAIL [$hook]: unexpected output:"; cat "$tmp/out"; fail=1
  fi
  # A placeholder, literally: the hook must accept it.
  # shellcheck disable=SC2016
  echo 'STRIPE_KEY=${STRIPE_KEY}' > settings.env
  git add settings.env
  if git commit -q -m "clean" > "$tmp/out" 2>&1; then
    echo "ok [$hook]: clean commit accepted"
  else
    echo "FAIL [$hook]: clean commit refused:"; cat "$tmp/out"; fail=1
  fi
done
for hook in "${file_hooks[@]}"; do
  repo="$tmp/$hook"; mkdir -p "$repo"; cd "$repo"
  git init -q -b main
  git config user.name Dev; git config user.email dev@example.org
  printf 'repos:\n  - repo: %s\n    rev: %s\n    hooks:\n      - id: %s\n' "$here" "$rev" "$hook" > .pre-commit-config.yaml
  mkdir -p app && echo "STRIPE_KEY=$fake_key" > app/settings.env && echo "print('hi')" > app/main.py
  git add -A && git commit -q -m "already committed" --no-verify
  if pre-commit run "$hook" --all-files > "$tmp/out" 2>&1; then
    echo "FAIL [$hook]: --all-files passed over a committed secret"; cat "$tmp/out"; fail=1
  elif grep -q "stripe-live-secret-key" "$tmp/out" && grep -q "app/settings.env" "$tmp/out" && ! grep -q "$fake_key" "$tmp/out"; then
    echo "ok [$hook]: --all-files finds the committed secret, redacted"
  else
    echo "FAIL [$hook]: unexpected output:"; cat "$tmp/out"; fail=1
  fi
  # shellcheck disable=SC2016
  echo 'STRIPE_KEY=${STRIPE_KEY}' > app/settings.env
  git add -A && git commit -q -m "clean" --no-verify
  if pre-commit run "$hook" --all-files > "$tmp/out" 2>&1; then
    echo "ok [$hook]: --all-files passes on a clean tree"
  else
    echo "FAIL [$hook]: clean tree refused:"; cat "$tmp/out"; fail=1
  fi
done
exit $fail
