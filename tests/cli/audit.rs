//! Audits at scale: one finding per secret with its story, many repositories (directories, lists, mirrors
//! over file:// and a real git daemon), the incremental store, triage, shards and merge, the HTML report.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

use crate::support::*;

/// Commits `content` at `rel` with a given day of March 2024 as its date, so that commits are ordered.
/// A repository whose one commit holds one Stripe key (seeded).
fn repo_with_one_key(seed: u64) -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    init(d.path());
    commit_on(d.path(), 1, "a.py", &format!("STRIPE_KEY = \"{}\"\n", stripe_key(seed)), "key");
    d
}

fn commit_on(dir: &Path, day: u32, rel: &str, content: &str, msg: &str) -> String {
    if content.is_empty() {
        git(dir, &["rm", "-q", rel]);
    } else {
        write(dir, rel, content);
        git(dir, &["add", "-A"]);
    }
    let date = format!("2024-03-{day:02}T10:00:00+00:00");
    let o = Command::new("git")
        .current_dir(dir)
        .args(["commit", "-q", "-m", msg])
        .env("GIT_AUTHOR_NAME", "Dev One")
        .env("GIT_AUTHOR_EMAIL", "dev@example.org")
        .env("GIT_COMMITTER_NAME", "Dev One")
        .env("GIT_COMMITTER_EMAIL", "dev@example.org")
        .env("GIT_AUTHOR_DATE", &date)
        .env("GIT_COMMITTER_DATE", &date)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    git(dir, &["rev-parse", "HEAD"])
}

/// A repository where one key is carried through three versions of a file and copied, and another is
/// committed and deleted: (dir, carried key, deleted key, first commit).
fn storied_repo(seed: u64) -> (tempfile::TempDir, String, String, String) {
    let d = tempfile::tempdir().unwrap();
    init(d.path());
    let (carried, deleted) = (stripe_key(seed), stripe_key(seed + 1));
    let first = commit_on(d.path(), 1, "app/settings.py", &format!("STRIPE_KEY = \"{carried}\"\n"), "add settings");
    commit_on(d.path(), 2, "app/settings.py", &format!("STRIPE_KEY = \"{carried}\"\nDEBUG = 1\n"), "debug");
    commit_on(d.path(), 3, "app/settings.py", &format!("STRIPE_KEY = \"{carried}\"\nDEBUG = 0\n"), "no debug");
    commit_on(d.path(), 4, "deploy/prod.py", &format!("STRIPE_KEY = \"{carried}\"\nDEBUG = 0\n"), "copy for prod");
    commit_on(d.path(), 5, "old.env", &format!("STRIPE_SECRET_KEY={deleted}\n"), "oops");
    commit_on(d.path(), 6, "old.env", "", "remove the key");
    (d, carried, deleted, first)
}

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}\n{}", stdout(o), stderr(o)))
}

fn scan_in(args: &[&str], store: &Path) -> Output {
    leakhound().args(["scan", "--format", "json", "--store"]).arg(store).args(args).output().unwrap()
}

/// A report without what differs from run to run (timings).
fn stable(mut v: Value) -> Value {
    v["stats"]["elapsed_ms"] = Value::Null;
    if let Some(repos) = v["repositories"].as_array_mut() {
        for r in repos {
            r["elapsed_ms"] = Value::Null;
            r["objects_known"] = Value::Null;
        }
    }
    v
}

