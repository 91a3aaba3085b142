//! A scanned tree is hostile: nothing in it may make leakhound send, write, run or hide anything, and
//! nothing from it reaches a terminal unescaped. Plus the robustness cases (panics, lost notices,
//! silent outcomes) found by attacking the scanner.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::support::*;
use crate::webhook::{contains, outbox_bytes, server, user_config, waiting, Reply, KEY};

fn scan_dir(dir: &Path, args: &[&str]) -> (serde_json::Value, std::process::Output) {
    let o = leakhound()
        .current_dir(dir)
        .args(["scan", "--no-git", "--format", "json"])
        .args(args)
        .arg(".")
        .env("LEAKHOUND_WEBHOOK_SECRET", KEY)
        .output()
        .unwrap();
    let v = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stderr(&o)));
    (v, o)
}

#[test]
fn an_in_tree_config_cannot_send_tokens_write_an_outbox_or_hang_the_scan() {
    let dir = tempfile::tempdir().unwrap();
    let key = stripe_key(900);
    write(dir.path(), "app.env", format!("STRIPE_KEY={key}\n"));
    let srv = server(vec![], Duration::from_secs(10));
    let outbox = dir.path().join("run.sh");
    write(
        dir.path(),
        ".leakhound.toml",
        format!(
            "[[webhooks]]\nurl = \"{}\"\ninclude_token = true\nsecret_env = \"HOME\"\ntimeout_secs = 3600\noutbox = {:?}\n",
            srv.url,
            outbox.to_str().unwrap()
        ),
    );
    let started = Instant::now();
    let (r, o) = scan_dir(dir.path(), &[]);
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    std::thread::sleep(Duration::from_millis(200));
    assert!(srv.seen.lock().unwrap().is_empty(), "nothing was sent");
    assert!(!outbox.exists(), "nothing was written");
    assert!(stderr(&o).contains("[[webhooks]] ignored"), "{}", stderr(&o));
    assert_eq!(r["config_files"][0]["trust"], "repository");
    assert!(r["findings"][0].get("delivery").is_none());
}

#[test]
fn an_in_tree_allowlist_that_silences_everything_is_reported_and_no_repo_config_ignores_it() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "app.env", format!("STRIPE_KEY={}\n", stripe_key(901)));
    write(dir.path(), "vendor/x.env", format!("STRIPE_KEY={}\n", stripe_key(902)));
    write(dir.path(), ".leakhound.toml", "[allowlist]\nregexes = [\".\"]\npaths = [\"vendor/**\"]\n");
    let (r, o) = scan_dir(dir.path(), &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let s = &r["suppressed"][0];
    assert_eq!((s["kind"].as_str(), s["trust"].as_str()), (Some("allowlist"), Some("repository")));
    assert_eq!((s["findings"].as_u64(), s["files"].as_u64()), (Some(1), Some(1)));
    assert!(stderr(&o).contains("suppressed 1 finding(s)"), "{}", stderr(&o));
    let human = leakhound().current_dir(dir.path()).args(["scan", "--no-git", "."]).output().unwrap();
    assert!(
        stdout(&human).contains("suppressed by allowlist ./.leakhound.toml (repository): 1 finding(s)"),
        "{}",
        stdout(&human)
    );

    let (r, o) = scan_dir(dir.path(), &["--no-repo-config"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(r["findings"].as_array().unwrap().len(), 2);
    assert!(r["config_files"].as_array().unwrap().is_empty());
}

#[test]
fn an_in_tree_rule_that_replaces_a_built_in_one_is_named() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "app.env", format!("STRIPE_KEY={}\n", stripe_key(903)));
    write(
        dir.path(),
        ".leakhound.toml",
        "[[rules]]\nid = \"stripe-live-secret-key\"\nname = \"x\"\nseverity = \"low\"\nkeywords = [\"zzqq\"]\npattern = 'zzqq(\\d{40})'\nrevocable = true\n",
    );
    let (r, o) = scan_dir(dir.path(), &[]);
    assert!(stderr(&o).contains("replaces built-in rule(s) stripe-live-secret-key"), "{}", stderr(&o));
    assert_eq!(r["config_files"][0]["replaced_rules"][0], "stripe-live-secret-key");
    let (r, _) = scan_dir(dir.path(), &["--no-repo-config"]);
    assert_eq!(r["findings"][0]["rule_id"], "stripe-live-secret-key");
}

