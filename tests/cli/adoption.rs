//! Where users run it: baseline and ignore files, gitleaks migration, the plain git hook, the GitHub
//! Action's script. (The pre-commit framework test is scripts/test-pre-commit.sh, run by .ci/run.)

use std::path::Path;
use std::process::Command;

use crate::support::*;

#[test]
fn baseline_keeps_moved_findings_quiet_and_reports_new_ones() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let old = stripe_key(400);
    write(d, "app.py", format!("KEY = \"{old}\"\n"));
    let base = d.join("baseline.json");
    let o =
        run(&["scan", "--no-git", "--format", "json", "--write-baseline", base.to_str().unwrap(), d.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "writing a baseline accepts what it holds");
    assert!(!std::fs::read_to_string(&base).unwrap().contains(&old), "the baseline is redacted");
    // The line moves; a new secret appears.
    let new = stripe_key(401);
    write(d, "app.py", format!("import os\n\nKEY = \"{old}\"\nOTHER = \"{new}\"\n"));
    let (report, o) =
        scan_json(&["--no-git", "--show-secrets", "--baseline", base.to_str().unwrap(), d.to_str().unwrap()]);
    let f = report["findings"].as_array().unwrap();
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0]["secret"], new.as_str());
    assert_eq!(o.status.code(), Some(1));
    // A baseline that is not a report is a clear error.
    write(d, "bad.json", "[]");
    let o = run(&["scan", "--no-git", "--baseline", d.join("bad.json").to_str().unwrap(), d.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not a leakhound JSON report"), "{}", stderr(&o));
}

#[test]
fn leakhoundignore_accepts_fingerprints_and_path_fingerprints() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let shared = stripe_key(410);
    write(d, "a.py", format!("K = \"{shared}\"\n"));
    write(d, "b.py", format!("K = \"{shared}\"\n"));
    write(d, "c.py", format!("K = \"{}\"\n", stripe_key(411)));
    let (report, _) = scan_json(&["--no-git", d.to_str().unwrap()]);
    let f = report["findings"].as_array().unwrap();
    let loc_a =
        f.iter().find(|x| x["path"] == "a.py").unwrap()["fingerprints"]["location"].as_str().unwrap().to_string();
    let sec_c = f.iter().find(|x| x["path"] == "c.py").unwrap()["fingerprints"]["secret"].as_str().unwrap().to_string();
    write(d, ".leakhoundignore", format!("# accepted test fixtures\n{loc_a}\n\nc.py:{sec_c}  # only here\n"));
    let (report, _) = scan_json(&["--no-git", d.to_str().unwrap()]);
    assert_eq!(finding_paths(&report), vec!["b.py"]);
    write(d, ".leakhoundignore", "not-a-fingerprint\n");
    let o = run(&["scan", "--no-git", d.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains(".leakhoundignore:1"), "{}", stderr(&o));
}

const GITLEAKS: &str = r#"
title = "team config"
[extend]
useDefault = true

[[rules]]
id = "acme_internal_token"
description = "ACME internal token"
regex = '''acme_(?:tok|key)_([a-z0-9]{20})'''
secretGroup = 1
entropy = 2.5
keywords = ["acme_tok_", "acme_key_"]
path = '''\.py$'''
tags = ["internal"]
  [[rules.allowlists]]
  stopwords = ["fixture"]

[allowlist]
description = "global"
paths = ['''(^|/)testdata/''']
regexes = ['''^acme_tok_0+$''']
stopwords = ["sample"]
commits = ["abc123"]
"#;

#[test]
fn gitleaks_config_is_converted_and_its_rules_work() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, ".gitleaks.toml", GITLEAKS);
    let out = d.join("converted.toml");
    let o = leakhound()
        .current_dir(d)
        .args(["config", "import-gitleaks", ".gitleaks.toml", "-o", out.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let notes = stderr(&o);
    assert!(notes.contains("useDefault"), "{notes}");
    assert!(notes.contains("path regex") && notes.contains("commits"), "{notes}");
    let token = format!("acme_tok_{}", random_base62(7, 20).to_lowercase());
    write(d, "src/app.py", format!("T = '{token}'\n"));
    write(d, "testdata/t.py", format!("T = '{token}'\n"));
    let (report, o) =
        scan_json(&["--no-git", "--show-secrets", "--config", out.to_str().unwrap(), d.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let f = report["findings"].as_array().unwrap();
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0]["rule_id"], "acme-internal-token");
    assert_eq!(f[0]["secret"], &token["acme_tok_".len()..], "secretGroup carried over");
    // Refuses to overwrite, and refuses a regex Rust cannot compile, naming the rule.
    let o = leakhound()
        .current_dir(d)
        .args(["config", "import-gitleaks", ".gitleaks.toml", "-o", out.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    write(
        d,
        "look.toml",
        "[[rules]]\nid = \"lookaround\"\nregex = '''(?<!x)secret_[a-z]{8}'''\nkeywords = [\"secret_\"]\n",
    );
    let o = leakhound().current_dir(d).args(["config", "import-gitleaks", "look.toml", "-o", "-"]).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("rule lookaround") && stderr(&o).contains("cannot be compiled"), "{}", stderr(&o));
}

#[test]
fn install_hook_blocks_a_commit_with_a_secret_and_updates_itself() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"]);
    let o = leakhound().current_dir(d).args(["install-hook"]).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // Installing again updates our own hook.
    let o = leakhound().current_dir(d).args(["install-hook"]).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!d.join(".git/hooks/pre-commit.leakhound-chained").exists());
    // The hook runs the leakhound on PATH.
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_leakhound")).parent().unwrap();
    let path = format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap_or_default());
    let key = stripe_key(420);
    write(d, "pay.env", format!("STRIPE={key}\n"));
    git(d, &["add", "pay.env"]);
    let o = Command::new("git")
        .current_dir(d)
        .args(["-c", "user.name=Dev", "-c", "user.email=dev@example.org", "commit", "-q", "-m", "oops"])
        .env("PATH", &path)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!o.status.success(), "the commit is refused");
    let shown = format!("{}{}", stdout(&o), stderr(&o));
    assert!(shown.contains("stripe-live-secret-key") && shown.contains("pay.env"), "{shown}");
    assert!(!shown.contains(&key), "redacted: {shown}");
    write(d, "pay.env", "STRIPE=${STRIPE_KEY}\n");
    git(d, &["add", "pay.env"]);
    let o = Command::new("git")
        .current_dir(d)
        .args(["-c", "user.name=Dev", "-c", "user.email=dev@example.org", "commit", "-q", "-m", "clean"])
        .env("PATH", &path)
        .output()
        .unwrap();
    assert!(o.status.success(), "a clean commit goes through: {}", stderr(&o));
}

