//! Bad input: each case gets a clear one-line message, the scan goes on where it can, never a panic.

use std::os::unix::fs::{symlink, PermissionsExt};

use crate::support::*;

#[test]
fn unreadable_file_is_reported_and_the_rest_is_scanned() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    write(dir.path(), "ok.env", format!("STRIPE_KEY={}\n", stripe_key(1)));
    write(dir.path(), "locked.env", format!("STRIPE_KEY={}\n", stripe_key(2)));
    let locked = dir.path().join("locked.env");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    std::fs::set_permissions(dir.path().join("ok.env"), std::fs::Permissions::from_mode(0o644)).unwrap();
    // Root reads anything: drop to an unprivileged user so the permission check is real.
    let mut cmd = if unsafe_is_root() {
        let mut c = std::process::Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", env!("CARGO_BIN_EXE_leakhound")]);
        c
    } else {
        leakhound()
    };
    let o = cmd.args(["scan", "--no-git", "--format", "json"]).arg(dir.path()).output().unwrap();
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(finding_paths(&report), vec!["ok.env"]);
    let err = stderr(&o);
    assert!(err.contains("locked.env") && err.contains("Permission denied"), "{err}");
    assert_eq!(report["skipped"][0]["path"], "locked.env");
    assert_eq!(o.status.code(), Some(1), "findings win over the skip");
}

fn unsafe_is_root() -> bool {
    std::fs::metadata("/proc/self").map(|m| std::os::unix::fs::MetadataExt::uid(&m) == 0).unwrap_or(false)
}

#[test]
fn unreadable_file_alone_exits_2() {
    if unsafe_is_root() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        write(dir.path(), "locked.txt", "nothing");
        std::fs::set_permissions(dir.path().join("locked.txt"), std::fs::Permissions::from_mode(0o000)).unwrap();
        let o = std::process::Command::new("setpriv")
            .args([
                "--reuid=65534",
                "--regid=65534",
                "--clear-groups",
                env!("CARGO_BIN_EXE_leakhound"),
                "scan",
                "--no-git",
            ])
            .arg(dir.path())
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    }
}