#[test]
fn an_ignore_file_in_the_tree_is_counted_and_skipped_with_no_repo_config() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "app.env", format!("STRIPE_KEY={}\n", stripe_key(904)));
    let (r, _) = scan_dir(dir.path(), &[]);
    let fp = r["findings"][0]["fingerprints"]["secret"].as_str().unwrap().to_string();
    write(dir.path(), ".leakhoundignore", format!("{fp}\n"));
    let (r, o) = scan_dir(dir.path(), &[]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(r["suppressed"][0]["kind"], "ignore-file");
    assert_eq!(r["suppressed"][0]["findings"], 1);
    let (_, o) = scan_dir(dir.path(), &["--no-repo-config"]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn out_of_range_webhook_settings_are_errors_not_panics() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "app.env", format!("STRIPE_KEY={}\n", stripe_key(905)));
    for setting in ["timeout_secs = 9223372036854775807", "max_attempts = 0", "secret_env = \"\""] {
        let (_h, config, _) = user_config(&format!("[[webhooks]]\nurl = \"http://127.0.0.1:9/x\"\n{setting}\n"));
        let o = leakhound()
            .current_dir(dir.path())
            .args(["scan", "--no-git", "--config", config.to_str().unwrap(), "."])
            .env("LEAKHOUND_WEBHOOK_SECRET", KEY)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{setting}: {}", stderr(&o));
        assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
        assert_eq!(stderr(&o).lines().count(), 1, "{}", stderr(&o));
    }
}

#[test]
fn an_outbox_entry_with_a_short_idempotency_key_does_not_panic() {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("outbox.sqlite3");
    let legacy = home.path().join("old.jsonl");
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    std::fs::write(
        &legacy,
        format!("{{\"url\":\"http://127.0.0.1:{port}/x\",\"secret_env\":\"LEAKHOUND_WEBHOOK_SECRET\",\"timeout_secs\":1,\"max_attempts\":1,\"idempotency_key\":\"abc\",\"body\":\"{{}}\",\"attempts\":0,\"last_error\":\"\",\"queued_at\":0}}\n"),
    )
    .unwrap();
    let o =
        leakhound().args(["notify", "--outbox"]).arg(&legacy).env("LEAKHOUND_WEBHOOK_SECRET", KEY).output().unwrap();
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    assert!(stderr(&o).contains("moved 1 notice(s)"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("panicked"));
    assert!(!legacy.exists());
    let _ = path;
}

#[test]
fn notify_on_a_missing_outbox_is_an_error() {
    let o = leakhound().args(["notify", "--outbox", "/nonexistent/outbox.sqlite3"]).output().unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("no outbox here"), "{}", stderr(&o));
}

#[test]
fn a_scan_killed_during_delivery_loses_no_notice() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "app.env", format!("STRIPE_KEY={}\n", stripe_key(906)));
    let hang = server(vec![Reply::Hang(Duration::from_secs(8))], Duration::from_secs(10));
    let (_h, config, outbox) = user_config(&format!("[[webhooks]]\nurl = \"{}\"\ntimeout_secs = 30\n", hang.url));
    let mut child = leakhound()
        .current_dir(dir.path())
        .args(["scan", "--no-git", "--format", "json", "--config", config.to_str().unwrap(), "."])
        .env("LEAKHOUND_WEBHOOK_SECRET", KEY)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while hang.seen.lock().unwrap().is_empty() && started.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(hang.seen.lock().unwrap().len(), 1, "the first attempt started");
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    assert_eq!(waiting(&outbox), 1, "recorded before its first attempt");

    // The lease of a dead process is taken over at once.
    let ok = server(vec![], Duration::from_secs(10));
    let hooked = outbox_with_url(&outbox, &hang.url, &ok.url);
    assert!(hooked);
    let o =
        leakhound().args(["notify", "--outbox"]).arg(&outbox).env("LEAKHOUND_WEBHOOK_SECRET", KEY).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(ok.seen.lock().unwrap().len(), 1);
    assert_eq!(waiting(&outbox), 0);
}

