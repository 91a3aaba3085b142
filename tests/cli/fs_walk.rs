//! The directory walk: what is scanned and how findings are placed and shown.

use crate::support::*;

#[test]
fn hidden_files_are_scanned_gitignore_honoured_and_dot_git_never_walked() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, ".env", format!("STRIPE_SECRET_KEY={}\n", stripe_key(10)));
    write(d, ".npmrc", format!("//registry.example.org/:_authToken=x\nstripe={}\n", stripe_key(11)));
    write(d, ".gitignore", "build/\n");
    write(d, "build/out.js", format!("var k='{}';\n", stripe_key(12)));
    write(d, ".git/config", format!("k = {}\n", stripe_key(13)));
    let (report, _) = scan_json(&["--no-git", d.to_str().unwrap()]);
    assert_eq!(finding_paths(&report), vec![".env", ".npmrc"]);
    let (report, _) = scan_json(&["--no-git", "--no-ignore", d.to_str().unwrap()]);
    assert_eq!(finding_paths(&report), vec![".env", ".npmrc", "build/out.js"]);
}

#[test]
fn secrets_are_redacted_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    let key = stripe_key(14);
    write(dir.path(), "config.py", format!("STRIPE = \"{key}\"\n"));
    for fmt in ["human", "json", "jsonl"] {
        let o = run(&["scan", "--no-git", "--format", fmt, dir.path().to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1));
        assert!(!stdout(&o).contains(&key) && !stderr(&o).contains(&key), "{fmt} leaked the secret");
        assert!(stdout(&o).contains("sk_live_…"), "{fmt}: {}", stdout(&o));
    }
    let o = run(&["scan", "--no-git", "--show-secrets", "--format", "json", dir.path().to_str().unwrap()]);
    assert!(stdout(&o).contains(&key));
}

#[test]
fn inline_allow_and_config_allowlist_silence_findings() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "a.py",
        format!("k = \"{}\"  # leakhound:allow\nj = \"{}\"  # gitleaks:allow\n", stripe_key(15), stripe_key(16)),
    );
    write(d, "docs/b.md", format!("`{}`\n", stripe_key(17)));
    write(d, "c.py", format!("k = \"{}\"\n", stripe_key(18)));
    write(d, "e.py", format!("k = \"{}\"\n", stripe_key(19)));
    let allowed = stripe_key(19);
    write(
        d,
        ".leakhound.toml",
        format!("[allowlist]\npaths = [\"docs/**\"]\nregexes = ['^{allowed}$']\nstopwords = []\n"),
    );
    let (report, _) = scan_json(&["--no-git", d.to_str().unwrap()]);
    assert_eq!(finding_paths(&report), vec!["c.py"]);
}

#[test]
fn same_secret_same_place_is_reported_once_with_stable_fingerprint() {
    let dir = tempfile::tempdir().unwrap();
    let key = stripe_key(20);
    write(dir.path(), "a.env", format!("A={key}\nB={key}\n"));
    let (r1, _) = scan_json(&["--no-git", dir.path().to_str().unwrap()]);
    let (r2, _) = scan_json(&["--no-git", dir.path().to_str().unwrap()]);
    let f = r1["findings"].as_array().unwrap();
    assert_eq!(f.len(), 2, "two places");
    assert_eq!(f[0]["fingerprints"]["location"], f[1]["fingerprints"]["location"], "no line in the fingerprint");
    assert_eq!(r1["findings"], r2["findings"]);
}

#[test]
fn large_files_are_memory_mapped_and_scanned_to_the_end() {
    let dir = tempfile::tempdir().unwrap();
    let mut big = "x = 1 # filler line\n".repeat(200_000).into_bytes();
    big.extend_from_slice(format!("k = \"{}\"\n", stripe_key(21)).as_bytes());
    write(dir.path(), "big.py", big);
    let (report, _) = scan_json(&["--no-git", dir.path().to_str().unwrap()]);
    assert_eq!(report["findings"][0]["line"], 200_001);
}

#[test]
fn a_github_token_failing_its_checksum_is_reported_as_low_severity() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // Issued tokens end in the CRC32 of their body; the second one's last six characters are wrong.
    let body = "Zq8mT2vL9pW4rXk3hQ7xN2pL5vR8tK";
    let sum =
        String::from_utf8(leakhound::scan::checksum::base62_6(crc32fast::hash(body.as_bytes())).to_vec()).unwrap();
    write(d, "ok.env", format!("GH_TOKEN=ghp_{body}{sum}\n"));
    write(d, "sample.md", format!("Use a token such as ghp_{body}AAAAAA to log in.\n"));
    let (report, o) = scan_json(&[d.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let f = report["findings"].as_array().unwrap();
    let by_path = |p: &str| f.iter().find(|x| x["path"] == p).unwrap_or_else(|| panic!("no finding in {p}: {f:?}"));
    assert_eq!(by_path("ok.env")["severity"], "critical");
    assert_eq!(by_path("ok.env")["checksum_valid"], true);
    assert_eq!(by_path("sample.md")["rule_id"], "github-personal-access-token");
    assert_eq!(by_path("sample.md")["severity"], "low");
    assert_eq!(by_path("sample.md")["checksum_valid"], false);
}
