//! The command-line manners users of the peers expect.

use std::io::Read;
use std::process::Stdio;

use crate::support::*;

fn tree_with_key(seed: u64) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "app.env", format!("STRIPE_KEY={}\n", stripe_key(seed)));
    dir
}

#[test]
fn dash_as_output_is_standard_output() {
    let dir = tree_with_key(950);
    let o =
        leakhound().current_dir(dir.path()).args(["scan", "--no-git", "-f", "json", "-o", "-", "."]).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["findings"].as_array().unwrap().len(), 1);
    assert!(!dir.path().join("-").exists());
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let mut child = leakhound().args(["rules", "list"]).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let mut first = [0u8; 16];
    child.stdout.as_mut().unwrap().read_exact(&mut first).unwrap();
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(o.stderr.is_empty(), "{}", stderr(&o));
}

#[test]
fn an_explicit_format_applies_to_every_output_without_an_extension() {
    let dir = tree_with_key(951);
    let out = tempfile::tempdir().unwrap();
    let (a, b, c) = (out.path().join("a"), out.path().join("b"), out.path().join("c.json"));
    let o = leakhound()
        .args(["scan", "--no-git", "-f", "sarif", "-o"])
        .arg(&a)
        .arg("-o")
        .arg(&b)
        .arg("-o")
        .arg(&c)
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    for p in [&a, &b] {
        let v: serde_json::Value = serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap();
        assert_eq!(v["version"], "2.1.0", "{p:?} is SARIF");
    }
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&c).unwrap()).unwrap();
    assert!(v["findings"].is_array(), "the extension decides for c.json");
}