/// Points the waiting notices of `outbox` at another receiver (the first one is gone for good).
fn outbox_with_url(outbox: &Path, from: &str, to: &str) -> bool {
    let c = rusqlite::Connection::open(outbox).unwrap();
    c.execute("UPDATE notices SET url = ?2 WHERE url = ?1", [from, to]).unwrap() == 1
}

#[test]
fn concurrent_scans_share_one_outbox_without_loss() {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let url = format!("http://127.0.0.1:{port}/leak");
    let (_h, config, outbox) =
        user_config(&format!("[[webhooks]]\nurl = \"{url}\"\nmax_attempts = 1\ntimeout_secs = 1\n"));
    let dirs: Vec<tempfile::TempDir> = (0..4)
        .map(|i| {
            let d = tempfile::tempdir().unwrap();
            let body: String = (0..10).map(|j| format!("K{j}={}\n", stripe_key(1000 + i * 10 + j))).collect();
            write(d.path(), "keys.env", body);
            d
        })
        .collect();
    let children: Vec<_> = dirs
        .iter()
        .map(|d| {
            leakhound()
                .current_dir(d.path())
                .args(["scan", "--no-git", "--format", "json", "--config", config.to_str().unwrap(), "."])
                .env("LEAKHOUND_WEBHOOK_SECRET", KEY)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for c in children {
        let o = c.wait_with_output().unwrap();
        assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    }
    assert_eq!(waiting(&outbox), 40);
    let srv = tiny_http::Server::http(format!("127.0.0.1:{port}")).unwrap();
    let t = std::thread::spawn(move || {
        let mut keys = std::collections::HashSet::new();
        while let Ok(Some(req)) = srv.recv_timeout(Duration::from_secs(5)) {
            let k = req.headers().iter().find(|h| h.field.equiv("Idempotency-Key")).map(|h| h.value.to_string());
            keys.extend(k);
            let _ = req.respond(tiny_http::Response::from_string("ok"));
        }
        keys.len()
    });
    let o =
        leakhound().args(["notify", "--outbox"]).arg(&outbox).env("LEAKHOUND_WEBHOOK_SECRET", KEY).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("40 delivered, 0 still waiting"), "{}", stderr(&o));
    assert_eq!(t.join().unwrap(), 40, "every notice, each under its own key");
}

#[test]
fn the_delivery_phase_has_an_overall_deadline() {
    let dir = tempfile::tempdir().unwrap();
    let keys: Vec<String> = (0..12).map(|j| stripe_key(1100 + j)).collect();
    let body: String = keys.iter().enumerate().map(|(j, k)| format!("K{j}={k}\n")).collect();
    write(dir.path(), "keys.env", body);
    let srv = server((0..12).map(|_| Reply::Hang(Duration::from_secs(6))).collect(), Duration::from_secs(8));
    let (_h, config, outbox) = user_config(&format!("[[webhooks]]\nurl = \"{}\"\ntimeout_secs = 30\n", srv.url));
    let started = Instant::now();
    let (r, o) = scan_dir(dir.path(), &["--config", config.to_str().unwrap(), "--revoke-deadline", "2"]);
    assert!(started.elapsed() < Duration::from_secs(6), "took {:?}", started.elapsed());
    assert_eq!(o.status.code(), Some(3), "findings and an undelivered notice: {}", stderr(&o));
    assert_eq!(r["findings"].as_array().unwrap().len(), 12, "findings are reported all the same");
    assert_eq!(waiting(&outbox), 12);
    let bytes = outbox_bytes(&outbox);
    assert!(keys.iter().all(|k| !contains(&bytes, k)), "no token in the outbox unless configured");
}

#[test]
fn symlinks_out_of_the_tree_are_not_followed() {
    let outside = tempfile::tempdir().unwrap();
    let key = stripe_key(907);
    write(outside.path(), "creds.env", format!("STRIPE_KEY={key}\n"));
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "inside.env", format!("STRIPE_KEY={}\n", stripe_key(908)));
    std::os::unix::fs::symlink(outside.path().join("creds.env"), dir.path().join("link.env")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("inside.env"), dir.path().join("alias.env")).unwrap();
    let (r, o) = scan_dir(dir.path(), &["--show-secrets"]);
    let paths = finding_paths(&r);
    assert!(!paths.contains(&"link.env".to_string()), "{paths:?}");
    assert!(!stdout(&o).contains(&key));
    assert!(paths.contains(&"alias.env".to_string()), "a link inside the tree is followed: {paths:?}");
    assert!(stderr(&o).contains("link.env: skipped: symlink to a target outside the scan root"), "{}", stderr(&o));
}