#[test]
fn dangling_symlink_and_symlink_loop_are_warnings() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "real.env", format!("KEY={}\n", stripe_key(3)));
    symlink(dir.path().join("missing"), dir.path().join("dangling")).unwrap();
    symlink(dir.path().join("loop-b"), dir.path().join("loop-a")).unwrap();
    symlink(dir.path().join("loop-a"), dir.path().join("loop-b")).unwrap();
    symlink(dir.path(), dir.path().join("self-dir")).unwrap();
    let (report, o) = scan_json(&["--no-git", dir.path().to_str().unwrap()]);
    assert_eq!(finding_paths(&report), vec!["real.env"]);
    let err = stderr(&o);
    assert!(err.contains("dangling: skipped: bad symlink"), "{err}");
    assert!(err.contains("loop-a: skipped: bad symlink") && err.contains("loop-b"), "{err}");
    assert_eq!(err.lines().count(), 3, "one line per problem: {err}");
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn invalid_rule_file_names_file_rule_and_regex_error() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "bad.toml",
        "[[rules]]\nid = \"acme-token\"\nname = \"Acme\"\nseverity = \"high\"\nkeywords = [\"acme_\"]\npattern = 'acme_[a-z'\nexamples = ['acme_x']\nnon_examples = ['x']\n",
    );
    let rules = dir.path().join("bad.toml");
    let o = run(&["scan", "--no-git", "--rules", rules.to_str().unwrap(), dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("bad.toml") && err.contains("acme-token") && err.contains("invalid pattern"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(!err.contains("panicked"));

    write(dir.path(), "syntax.toml", "[[rules]\nid=");
    let o = run(&["rules", "check", dir.path().join("syntax.toml").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("syntax.toml: invalid rule file"), "{}", stderr(&o));
}

#[test]
fn rules_check_fails_loudly_on_a_rule_whose_examples_misbehave() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "r.toml",
        "[[rules]]\nid = \"acme-token\"\nname = \"Acme\"\nseverity = \"high\"\nkeywords = [\"zzz_\"]\npattern = 'acme_[a-z0-9]{12}'\nexamples = ['acme_k3j4h5g6f7d8']\nnon_examples = ['acme_short']\n",
    );
    let o = run(&["rules", "check", dir.path().join("r.toml").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("acme-token") && err.contains("example #1 gave 0 findings"), "a missing keyword fails: {err}");
}

#[test]
fn nonexistent_path_is_a_clear_error() {
    let o = run(&["scan", "--no-git", "/nonexistent/leakhound-test"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr(&o).trim(), "leakhound: error: /nonexistent/leakhound-test: No such file or directory");
}

#[test]
fn empty_file_is_clean_and_silent() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "empty.txt", "");
    let o = run(&["scan", "--no-git", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
}

#[test]
fn huge_sparse_file_is_skipped_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let f = std::fs::File::create(dir.path().join("huge.bin")).unwrap();
    f.set_len(2 << 30).unwrap();
    write(dir.path(), "small.env", format!("K={}\n", stripe_key(4)));
    let (report, o) = scan_json(&["--no-git", dir.path().to_str().unwrap()]);
    assert_eq!(finding_paths(&report), vec!["small.env"]);
    let err = stderr(&o);
    assert!(
        err.contains("huge.bin: skipped: file is 2147483648 bytes, over the") && err.contains("--max-file-size"),
        "{err}"
    );
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn fifo_is_skipped_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let o = run(&["scan", "--no-git", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("pipe: skipped: not a regular file"), "{}", stderr(&o));
}

#[test]
fn binary_files_are_skipped_and_counted() {
    let dir = tempfile::tempdir().unwrap();
    let mut bin = b"\x7fELF\x00\x00".to_vec();
    bin.extend_from_slice(stripe_key(5).as_bytes());
    write(dir.path(), "a.out", bin);
    let (report, o) = scan_json(&["--no-git", dir.path().to_str().unwrap()]);
    assert_eq!(report["findings"].as_array().unwrap().len(), 0);
    assert_eq!(report["stats"]["binary_skipped"], 1);
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn invalid_utf8_and_utf16_files_are_scanned() {
    let dir = tempfile::tempdir().unwrap();
    let mut latin1 = b"caf\xe9 = 1\nkey = \"".to_vec();
    latin1.extend_from_slice(stripe_key(6).as_bytes());
    latin1.extend_from_slice(b"\" # \xff\xfe\n");
    write(dir.path(), "latin1.py", latin1);
    let mut utf16 = vec![0xFF, 0xFE];
    for u in format!("line one\r\nkey={}\r\n", stripe_key(7)).encode_utf16() {
        utf16.extend(u.to_le_bytes());
    }
    write(dir.path(), "win.ps1", utf16);
    let (report, _) = scan_json(&["--no-git", dir.path().to_str().unwrap()]);
    let f = report["findings"].as_array().unwrap();
    assert_eq!(finding_paths(&report), vec!["latin1.py", "win.ps1"]);
    assert_eq!((f[0]["line"].as_u64(), f[0]["column"].as_u64()), (Some(2), Some(8)));
    assert_eq!((f[1]["line"].as_u64(), f[1]["column"].as_u64()), (Some(2), Some(5)));
}

#[test]
fn stdin_is_scanned() {
    use std::io::Write;
    let mut child = leakhound()
        .args(["scan", "-", "--format", "jsonl"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(format!("token: {}\n", stripe_key(8)).as_bytes()).unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    let line: serde_json::Value = serde_json::from_str(stdout(&o).lines().next().unwrap()).unwrap();
    assert_eq!(line["path"], "<stdin>");
    assert_eq!(line["origin"], "stdin");
}

#[test]
fn bad_arguments_exit_2() {
    let o = run(&["scan", "--format", "xml"]);
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["scan", "--no-git", "--config", "/nonexistent.toml", "."]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("/nonexistent.toml: cannot read config"), "{}", stderr(&o));
}

#[test]
fn rules_without_keywords_or_paths_unknown_checksums_and_word_lists_are_one_line_errors() {
    let dir = tempfile::tempdir().unwrap();
    let head = "[[rules]]\nid = \"acme-token\"\nname = \"Acme\"\nseverity = \"high\"\n";
    for (file, body, expect) in [
        ("nokw.toml", "keywords = []\npattern = 'acme_([a-z]{10})'\n", "needs at least one keyword"),
        (
            "sum.toml",
            "keywords = [\"acme_\"]\npattern = 'acme_([a-z]{10})'\nchecksum = \"nope\"\n",
            "unknown variant `nope`",
        ),
        ("words.toml", "keywords = [\"{{nope}}\"]\npattern = 'acme_([a-z]{10})'\n", "unknown word list {{nope}}"),
    ] {
        write(dir.path(), file, format!("{head}{body}"));
        let o = run(&["rules", "check", dir.path().join(file).to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2), "{file}");
        let err = stderr(&o);
        assert!(err.contains(file) && err.contains(expect), "{file}: {err}");
        assert_eq!(err.trim().lines().count(), 1, "{err}");
    }
}
