#!/usr/bin/env python3
"""Line-level precision/recall of secret scanners on the accuracy corpus.

Without --corpus, the corpus is generated first from tests/fixtures/accuracy/templates (deterministic,
a second or so) into target/accuracy/: corpus/, labels.tsv, hard-negatives.tsv.

A finding counts for the (path, line) it starts on; several findings on one
line count once.  A predicted line listed in labels.tsv is a true positive,
any other predicted line a false positive, and a labelled line no finding
starts on a false negative.

Run the tools (each scans a private copy of the corpus outside the repository,
so no in-tree config or ignore file applies):

    scripts/accuracy.py --leakhound /tmp/lh-bin/leakhound \
        --peer gitleaks=/root/.cache/leakhound-peers/bin/gitleaks \
        --peer betterleaks=/root/.cache/leakhound-peers/bin/betterleaks

or score reports made earlier (format detected from the JSON):

    scripts/accuracy.py --report leakhound=lh.json --report gitleaks=gl.json

Add --list-fn / --list-fp to print the missed / spurious lines, --json FILE
to write the numbers.  Standard library only.
"""
import argparse
import collections
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GENERATOR = os.path.join(ROOT, "tests", "fixtures", "accuracy", "generate.py")
GENERATED = os.path.join(ROOT, "target", "accuracy")


def read_tsv(path, ncols):
    rows = []
    if not path or not os.path.exists(path):
        return rows
    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            raw = raw.rstrip("\n")
            if not raw or raw.startswith("#"):
                continue
            parts = raw.split("\t")
            if len(parts) < ncols:
                sys.exit("%s: bad row %r" % (path, raw))
            rows.append(parts)
    return rows


def norm_path(p, roots):
    p = p.replace("\\", "/")
    for r in roots:
        r = r.replace("\\", "/").rstrip("/") + "/"
        if p.startswith(r):
            p = p[len(r):]
            break
    while p.startswith("./"):
        p = p[2:]
    return p.lstrip("/")


def parse_report(path, roots):
    """Return a list of (path, line) for each finding in a report file.

    Understands leakhound JSON (`findings` with `path`/`line`), gitleaks JSON
    (list with `File`/`StartLine`), betterleaks 2.x JSON (`findings` with
    `location.path`/`location.start_line`) and JSON Lines of any of these.
    """
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    text_s = text.strip()
    if not text_s:
        return []
    try:
        doc = json.loads(text_s)
        items = doc if isinstance(doc, list) else doc.get("findings") or []
    except json.JSONDecodeError:
        items = [json.loads(l) for l in text_s.splitlines() if l.strip()]
    out = []
    for f in items:
        if "File" in f:  # gitleaks / betterleaks 1.x
            p, line, end = f.get("SymlinkFile") or f["File"], f["StartLine"], f.get("EndLine")
        elif "location" in f:  # betterleaks 2.x
            loc = f["location"]
            p, line, end = loc.get("path"), loc.get("start_line"), loc.get("end_line")
        elif "path" in f:  # leakhound
            p, line, end = f["path"], f.get("line"), f.get("end_line")
        else:
            continue
        if p is None or line is None:
            continue
        out.append((norm_path(p, roots), int(line), int(end or line)))
    return out


def to_lines(findings, labels, span):
    """(path, line) per finding: its start line, or with `span` the first
    labelled line inside a multi-line finding (e.g. a Kubernetes Secret
    reported from its `kind:` line, a curl command split with backslashes)."""
    out = []
    for p, start, end in findings:
        line = start
        if span and (p, start) not in labels:
            for l in range(start, end + 1):
                if (p, l) in labels:
                    line = l
                    break
        out.append((p, line))
    return out