#[test]
fn a_hostile_gitmodules_neither_hides_files_nor_leaves_the_tree() {
    let outside = tempfile::tempdir().unwrap();
    init(outside.path());
    let far = stripe_key(909);
    commit_file(outside.path(), "far.env", &format!("K={far}\n"), "far");
    let dir = tempfile::tempdir().unwrap();
    init(dir.path());
    let near = stripe_key(910);
    let gitmodules = format!(
        "[submodule \"a\"]\n\tpath = src\n\turl = x\n[submodule \"b\"]\n\tpath = {}\n\turl = y\n",
        outside.path().display()
    );
    commit_file(dir.path(), ".gitmodules", &gitmodules, "modules");
    write(dir.path(), "src/app.env", format!("K={near}\n"));
    let o = leakhound()
        .args(["scan", "--format", "json", "--show-secrets", "--recurse-submodules", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    let out = stdout(&o);
    assert!(out.contains(&near), "src/ is scanned: {}", stderr(&o));
    assert!(!out.contains(&far), "the outside repository is not");
}

#[test]
fn control_characters_from_the_tree_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    init(dir.path());
    write(dir.path(), "evil\x1b]0;pwned\x07\r.env", format!("K={}\n", stripe_key(911)));
    git(dir.path(), &["add", "-A"]);
    let o = git_output(dir.path(), &["-c", "user.name=Mallory\x1b[2J", "commit", "-q", "-m", "x\x1b[31m"]);
    assert!(o.status.success(), "{}", stderr(&o));
    for args in [vec!["scan", "--color", "never"], vec!["scan", "--color", "always"]] {
        let o = leakhound().args(&args).arg(dir.path()).output().unwrap();
        let all = [o.stdout.clone(), o.stderr.clone()].concat();
        let text = String::from_utf8_lossy(&all);
        let colour_codes = text.matches("\x1b[").count() - text.matches("\x1b[0m").count();
        assert!(
            !text.contains("\x1b]") && !text.contains('\x07') && !text.contains('\r') && !text.contains("\x1b[2J"),
            "{text:?}"
        );
        let _ = colour_codes;
        assert!(text.contains("evil\\x1b]0;pwned\\x07\\r.env"), "{text}");
    }
}

#[test]
fn a_file_with_too_many_matches_is_capped_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let body: String = (0..10_050).map(|j| format!("k={}\n", stripe_key(20_000 + j))).collect();
    write(dir.path(), "dump.env", body);
    let (r, o) = scan_dir(dir.path(), &[]);
    assert_eq!(r["findings"].as_array().unwrap().len(), 10_000);
    assert!(stderr(&o).contains("dump.env: skipped: too many matches"), "{}", stderr(&o));
}

