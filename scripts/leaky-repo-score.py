#!/usr/bin/env python3
"""Scores a leakhound JSON report of Plazmaz/leaky-repo against the repository's own .leaky-meta/secrets.csv.

Usage: leaky-repo-score.py CHECKOUT REPORT.json [--list]

secrets.csv gives, per file, how many lines are a risk; it does not say which. Line recall is therefore
the sum over risky files of min(distinct finding lines, risk lines), over all risk lines: an upper bound
that is exact when findings land on risk lines (check with --list). Findings in files with no risk
lines are counted as false-positive files.
"""
import csv, json, sys, collections, os

def main():
    root, report = sys.argv[1], sys.argv[2]
    risk = {}
    with open(os.path.join(root, ".leaky-meta/secrets.csv")) as f:
        for row in csv.reader(l for l in f if l.strip() and not l.startswith("#")):
            risk[row[0].strip()] = int(row[1])
    findings = json.load(open(report))["findings"]
    lines = collections.defaultdict(set)
    for x in findings:
        lines[x["path"]].add(x["line"])
    risky = {p: n for p, n in risk.items() if n > 0}
    found_files = [p for p in risky if lines.get(p)]
    found_lines = sum(min(len(lines.get(p, ())), n) for p, n in risky.items())
    fp_files = sorted(p for p in lines if p not in risky and not p.startswith(".leaky-meta/"))
    print(f"risky files found: {len(found_files)}/{len(risky)}")
    print(f"risk lines found (upper bound): {found_lines}/{sum(risky.values())} = {found_lines / sum(risky.values()):.0%}")
    print(f"files with findings but no risk: {len(fp_files)} {fp_files}")
    if "--list" in sys.argv:
        for p, n in sorted(risky.items()):
            print(f"  {len(lines.get(p, ())):>2}/{n:<2} {p} {sorted(lines.get(p, ()))}")

main()