#[test]
fn action_script_scans_the_pull_request_range_and_reports() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("repo");
    std::fs::create_dir(&repo).unwrap();
    git(&repo, &["init", "-q", "-b", "main"]);
    let old = stripe_key(430);
    write(&repo, "old.env", format!("OLD={old}\n"));
    git(&repo, &["add", "-A"]);
    git(&repo, &["commit", "-q", "-m", "base"]);
    let base = git(&repo, &["rev-parse", "HEAD"]);
    write(&repo, "src/new.py", format!("# config\nKEY = \"{}\"\n", stripe_key(431)));
    git(&repo, &["add", "-A"]);
    git(&repo, &["commit", "-q", "-m", "pr"]);
    let head = git(&repo, &["rev-parse", "HEAD"]);
    let event = dir.path().join("event.json");
    std::fs::write(
        &event,
        format!(r#"{{"pull_request": {{"base": {{"sha": "{base}"}}, "head": {{"sha": "{head}"}}}}}}"#),
    )
    .unwrap();
    let summary = dir.path().join("summary.md");
    let outputs = dir.path().join("outputs.txt");
    let sarif = dir.path().join("out.sarif");
    let files = ActionFiles { summary: &summary, outputs: &outputs, sarif: &sarif };
    let o = run_action(&repo, "pull_request", Some(&event), &files, true);
    assert_eq!(o.status.code(), Some(1), "{}{}", stdout(&o), stderr(&o));
    let s = std::fs::read_to_string(&summary).unwrap();
    assert!(s.contains("1 secret found in commits"), "{s}");
    assert!(
        s.contains(&format!("| critical | stripe-live-secret-key | src/new.py | 2 | {} | `sk_live_…` |", &head[..12])),
        "{s}"
    );
    assert!(!s.contains(&old[8..]), "the base's secret is not in the PR range");
    let out = std::fs::read_to_string(&outputs).unwrap();
    assert!(out.contains("findings-count=1") && out.contains(&format!("sarif-file={}", sarif.display())), "{out}");
    assert!(out.contains("category=leakhound-range"), "{out}");
    assert!(
        stdout(&o).contains("::error file=src/new.py,line=2,endLine=2,col=8,title=leakhound stripe-live-secret-key::"),
        "{}",
        stdout(&o)
    );
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&sarif).unwrap()).unwrap();
    assert_eq!(v["runs"][0]["results"].as_array().unwrap().len(), 1);
    // Without failing on findings, the step passes but still reports.
    let o = run_action(&repo, "workflow_dispatch", None, &files, false);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(std::fs::read_to_string(&summary).unwrap().contains("whole git history"));
    let out = std::fs::read_to_string(&outputs).unwrap();
    assert!(out.contains("findings-count=2") && out.contains("category=leakhound-full"), "{out}");
}