#[test]
fn branch_with_no_history_is_an_error() {
    let o = run(&["scan", "--no-history", "--branch", "main", "."]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--branch"), "{}", stderr(&o));
}

#[test]
fn git_errors_name_the_flag_and_carry_no_libgit2_codes() {
    let dir = tempfile::tempdir().unwrap();
    init(dir.path());
    commit_file(dir.path(), "a.txt", "x\n", "one");
    let o = run(&["scan", "--since-commit", "nonexistent", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("--since-commit nonexistent"), "{err}");
    assert!(!err.contains("class=") && !err.contains("code="), "{err}");
    let plain = tempfile::tempdir().unwrap();
    let o = run(&["scan", "--staged", plain.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!stderr(&o).contains("class="), "{}", stderr(&o));
}

#[test]
fn sarif_results_carry_their_own_security_severity_and_good_grammar() {
    let dir = tempfile::tempdir().unwrap();
    // A GitHub token whose checksum fails: reported, as low severity.
    let gh = format!("ghp_{}", random_base62(952, 36));
    write(dir.path(), "a.env", format!("GH={gh}\nAWS_SECRET_ACCESS_KEY={}\n", random_base62(953, 40)));
    let o = run(&["scan", "--no-git", "-f", "sarif", dir.path().to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let results = v["runs"][0]["results"].as_array().unwrap();
    let gh = results.iter().find(|r| r["ruleId"].as_str().unwrap().starts_with("github")).expect("github result");
    assert_eq!(gh["properties"]["security-severity"], "3.0");
    let text = stdout(&o);
    assert!(!text.contains("A AWS"), "grammar");
}

#[test]
fn refreshing_a_baseline_keeps_what_still_exists_and_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a.env", format!("K={}\n", stripe_key(960)));
    write(d, "b.env", format!("K={}\n", stripe_key(961)));
    let base = d.join("base.json");
    let o = run(&["scan", "--no-git", "--write-baseline", base.to_str().unwrap(), d.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "writing a baseline accepts: {}", stderr(&o));
    std::fs::remove_file(d.join("b.env")).unwrap();
    write(d, "c.env", format!("K={}\n", stripe_key(962)));
    let b = base.to_str().unwrap();
    let o = run(&["scan", "--no-git", "--baseline", b, "--write-baseline", b, d.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&base).unwrap()).unwrap();
    let mut paths = finding_paths(&v);
    paths.retain(|p| p.ends_with(".env"));
    paths.sort();
    assert_eq!(paths, vec!["a.env", "c.env"], "kept a (accepted, still there) and c (new); b is gone");
    let o = run(&["scan", "--no-git", "--baseline", b, d.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

#[test]
fn rules_can_be_turned_off_and_on_and_the_exit_status_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    write(dir.path(), "a.env", format!("K={}\n", stripe_key(963)));
    assert_eq!(run(&["scan", "--no-git", "--disable-rule", "stripe-live-secret-key", d]).status.code(), Some(0));
    assert_eq!(run(&["scan", "--no-git", "--enable-rule", "github-personal-access-token", d]).status.code(), Some(0));
    assert_eq!(run(&["scan", "--no-git", "--enable-rule", "stripe-live-secret-key", d]).status.code(), Some(1));
    let o = run(&["scan", "--no-git", "--disable-rule", "no-such-rule", d]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown rule id"), "{}", stderr(&o));
    assert_eq!(run(&["scan", "--no-git", "--exit-code", "42", d]).status.code(), Some(42));
    // Stripe live keys are critical: `--fail-on critical` still fails, a low-severity finding would not.
    assert_eq!(run(&["scan", "--no-git", "--fail-on", "critical", d]).status.code(), Some(1));
    write(dir.path(), "a.env", format!("GH=ghp_{}\n", random_base62(964, 36)));
    assert_eq!(
        run(&["scan", "--no-git", "--fail-on", "high", d]).status.code(),
        Some(0),
        "a checksum-failed token is low"
    );
}

#[test]
fn per_rule_path_allowlists_and_allow_next_line() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "tests/a.env", format!("K={}\n", stripe_key(965)));
    write(
        dir.path(),
        "src/b.env",
        format!("# leakhound:allow-next-line\nK={}\nJ={}\n", stripe_key(966), stripe_key(967)),
    );
    write(dir.path(), ".leakhound.toml", "[allowlist.rule_paths]\nstripe-live-secret-key = [\"tests/**\"]\n");
    let (r, _) = scan_json(&["--no-git", dir.path().to_str().unwrap()]);
    let lines: Vec<(String, u64)> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["path"].as_str().unwrap().to_string(), f["line"].as_u64().unwrap()))
        .collect();
    assert_eq!(lines, vec![("src/b.env".to_string(), 3)]);
}

#[test]
fn explain_says_why_each_match_was_reported_or_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let key = stripe_key(970);
    let body = format!(
        "password = \"changeme\"\nSTRIPE={key}\nOTHER={} # leakhound:allow\nK={}\n",
        stripe_key(971),
        stripe_key(972)
    );
    write(dir.path(), "app.env", body);
    write(dir.path(), ".leakhound.toml", format!("[allowlist]\nregexes = ['^{}$']\n", stripe_key(972)));
    let file = dir.path().join("app.env");
    let o = run(&["scan", "--explain", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let line =
        |n: u32| out.lines().filter(move |l| l.contains(&format!("app.env:{n}:"))).collect::<Vec<_>>().join("\n");
    assert!(line(1).contains("placeholder"), "{out}");
    assert!(line(2).contains("stripe-live-secret-key") && line(2).contains("reported"), "{out}");
    assert!(line(3).contains("inline leakhound:allow"), "{out}");
    assert!(line(4).contains("allowlisted by"), "{out}");
    assert!(!out.contains(&key[8..]), "redacted unless --show-secrets");
    let o = run(&["scan", "--explain", &format!("{}:2", file.display())]);
    assert!(stdout(&o).lines().all(|l| l.contains("app.env:2:")), "{}", stdout(&o));
}

#[test]
fn unreadable_inputs_say_so_once_on_one_line() {
    for args in [
        ["scan", "--rules", "/nonexistent/r.toml", "."],
        ["scan", "--config", "/nonexistent/c.toml", "."],
        ["scan", "--baseline", "/nonexistent/b.json", "."],
    ] {
        let o = run(&args);
        assert_eq!(o.status.code(), Some(2));
        let err = stderr(&o);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert_eq!(err.matches("No such file or directory").count(), 1, "the cause once: {err}");
        assert!(!err.contains("os error"), "{err}");
    }
}