#[test]
fn a_ref_to_a_missing_object_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    init(dir.path());
    commit_file(dir.path(), "a.txt", "hello\n", "one");
    std::fs::write(dir.path().join(".git/refs/heads/ghost"), "1234567890123456789012345678901234567890\n").unwrap();
    let o = leakhound().args(["scan", dir.path().to_str().unwrap()]).output().unwrap();
    assert!(stderr(&o).contains("refs/heads/ghost: skipped: ref points to a missing object"), "{}", stderr(&o));
    assert_eq!(o.status.code(), Some(2), "an incomplete scan with nothing found");
}

#[test]
fn staged_on_a_bare_repository_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    git(dir.path(), &["init", "-q", "--bare", "b.git"]);
    let o = leakhound().args(["scan", "--staged"]).arg(dir.path().join("b.git")).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--staged needs a work tree"), "{}", stderr(&o));
}

#[test]
fn three_dot_ranges_work() {
    let dir = tempfile::tempdir().unwrap();
    init(dir.path());
    commit_file(dir.path(), "a.txt", "base\n", "base");
    git(dir.path(), &["checkout", "-q", "-b", "topic"]);
    let key = stripe_key(912);
    commit_file(dir.path(), "b.env", &format!("K={key}\n"), "topic");
    let (r, o) = scan_json(&["--range", "main...topic", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(finding_paths(&r), vec!["b.env"]);
}

#[test]
fn a_backslash_in_a_file_name_is_part_of_the_name() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "docs\\secret.env", format!("K={}\n", stripe_key(913)));
    write(dir.path(), ".leakhound.toml", "[allowlist]\npaths = [\"docs/**\"]\n");
    let (r, _) = scan_dir(dir.path(), &[]);
    assert_eq!(finding_paths(&r), vec!["docs\\secret.env"]);
}

#[test]
fn remote_urls_lose_their_query_and_fragment_in_sarif() {
    let dir = tempfile::tempdir().unwrap();
    init(dir.path());
    commit_file(dir.path(), "a.env", &format!("K={}\n", stripe_key(914)), "one");
    git(
        dir.path(),
        &["remote", "add", "origin", "https://git.example.com/org/repo.git?access_token=hunter2hunter2#frag"],
    );
    let o = leakhound().args(["scan", "--format", "sarif", dir.path().to_str().unwrap()]).output().unwrap();
    let out = stdout(&o);
    assert!(out.contains("https://git.example.com/org/repo"), "{out}");
    assert!(!out.contains("hunter2"), "{out}");
}

#[test]
fn a_config_parse_error_names_the_line_but_does_not_print_it() {
    let dir = tempfile::tempdir().unwrap();
    let key = stripe_key(915);
    write(dir.path(), ".leakhound.toml", format!("[allowlist]\nregexes = [\"x\"]\nstripe = {key} \x1b[2J\n"));
    let o = leakhound().current_dir(dir.path()).args(["scan", "--no-git", "."]).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains(".leakhound.toml: invalid config: line 3"), "{err}");
    assert!(!err.contains(&key[8..]) && !err.contains('\x1b'), "{err}");
}