#[test]
fn action_script_with_a_missing_base_scans_the_head_commit_with_a_notice() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("repo");
    std::fs::create_dir(&repo).unwrap();
    init(&repo);
    commit_file(&repo, "a.txt", "hello\n", "one");
    let head = commit_file(&repo, "b.env", &format!("K={}\n", stripe_key(432)), "two");
    // The base was force-pushed away: no such commit here, and no remote to fetch it from.
    let event = dir.path().join("event.json");
    std::fs::write(&event, format!(r#"{{"before": "{}", "after": "{head}"}}"#, "1".repeat(40))).unwrap();
    let files = ActionFiles {
        summary: &dir.path().join("summary.md"),
        outputs: &dir.path().join("outputs.txt"),
        sarif: &dir.path().join("out"),
    };
    let o = run_action(&repo, "push", Some(&event), &files, true);
    let all = format!("{}{}", stdout(&o), stderr(&o));
    assert_eq!(o.status.code(), Some(1), "{all}");
    assert!(all.contains("::notice title=leakhound::base commit 111111111111 is not in this checkout"), "{all}");
    assert!(!all.contains("revspec") && !all.contains("class="), "{all}");
    // The SARIF file has no .sarif extension and is SARIF all the same.
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(files.sarif).unwrap()).unwrap();
    assert_eq!(v["version"], "2.1.0");
}

/// The files a GitHub runner hands to a step.
struct ActionFiles<'a> {
    summary: &'a Path,
    outputs: &'a Path,
    sarif: &'a Path,
}

/// Runs the Action's script as the runner would for `event` (with its payload at `event_path`).
fn run_action(
    repo: &Path,
    event: &str,
    event_path: Option<&Path>,
    files: &ActionFiles<'_>,
    fail_on_findings: bool,
) -> std::process::Output {
    let mut cmd = Command::new("bash");
    cmd.arg(concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/action.sh"))
        .env("LEAKHOUND", env!("CARGO_BIN_EXE_leakhound"))
        .env("GITHUB_WORKSPACE", repo)
        .env("GITHUB_EVENT_NAME", event)
        .env("GITHUB_STEP_SUMMARY", files.summary)
        .env("GITHUB_OUTPUT", files.outputs)
        .env("INPUT_SARIF_FILE", files.sarif)
        .env("INPUT_FAIL_ON_FINDINGS", if fail_on_findings { "true" } else { "false" });
    if let Some(p) = event_path {
        cmd.env("GITHUB_EVENT_PATH", p);
    }
    cmd.output().unwrap()
}

/// `git commit` in `dir` with a fixed identity; the PATH given (or the inherited one).
fn commit(dir: &Path, msg: &str, path: Option<&str>) -> std::process::Output {
    let mut c = Command::new("git");
    c.current_dir(dir).args(["-c", "user.name=Dev", "-c", "user.email=dev@example.org", "commit", "-q", "-m", msg]);
    c.env("NO_COLOR", "1").env("GIT_CONFIG_NOSYSTEM", "1");
    if let Some(p) = path {
        c.env("PATH", p);
    }
    c.output().unwrap()
}

#[test]
fn install_hook_follows_core_hooks_path_and_chains_to_a_foreign_hook() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    init(d);
    git(d, &["config", "core.hooksPath", ".githooks"]);
    // Someone else's hook is already there: it keeps running, after the scan.
    write(
        d,
        ".githooks/pre-commit",
        "#!/bin/sh\necho foreign-hook-ran >> \"$(git rev-parse --show-toplevel)/ran.log\"\n",
    );
    std::fs::set_permissions(d.join(".githooks/pre-commit"), std::os::unix::fs::PermissionsExt::from_mode(0o755))
        .unwrap();
    let o = leakhound().current_dir(d).args(["install-hook"]).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains(".githooks/pre-commit") && stderr(&o).contains("chained"), "{}", stderr(&o));
    assert!(!d.join(".git/hooks/pre-commit").exists(), "not where git would not run it");

    // leakhound is not on this PATH: the hook falls back to the binary that installed it.
    write(d, "pay.env", format!("STRIPE={}\n", stripe_key(421)));
    git(d, &["add", "pay.env"]);
    let o = commit(d, "oops", Some("/usr/bin:/bin"));
    assert!(!o.status.success(), "refused: {}", stderr(&o));
    assert!(stderr(&o).contains("stripe-live-secret-key") || stdout(&o).contains("stripe-live-secret-key"));
    assert!(!d.join("ran.log").exists(), "the chained hook runs only after a clean scan");
    write(d, "pay.env", "STRIPE=${STRIPE_KEY}\n");
    git(d, &["add", "pay.env"]);
    let o = commit(d, "clean", Some("/usr/bin:/bin"));
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read_to_string(d.join("ran.log")).unwrap().contains("foreign-hook-ran"));
}