#[test]
fn one_secret_is_one_entry_with_its_story_in_every_format() {
    let (d, _carried, _deleted, first) = storied_repo(300);
    let p = d.path().to_str().unwrap();
    let o = run(&["scan", "--no-store", "--format", "json", p]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let r = json(&o);
    let secrets = r["secrets"].as_array().unwrap();
    assert_eq!(secrets.len(), 2, "{secrets:#?}");
    assert_eq!(r["stats"]["secrets"], 2);
    // Still in HEAD first: what to rotate today.
    let carried = &secrets[0];
    assert_eq!(carried["in_head"], true);
    assert_eq!(carried["occurrences"], 4, "three versions and a copy");
    assert_eq!(
        (carried["commits"].as_u64(), carried["paths"].as_u64(), carried["blobs"].as_u64()),
        (Some(4), Some(2), Some(3))
    );
    assert_eq!(carried["first_seen"]["commit"]["sha"], first.as_str());
    assert_eq!(carried["first_seen"]["path"], "app/settings.py");
    let head: Vec<&str> =
        carried["head_locations"].as_array().unwrap().iter().map(|l| l["path"].as_str().unwrap()).collect();
    assert_eq!(head, ["app/settings.py", "deploy/prod.py"]);
    let fp = carried["fingerprint"].as_str().unwrap();
    assert!(carried["ignore_line"].as_str().unwrap().starts_with(fp));
    let gone = &secrets[1];
    assert_eq!((gone["in_head"].as_bool(), gone["occurrences"].as_u64()), (Some(false), Some(1)));
    assert!(gone["head_locations"].as_array().unwrap().is_empty());
    // Every occurrence is still listed, each marked.
    let findings = r["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 5);
    assert_eq!(findings.iter().filter(|f| f["in_head"] == true).count(), 2);

    let o = run(&["scan", "--no-store", "--color", "never", p]);
    let text = stdout(&o);
    assert_eq!(
        text.matches("stripe-live-secret-key").count(),
        2 * 2,
        "one block (header and ignore line) per secret: {text}"
    );
    assert!(text.contains("in HEAD") && text.contains("history only"), "{text}");
    assert!(text.contains("4 occurrences: 4 commit(s), 2 path(s), 3 blob(s)"), "{text}");
    assert!(text.contains(&format!("introduced  2024-03-01 {}", &first[..12])), "{text}");
    assert!(text.contains("2 secrets (5 findings)"), "{text}");

    let o = run(&["scan", "--no-store", "--format", "sarif", p]);
    let sarif = json(&o);
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    // One result per secret and path: the carried key at two paths, the deleted one at one.
    assert_eq!(results.len(), 3, "{results:#?}");
    let settings = results
        .iter()
        .find(|x| x["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "app/settings.py")
        .unwrap();
    assert_eq!(settings["relatedLocations"].as_array().unwrap().len(), 2, "the other two versions");
    assert_eq!(settings["properties"]["inHead"], true);
    assert_eq!(settings["properties"]["occurrences"], 4);
}

#[test]
fn a_directory_of_repositories_is_audited_each_under_its_name() {
    let root = tempfile::tempdir().unwrap();
    let (a, ..) = storied_repo(310);
    let (b, ..) = storied_repo(320);
    let org = root.path().join("org");
    std::fs::create_dir_all(&org).unwrap();
    assert!(Command::new("git").args(["clone", "-q"]).arg(a.path()).arg(org.join("a")).status().unwrap().success());
    assert!(Command::new("git")
        .args(["clone", "-q", "--bare"])
        .arg(b.path())
        .arg(org.join("b.git"))
        .status()
        .unwrap()
        .success());
    write(root.path(), "notes/readme.txt", "not a repository\n");
    let o = run(&["scan", "--no-store", "--format", "json", root.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("2 repositories found") && stderr(&o).contains("files outside them are not scanned"));
    let r = json(&o);
    let names: Vec<&str> = r["repositories"].as_array().unwrap().iter().map(|x| x["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["org/a", "org/b.git"]);
    assert!(r["repositories"].as_array().unwrap().iter().all(|x| x["secrets"] == 2 && x["error"].is_null()));
    // The same secrets in two repositories are two entries each: rotate per repository.
    assert_eq!(r["secrets"].as_array().unwrap().len(), 4);
    assert!(r["findings"].as_array().unwrap().iter().all(|f| f["repository"].is_string()));
}

#[test]
fn a_repository_whose_git_directory_lies_outside_the_audited_directory_is_not_audited() {
    let root = tempfile::tempdir().unwrap();
    let (inside, ..) = storied_repo(440);
    let (elsewhere, ..) = storied_repo(450);
    assert!(Command::new("git")
        .args(["clone", "-q"])
        .arg(inside.path())
        .arg(root.path().join("own"))
        .status()
        .unwrap()
        .success());
    // A work tree whose `.git` file points at another repository on the machine.
    write(root.path(), "borrowed/.git", format!("gitdir: {}\n", elsewhere.path().join(".git").display()));
    let o = run(&["scan", "--no-store", "--format", "json", root.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let names: Vec<String> =
        json(&o)["repositories"].as_array().unwrap().iter().map(|r| r["name"].as_str().unwrap().to_string()).collect();
    assert_eq!(names, ["own"]);
    assert!(stderr(&o).contains("borrowed: its git directory is outside"), "said, not silent: {}", stderr(&o));
}

#[test]
fn a_default_store_that_cannot_be_opened_is_a_warning_and_an_explicit_one_an_error() {
    let d = repo_with_one_key(460);
    let blocked = tempfile::tempdir().unwrap();
    let cache = blocked.path().join("cache");
    std::fs::write(&cache, "a file where the cache directory should be").unwrap();
    let o =
        leakhound().env("XDG_CACHE_HOME", &cache).args(["scan", "--format", "json"]).arg(d.path()).output().unwrap();
    assert_eq!(o.status.code(), Some(1), "the scan goes on: {}", stderr(&o));
    assert!(stderr(&o).contains("store") && stderr(&o).contains("scanning without it"), "{}", stderr(&o));
    assert_eq!(json(&o)["secrets"].as_array().unwrap().len(), 1);
    let o = leakhound().args(["scan", "--store"]).arg(cache.join("store.sqlite3")).arg(d.path()).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr(&o).trim().lines().count(), 1, "one line: {}", stderr(&o));
    let o = run(&["scan", "--no-store", "--shard", "2/2", d.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("below the count"), "{}", stderr(&o));
}

#[test]
fn rescans_replay_commit_messages_and_unreachable_objects() {
    let d = tempfile::tempdir().unwrap();
    init(d.path());
    commit_on(d.path(), 1, "a.txt", "hello\n", &format!("deploy with STRIPE_KEY={}", stripe_key(470)));
    // A commit no ref reaches: made, then dropped by a reset.
    commit_on(d.path(), 2, "b.py", &format!("STRIPE_KEY = \"{}\"\n", stripe_key(471)), "later dropped");
    git(d.path(), &["reset", "-q", "--hard", "HEAD~1"]);
    git(d.path(), &["reflog", "expire", "--expire=now", "--all"]);
    let store = tempfile::tempdir().unwrap();
    let db = store.path().join("store.sqlite3");
    let p = d.path().to_str().unwrap();
    let full = stable(json(&run(&["scan", "--no-store", "--format", "json", p])));
    let origins: Vec<&str> =
        full["findings"].as_array().unwrap().iter().map(|f| f["origin"].as_str().unwrap()).collect();
    assert!(origins.contains(&"message") && origins.contains(&"unreachable"), "{origins:?}");
    let first = stable(json(&scan_in(&[p], &db)));
    let again = json(&scan_in(&[p], &db));
    assert_eq!(stable(again.clone())["findings"], full["findings"]);
    assert_eq!(first["secrets"], again["secrets"]);
    assert!(again["stats"]["blobs_scanned"].as_u64().unwrap() <= 2, "{}", again["stats"]);
}

/// `git daemon` serving `base` on a free port of 127.0.0.1; killed on drop.
struct Daemon(std::process::Child, u16);

impl Drop for Daemon {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn git_daemon(base: &Path) -> Daemon {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    // git-daemon itself (not `git daemon`, whose child would outlive a kill), with no inherited pipes.
    let exec_path = git(base, &["--exec-path"]);
    let child = Command::new(Path::new(&exec_path).join("git-daemon"))
        .args(["--reuseaddr", "--export-all", "--listen=127.0.0.1", &format!("--port={port}")])
        .arg(format!("--base-path={}", base.display()))
        .arg(base)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("git daemon runs");
    let daemon = Daemon(child, port);
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return daemon;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    panic!("git daemon did not start");
}

#[test]
fn repos_from_mirrors_urls_fetches_on_rerun_and_reports_failures() {
    let served = tempfile::tempdir().unwrap();
    let (a, ..) = storied_repo(330);
    let (b, ..) = storied_repo(340);
    let bare_a = served.path().join("a.git");
    assert!(Command::new("git").args(["clone", "-q", "--bare"]).arg(a.path()).arg(&bare_a).status().unwrap().success());
    let daemon = git_daemon(served.path());
    // A port that accepts and never answers: the clone must time out, not hang the audit.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let silent_port = silent.local_addr().unwrap().port();
    let cache = tempfile::tempdir().unwrap();
    let list = cache.path().join("repos.txt");
    std::fs::write(
        &list,
        format!(
            "# the organisation\ngit://127.0.0.1:{}/a.git\nfile://{}\n{}\ngit://127.0.0.1:{silent_port}/never.git\n/nonexistent/repo\n",
            daemon.1,
            b.path().display(),
            b.path().display()
        ),
    )
    .unwrap();
    let audit = |extra: &[&str]| {
        leakhound()
            .args(["scan", "--no-store", "--format", "json", "--clone-timeout", "2", "--repos-from"])
            .arg(&list)
            .arg("--cache-dir")
            .arg(cache.path().join("mirrors"))
            .args(extra)
            .output()
            .unwrap()
    };
    let o = audit(&[]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let r = json(&o);
    let repos = r["repositories"].as_array().unwrap();
    let by_name = |n: &str| {
        repos.iter().find(|x| x["name"].as_str().unwrap().contains(n)).unwrap_or_else(|| panic!("{n}: {repos:#?}"))
    };
    assert_eq!(by_name("/a").get("secrets").and_then(Value::as_u64), Some(2));
    assert!(by_name("/a")["remote"].as_str().unwrap().starts_with("git://127.0.0.1:"));
    assert!(by_name("never")["error"].as_str().unwrap().contains("timed out after 2 s"), "{repos:#?}");
    assert!(by_name("nonexistent")["error"].as_str().unwrap().contains("not a git repository"), "{repos:#?}");
    assert_eq!(repos.iter().filter(|x| x["error"].is_null()).count(), 3, "the rest finished: {repos:#?}");
    assert!(stderr(&o).contains("timed out"), "failures are said: {}", stderr(&o));

    // A new commit upstream: the rerun fetches it into the same mirror.
    let fresh = stripe_key(350);
    let work = served.path().join("work");
    assert!(Command::new("git").args(["clone", "-q"]).arg(&bare_a).arg(&work).status().unwrap().success());
    commit_on(&work, 9, "late.py", &format!("STRIPE_KEY = \"{fresh}\"\n"), "late");
    git(&work, &["push", "-q", "origin", "HEAD"]);
    let mirrors_before = std::fs::read_dir(cache.path().join("mirrors")).unwrap().count();
    let r = json(&audit(&["--show-secrets"]));
    assert!(r["findings"].as_array().unwrap().iter().any(|f| f["secret"] == fresh.as_str()), "fetched on rerun");
    assert_eq!(
        std::fs::read_dir(cache.path().join("mirrors")).unwrap().count(),
        mirrors_before,
        "fetched, not cloned again"
    );
    drop(silent);
}

#[test]
fn rescans_through_the_store_are_incremental_and_report_the_same() {
    let (d, ..) = storied_repo(360);
    let store = tempfile::tempdir().unwrap();
    let db = store.path().join("store.sqlite3");
    let p = d.path().to_str().unwrap();
    let first = json(&scan_in(&[p], &db));
    assert!(first["stats"]["blobs_scanned"].as_u64().unwrap() >= 8);
    let again = json(&scan_in(&[p], &db));
    assert_eq!(stable(again.clone())["findings"], stable(first.clone())["findings"]);
    assert_eq!(again["secrets"], first["secrets"]);
    // Nothing new: only the blobs and messages that held findings are read again.
    assert!(again["stats"]["blobs_scanned"].as_u64().unwrap() <= 4, "{}", again["stats"]);

    // One new commit: its blobs are scanned, and the report equals a full scan's.
    commit_on(d.path(), 20, "new.py", &format!("STRIPE_KEY = \"{}\"\n", stripe_key(369)), "new key");
    let inc = json(&scan_in(&[p], &db));
    let full = json(&run(&["scan", "--no-store", "--format", "json", p]));
    assert_eq!(stable(inc.clone())["findings"], stable(full.clone())["findings"]);
    assert_eq!(inc["secrets"], full["secrets"]);
    assert_eq!(inc["secrets"].as_array().unwrap().len(), 3);
    assert!(inc["stats"]["blobs_scanned"].as_u64().unwrap() < full["stats"]["blobs_scanned"].as_u64().unwrap());

    // A rule change is another scope: everything is scanned again.
    let other = json(&scan_in(&["--disable-rule", "aws-access-key-id", p], &db));
    assert_eq!(other["stats"]["blobs_scanned"], full["stats"]["blobs_scanned"]);
    assert_eq!(stable(other)["findings"], stable(full)["findings"]);
}

#[test]
fn a_killed_scan_and_concurrent_scans_leave_the_store_consistent() {
    let store = tempfile::tempdir().unwrap();
    let db = store.path().join("store.sqlite3");
    let repos: Vec<_> = (0..3).map(|i| storied_repo(370 + 10 * i)).collect();
    let full: Vec<Value> = repos
        .iter()
        .map(|(d, ..)| stable(json(&run(&["scan", "--no-store", "--format", "json", d.path().to_str().unwrap()]))))
        .collect();
    // Killed at once: whatever it wrote, the next scan reports what a full scan does.
    let mut child = leakhound()
        .args(["scan", "--format", "json", "--store"])
        .arg(&db)
        .arg(repos[0].0.path())
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let _ = child.kill();
    let _ = child.wait();
    // Three processes on one store at once.
    let children: Vec<_> = repos
        .iter()
        .map(|(d, ..)| {
            leakhound()
                .args(["scan", "--format", "json", "--store"])
                .arg(&db)
                .arg(d.path())
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for (c, want) in children.into_iter().zip(&full) {
        let o = c.wait_with_output().unwrap();
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        assert_eq!(stable(json(&o))["findings"], want["findings"]);
    }
    for ((d, ..), want) in repos.iter().zip(&full) {
        let again = json(&scan_in(&[d.path().to_str().unwrap()], &db));
        assert_eq!(stable(again.clone())["findings"], want["findings"]);
        assert!(again["stats"]["blobs_scanned"].as_u64().unwrap() < want["stats"]["blobs_scanned"].as_u64().unwrap());
    }
}

#[test]
fn triaged_secrets_show_their_status_and_no_longer_fail_the_scan() {
    let d = repo_with_one_key(390);
    let store = tempfile::tempdir().unwrap();
    let db = store.path().join("store.sqlite3");
    let p = d.path().to_str().unwrap();
    let r = json(&scan_in(&[p], &db));
    let fp = r["secrets"][0]["fingerprint"].as_str().unwrap().to_string();
    let bad =
        leakhound().args(["triage", "not-a-fingerprint", "--status", "revoked", "--store"]).arg(&db).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("not a secret fingerprint"), "{}", stderr(&bad));
    let o = leakhound()
        .args(["triage", &fp, "--status", "revoked", "--note", "rotated on 2024-03-02", "--store"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let o = scan_in(&[p], &db);
    assert_eq!(o.status.code(), Some(0), "a revoked key no longer fails the scan");
    let r = json(&o);
    assert_eq!(r["secrets"][0]["triage"]["status"], "revoked");
    assert_eq!(r["secrets"][0]["triage"]["note"], "rotated on 2024-03-02");
    let text = stdout(&leakhound().args(["scan", "--color", "never", "--store"]).arg(&db).arg(p).output().unwrap());
    assert!(text.contains("[revoked]") && text.contains("triage      revoked on"), "{text}");
    // Cleared: it fails again.
    let o = leakhound().args(["triage", &fp, "--clear", "--store"]).arg(&db).output().unwrap();
    assert!(o.status.success());
    assert_eq!(scan_in(&[p], &db).status.code(), Some(1));
}

fn merged(reports: &[PathBuf], out: &Path) -> Value {
    let o = leakhound().arg("merge").args(reports).arg("-o").arg(out).output().unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    serde_json::from_slice(&std::fs::read(out).unwrap()).unwrap()
}

/// `scan --no-store --shard I/N ARGS -o DIR/NAME-I.json` for every I: the shard reports.
fn shard_reports(dir: &Path, name: &str, n: u32, args: &[&str]) -> Vec<PathBuf> {
    (0..n)
        .map(|i| {
            let out = dir.join(format!("{name}-{i}.json"));
            let o = leakhound()
                .args(["scan", "--no-store", "--shard", &format!("{i}/{n}"), "-o"])
                .arg(&out)
                .args(args)
                .output()
                .unwrap();
            assert!(o.status.code().is_some_and(|c| c <= 1), "{}", stderr(&o));
            out
        })
        .collect()
}

#[test]
fn merge_redacts_reports_written_with_show_secrets() {
    let (d, carried, ..) = storied_repo(430);
    let tmp = tempfile::tempdir().unwrap();
    let p = d.path().to_str().unwrap();
    let parts = shard_reports(tmp.path(), "raw", 2, &["--show-secrets", p]);
    assert!(parts.iter().any(|r| std::fs::read_to_string(r).unwrap().contains(&carried)), "the shards hold it raw");
    let out = tmp.path().join("merged.json");
    let m = merged(&parts, &out);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(!text.contains(&carried), "the merged report redacts what --show-secrets wrote");
    assert!(m["findings"].as_array().unwrap().iter().all(|f| f["secret_redacted"] == true));
    assert_eq!(m["secrets"].as_array().unwrap().len(), 2);
    let human = leakhound().arg("merge").args(&parts).output().unwrap();
    assert!(!stdout(&human).contains(&carried), "{}", stdout(&human));
}

#[test]
fn shards_merged_equal_a_single_run_by_repository_and_by_blob() {
    let (d, ..) = storied_repo(400);
    let (e, ..) = storied_repo(410);
    let tmp = tempfile::tempdir().unwrap();
    let p = d.path().to_str().unwrap();
    // One repository, split by blob id.
    let single = json(&run(&["scan", "--no-store", "--format", "json", p]));
    let parts = shard_reports(tmp.path(), "blob", 3, &[p]);
    let m = merged(&parts, &tmp.path().join("merged.json"));
    assert_eq!(stable(m), stable(single));

    // Many repositories, split by repository.
    let list = tmp.path().join("repos.txt");
    std::fs::write(&list, format!("{}\n{}\n", d.path().display(), e.path().display())).unwrap();
    let l = list.to_str().unwrap();
    let single = json(&run(&["scan", "--no-store", "--format", "json", "--repos-from", l]));
    let parts = shard_reports(tmp.path(), "repo", 2, &["--repos-from", l]);
    let m = merged(&parts, &tmp.path().join("merged2.json"));
    assert_eq!(stable(m), stable(single));
    // Any format out, and a clear error for what is not a report.
    let sarif = tmp.path().join("merged.sarif");
    let o = leakhound().arg("merge").args(&parts).arg("-o").arg(&sarif).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(json(&Output { stdout: std::fs::read(&sarif).unwrap(), ..o })["runs"][0]["results"].is_array());
    let o = leakhound().args(["merge"]).arg(&list).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not a leakhound JSON report"), "{}", stderr(&o));
    let o = run(&["scan", "--no-store", "--no-git", "--shard", "0/2", p]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--shard splits"), "{}", stderr(&o));
}

/// Debian's chromium, headless and cut off from the network.
fn chromium(args: &[&str], url: &str) -> Option<Output> {
    let bin = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].into_iter().find(|b| Path::new(b).exists());
    let Some(bin) = bin else {
        assert!(std::env::var_os("LEAKHOUND_REQUIRE_CHROMIUM").is_none(), "chromium is not installed");
        eprintln!("chromium not installed: HTML rendering not checked (CI installs it)");
        return None;
    };
    let profile = tempfile::tempdir().unwrap();
    let o = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--virtual-time-budget=5000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(url)
        .output()
        .unwrap();
    Some(o)
}

#[test]
fn html_report_renders_what_a_person_sees_and_no_markup_from_the_tree() {
    let (d, ..) = storied_repo(420);
    let hostile = "<img src=x onerror=alert(1)>.py";
    commit_on(d.path(), 25, hostile, &format!("STRIPE_KEY = \"{}\"\n", stripe_key(429)), "hostile name");
    let tmp = tempfile::tempdir().unwrap();
    let page = tmp.path().join("audit.html");
    let o = leakhound().args(["scan", "--no-store", "-o"]).arg(&page).arg(d.path()).output().unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(!html.contains("<img src=x"), "text from the tree is never markup");
    assert!(!html.contains(&stripe_key(429)), "redacted like every report");
    assert!(!html.contains("src=\"http") && !html.contains("href=\"http"), "no network resource");
    let data = html.split("id=\"leakhound-data\" type=\"application/json\">").nth(1).unwrap();
    let data: Value = serde_json::from_str(&data[..data.find("</script>").unwrap()]).unwrap();
    let mut data = stable(data);
    data["generated_at"] = Value::Null;
    assert_eq!(data["secrets"].as_array().unwrap().len(), 3);
    insta::assert_json_snapshot!(
        "html_data",
        data["secrets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                let mut s = s.clone();
                for k in ["fingerprint", "ignore_line"] {
                    s[k] = Value::Null;
                }
                for k in ["first_seen", "last_seen"] {
                    s[k]["commit"]["sha"] = Value::Null;
                }
                for k in ["locations", "head_locations"] {
                    if let Some(l) = s[k].as_array_mut() {
                        for x in l {
                            x["commit"] = Value::Null;
                        }
                    }
                }
                s
            })
            .collect::<Vec<_>>()
    );

    let url = format!("file://{}", page.display());
    let Some(o) = chromium(&["--dump-dom"], &url) else { return };
    let dom = stdout(&o);
    assert!(dom.contains("data-ready=\"true\""), "the page's script ran: {}", &dom[..dom.len().min(2000)]);
    assert!(dom.contains("data-secrets=\"3\"") && dom.contains("data-occurrences=\"6\""), "totals");
    assert_eq!(dom.matches("class=\"secret sev-").count(), 3, "one row per secret");
    assert!(dom.contains("3 of 3 secrets"));
    assert!(dom.contains("&lt;img src=x onerror=alert(1)&gt;.py"), "the hostile path is shown as text");
    assert!(!dom.contains("<img src=\"x\""), "and never becomes an element");
    // Filters from the address: only what is still in HEAD.
    let o = chromium(&["--dump-dom"], &format!("{url}#head=1")).unwrap();
    assert!(stdout(&o).contains("2 of 3 secrets"), "{}", stdout(&o).lines().find(|l| l.contains("of 3")).unwrap_or(""));
    // A screenshot: a real image of the rendered page.
    let shot = tmp.path().join("audit.png");
    let o = chromium(&["--window-size=1400,900", &format!("--screenshot={}", shot.display())], &url).unwrap();
    let png = std::fs::read(&shot).unwrap_or_else(|e| panic!("{e}: {}", stderr(&o)));
    assert!(png.starts_with(b"\x89PNG") && png.len() > 20_000, "a rendered page, {} bytes", png.len());
}