#[test]
fn fingerprints_are_keyed_and_old_unkeyed_ones_still_match_with_a_warning() {
    use sha2::{Digest, Sha256};
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "app.env", "DB_PASSWORD=Winter2023!\n");
    let (r, _) = scan_dir(dir.path(), &[]);
    let f = &r["findings"][0];
    let rule = f["rule_id"].as_str().unwrap();
    let plain = |parts: &[&str]| hex::encode(Sha256::digest(parts.join("\0").as_bytes()));
    let guessed = plain(&[rule, "Winter2023!"]);
    assert_ne!(f["fingerprints"]["secret"].as_str().unwrap(), guessed, "a word list does not find it");
    assert_eq!(r["fingerprint_key_id"].as_str().unwrap().len(), 16);

    // Another key gives other fingerprints; a baseline made with it is refused, naming both keys.
    let base = dir.path().join("base.json");
    let o = leakhound()
        .current_dir(dir.path())
        .args(["scan", "--no-git", "--write-baseline", base.to_str().unwrap(), "."])
        .env("LEAKHOUND_FINGERPRINT_KEY", "another key")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = leakhound()
        .current_dir(dir.path())
        .args(["scan", "--no-git", "--baseline", base.to_str().unwrap(), "."])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("written with fingerprint key"), "{}", stderr(&o));

    // A leakhound 0.1 ignore file (plain SHA-256) still matches, with a warning to replace it.
    write(dir.path(), ".leakhoundignore", format!("{guessed}\n"));
    let (r, o) = scan_dir(dir.path(), &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(r["suppressed"][0]["findings"], 1);
    assert!(stderr(&o).contains("old unkeyed fingerprints"), "{}", stderr(&o));
}

#[test]
fn webhook_notices_and_dry_runs_redact_commit_messages_and_paths() {
    let dir = tempfile::tempdir().unwrap();
    init(dir.path());
    let in_message = stripe_key(916);
    let in_file = stripe_key(917);
    write(dir.path(), "pay.env", format!("K={in_file}\n"));
    git(dir.path(), &["add", "-A"]);
    git(dir.path(), &["commit", "-q", "-m", &format!("use {in_message} for now")]);
    let o = leakhound()
        .args(["scan", "--revoke-dry-run", "--revoke-webhook", "http://127.0.0.1:9/x", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    let all = format!("{}{}", stdout(&o), stderr(&o));
    assert!(all.contains("dry run: would POST"), "{all}");
    assert!(!all.contains(&in_message[8..]) && !all.contains(&in_file[8..]), "{all}");
}

#[test]
fn rule_names_from_an_in_tree_config_are_escaped_on_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "zzqq0123456789abcdef\n");
    write(
        dir.path(),
        ".leakhound.toml",
        "[[rules]]\nid = \"evil\"\nname = \"x\\u001b]0;pwned\\u0007y\"\nseverity = \"high\"\nkeywords = [\"zzqq\"]\npattern = 'zzqq([0-9a-f]{16})'\n",
    );
    let o = leakhound().current_dir(dir.path()).args(["scan", "--no-git", "."]).output().unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(!out.contains('\x1b') && !out.contains('\x07'), "{out:?}");
    assert!(out.contains("x\\x1b]0;pwned\\x07y"), "{out}");
}

#[test]
fn without_a_configured_key_one_is_made_once_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "app.env", format!("K={}\n", stripe_key(918)));
    let fp = || {
        let o = leakhound()
            .env_remove("LEAKHOUND_FINGERPRINT_KEY")
            .env("XDG_CONFIG_HOME", home.path())
            .args(["scan", "--no-git", "--format", "json"])
            .arg(dir.path())
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        v["findings"][0]["fingerprints"]["secret"].as_str().unwrap().to_string()
    };
    let first = fp();
    let key = home.path().join("leakhound/fingerprint.key");
    assert_eq!(std::fs::metadata(&key).unwrap().permissions().mode() & 0o777, 0o600);
    assert_eq!(fp(), first, "the same key on the next run");
}

#[test]
fn the_user_config_file_is_trusted_with_webhooks() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "app.env", format!("K={}\n", stripe_key(919)));
    write(home.path(), "leakhound/config.toml", "[[webhooks]]\nurl = \"http://127.0.0.1:9/x\"\n");
    let o = leakhound()
        .env("XDG_CONFIG_HOME", home.path())
        .args(["scan", "--no-git", "--revoke-dry-run", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(stderr(&o).contains("dry run: would POST to http://127.0.0.1:9/x"), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["config_files"][0]["trust"], "user");
}