#[test]
fn install_hook_in_a_linked_worktree_guards_its_commits() {
    let dir = tempfile::tempdir().unwrap();
    let main = dir.path().join("main");
    std::fs::create_dir(&main).unwrap();
    init(&main);
    commit_file(&main, "README", "hi\n", "init");
    let wt = dir.path().join("wt");
    git(&main, &["worktree", "add", "-q", wt.to_str().unwrap(), "-b", "topic"]);
    let o = leakhound().current_dir(&wt).args(["install-hook"]).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    write(&wt, "pay.env", format!("STRIPE={}\n", stripe_key(422)));
    git(&wt, &["add", "pay.env"]);
    let o = commit(&wt, "oops", Some("/usr/bin:/bin"));
    assert!(!o.status.success(), "git ran the hook in the worktree: {}", stderr(&o));
}

#[test]
fn gitleaks_rules_without_keywords_get_them_from_their_regex_or_are_not_imported() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "gl.toml",
        r#"
[[rules]]
id = "acme"
regex = '''(?i)acme_key\s*=\s*([a-z0-9]{24})'''
[[rules]]
id = "hexonly"
regex = '''[a-f0-9]{40}'''
[[rules]]
id = "and"
regex = '''zeta_[a-z0-9]{16}'''
keywords = ["zeta_"]
[[rules.allowlists]]
condition = "AND"
paths = ['''test''']
regexes = ['''^zeta_0''']
"#,
    );
    let out = d.join("out.toml");
    let o = leakhound().current_dir(d).args(["config", "import-gitleaks", "gl.toml", "-o"]).arg(&out).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let notes = stderr(&o);
    assert!(notes.contains("rule acme: no keywords; derived [\"acme_key\"]"), "{notes}");
    assert!(notes.contains("rule hexonly: not imported"), "{notes}");
    assert!(notes.contains("rule and: an allowlist with condition = \"AND\""), "{notes}");
    // Every rule written scans: no rule without keywords breaks the next scan.
    write(d, "src/a.py", format!("ACME_KEY = {}\n", random_base62(8, 24).to_lowercase()));
    let (r, o) = scan_json(&["--no-git", "--config", out.to_str().unwrap(), d.join("src").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(r["findings"][0]["rule_id"], "acme");
}

#[test]
fn betterleaks_2_configs_are_imported_with_notes_for_what_cannot_be() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "bl.toml",
        r#"
minVersion = "2.0.0-rc.1"
prefilter = '''matchesAny(attributes["path"], [`(?i)(?:^|/)testdata/`])'''
filter = '''containsAny(finding["secret"], ["EXAMPLE", "changeme"])'''
[extend]
useDefault = true
disabledRules = ["generic-api-key"]
[[rules]]
id = "acme-client-id"
description = "ACME client ID"
regex = '''\b(ACME_ID_[A-Z0-9]{16})\b'''
keywords = ["acme_id_"]
confidence = "high"
skipReport = true
[[rules]]
id = "acme-client-secret"
description = "ACME client secret"
regex = '''(?i)acme[_.-]?secret\s*[:=]\s*["']?(?P<p>[a-z0-9]{4})([a-z0-9]{28})'''
valueGroup = 2
keywords = ["acme"]
tags = ["acme"]
confidence = "medium"
specificity = 10
filter = '''entropy(finding["secret"]) <= 3.0'''
components = [ { id = "acme-client-id", within = "5L" } ]
"#,
    );
    let out = d.join("out.toml");
    let o =
        leakhound().current_dir(d).args(["config", "import-betterleaks", "bl.toml", "-o"]).arg(&out).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let notes = stderr(&o);
    for expected in ["prefilter", "filter = ", "skipReport", "components", "specificity", "useDefault"] {
        assert!(notes.contains(expected), "{expected}: {notes}");
    }
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(written.contains("min_entropy = 3.0") && written.contains("secret_group = 2"), "{written}");
    let secret = random_base62(9, 32).to_lowercase();
    write(d, "src/a.py", format!("ACME_SECRET = \"{secret}\"\n"));
    let (r, o) =
        scan_json(&["--no-git", "--show-secrets", "--config", out.to_str().unwrap(), d.join("src").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(r["findings"][0]["rule_id"], "acme-client-secret");
    assert_eq!(r["findings"][0]["secret"], &secret[4..], "valueGroup carried over");
}