def run_tool(name, binary, corpus, outdir):
    out = os.path.join(outdir, name + ".json")
    help_text = ""
    kind = "leakhound" if name == "leakhound" else None
    if kind is None:
        try:
            help_text = subprocess.run([binary, "--help"], capture_output=True, text=True, timeout=60).stdout
        except OSError as e:
            sys.exit("%s: %s" % (binary, e))
        kind = "betterleaks2" if "filesystem (fs)" in help_text else "gitleaks"
    if kind == "leakhound":
        cmd = [binary, "scan", "--no-git", "--format", "json", "-o", out, "."]
    elif kind == "betterleaks2":
        cmd = [binary, "fs", ".", "-o", out, "--no-banner", "--no-color", "--exit-code", "0", "-l", "warn"]
    else:
        cmd = [binary, "dir", ".", "--report-format", "json", "--report-path", out,
               "--no-banner", "--exit-code", "0", "-l", "warn"]
    res = subprocess.run(cmd, cwd=corpus, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if not os.path.exists(out):
        sys.exit("%s failed (exit %d): %s\n%s" % (name, res.returncode, " ".join(cmd), res.stderr[-2000:]))
    return out


def score(pred_lines, labels):
    pred = set(pred_lines)
    tp = pred & labels.keys()
    fp = pred - labels.keys()
    fn = labels.keys() - pred
    p = len(tp) / len(pred) if pred else 0.0
    r = len(tp) / len(labels) if labels else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return tp, fp, fn, p, r, f1


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", help="a corpus made earlier (default: generate one into target/accuracy)")
    ap.add_argument("--labels", help="its labels (default: beside a generated corpus)")
    ap.add_argument("--hard", help="hard-negative lines, for the FP breakdown (default: beside a generated corpus)")
    ap.add_argument("--leakhound", metavar="BIN", help="run this leakhound binary")
    ap.add_argument("--peer", action="append", default=[], metavar="NAME=BIN",
                    help="run a gitleaks-compatible or betterleaks binary")
    ap.add_argument("--report", action="append", default=[], metavar="NAME=FILE",
                    help="score an existing JSON report")
    ap.add_argument("--keep", metavar="DIR", help="keep the raw reports in DIR")
    ap.add_argument("--list-fn", action="store_true", help="list missed positive lines")
    ap.add_argument("--list-fp", action="store_true", help="list false-positive lines")
    ap.add_argument("--json", metavar="FILE", help="write the scores as JSON")
    ap.add_argument("--span", action="store_true",
                    help="credit a multi-line finding to the first positive line it covers, not only its start line")
    a = ap.parse_args()
    if a.corpus is None:
        subprocess.run([sys.executable, GENERATOR, GENERATED], check=True, stderr=subprocess.DEVNULL)
        a.corpus = os.path.join(GENERATED, "corpus")
        a.labels = a.labels or os.path.join(GENERATED, "labels.tsv")
        a.hard = a.hard or os.path.join(GENERATED, "hard-negatives.tsv")
    if a.labels is None:
        sys.exit("--labels is needed with --corpus")

    corpus = os.path.abspath(a.corpus)
    labels = {(p, int(l)): k for p, l, k in read_tsv(a.labels, 3)}
    hard = {(p, int(l)) for p, l in read_tsv(a.hard, 2)}
    lines_total = 0
    files_total = 0
    for root, _, files in os.walk(corpus):
        for f in files:
            files_total += 1
            with open(os.path.join(root, f), "rb") as fh:
                lines_total += fh.read().count(b"\n")
    missing = [k for k in labels if not os.path.exists(os.path.join(corpus, k[0]))]
    if missing:
        sys.exit("labels name files not in the corpus: %s" % missing[:5])

    reports = collections.OrderedDict()
    tmp = tempfile.mkdtemp(prefix="lh-accuracy-")
    try:
        runs = []
        if a.leakhound:
            runs.append(("leakhound", a.leakhound))
        for spec in a.peer:
            name, _, binary = spec.partition("=")
            runs.append((name, binary))
        if runs:
            copy = os.path.join(tmp, "corpus")
            shutil.copytree(corpus, copy, symlinks=True)
            for name, binary in runs:
                out = run_tool(name, os.path.abspath(binary) if os.sep in binary else binary, copy, tmp)
                reports[name] = (out, [copy, os.path.realpath(copy)])
                if a.keep:
                    os.makedirs(a.keep, exist_ok=True)
                    shutil.copy(out, os.path.join(a.keep, name + ".json"))
        for spec in a.report:
            name, _, path = spec.partition("=")
            reports[name] = (path, [corpus, os.path.realpath(corpus)])
        if not reports:
            ap.error("nothing to score: give --leakhound, --peer or --report")

        kinds = sorted(set(labels.values()))
        if a.span:
            print("(--span: multi-line findings credited to the first positive line they cover)")
        print("corpus: %d files, %d lines, %d positive lines, %d negative lines (%d hard negatives)" % (
            files_total, lines_total, len(labels), lines_total - len(labels), len(hard)))
        print()
        hdr = "%-12s %5s %5s %5s %9s %7s %6s %8s" % ("tool", "TP", "FP", "FN", "precision", "recall", "F1", "FP-hard")
        print(hdr)
        print("-" * len(hdr))
        results = collections.OrderedDict()
        details = {}
        for name, (path, roots) in reports.items():
            findings = parse_report(path, roots)
            pred = to_lines(findings, labels, a.span)
            stray = sorted({p for p, _ in pred if not os.path.isfile(os.path.join(corpus, p))})
            if stray:
                print("warning: %s reports paths not in the corpus (counted as FP): %s" % (name, ", ".join(stray)),
                      file=sys.stderr)
            tp, fp, fn, p, r, f1 = score(pred, labels)
            details[name] = (tp, fp, fn, pred)
            results[name] = {"tp": len(tp), "fp": len(fp), "fn": len(fn), "precision": p, "recall": r,
                             "f1": f1, "fp_hard": len(fp & hard), "findings": len(pred), "per_kind": {}}
            print("%-12s %5d %5d %5d %9.3f %7.3f %6.3f %8d" % (name, len(tp), len(fp), len(fn), p, r, f1, len(fp & hard)))
        print()
        print("recall by kind")
        print("%-18s %5s " % ("kind", "n") + " ".join("%12s" % n for n in results))
        for k in kinds:
            pos = {x for x, kk in labels.items() if kk == k}
            row = "%-18s %5d " % (k, len(pos))
            for name in results:
                hit = len(pos & details[name][0])
                results[name]["per_kind"][k] = {"n": len(pos), "tp": hit}
                row += "%12s" % ("%d (%.0f%%)" % (hit, 100.0 * hit / len(pos)) if pos else "-")
            print(row)

        for name in results:
            tp, fp, fn, pred = details[name]
            if a.list_fn and fn:
                print("\n%s: missed positives (%d)" % (name, len(fn)))
                for p, l in sorted(fn):
                    print("  FN %s:%d [%s] %s" % (p, l, labels[(p, l)], line_text(corpus, p, l)))
            if a.list_fp and fp:
                print("\n%s: false positives (%d)" % (name, len(fp)))
                for p, l in sorted(fp):
                    print("  FP %s:%d%s %s" % (p, l, " [hard]" if (p, l) in hard else "", line_text(corpus, p, l)))
        if a.json:
            with open(a.json, "w") as fh:
                json.dump(results, fh, indent=2)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def line_text(corpus, path, line):
    try:
        with open(os.path.join(corpus, path), encoding="utf-8", errors="replace") as fh:
            for i, t in enumerate(fh, 1):
                if i == line:
                    t = t.strip()
                    return t if len(t) <= 110 else t[:107] + "..."
    except OSError:
        pass
    return "(no such line)"


if __name__ == "__main__":
    main()
