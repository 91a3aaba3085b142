//! Git sources on real repositories built in temp dirs with the git command line.

use std::path::Path;

use crate::support::*;

/// A bare clone (at `dir/name`) of a one-commit repository whose `a.txt` holds `stripe_key(seed)`.
fn bare_clone_with_one_key(dir: &Path, seed: u64, name: &str) -> std::path::PathBuf {
    let src = dir.join("src");
    std::fs::create_dir(&src).unwrap();
    init(&src);
    commit_file(&src, "a.txt", &format!("{}\n", stripe_key(seed)), "one");
    git(dir, &["clone", "-q", "--bare", src.to_str().unwrap(), name]);
    dir.join(name)
}

fn findings(report: &serde_json::Value) -> Vec<serde_json::Value> {
    report["findings"].as_array().unwrap().clone()
}

#[test]
fn history_finds_deleted_branch_only_tag_only_and_merge_secrets_once() {
    let fx = history_fixture();
    let (report, o) = scan_json(&["--show-secrets", fx.dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let f = findings(&report);
    let secrets: Vec<&str> = f.iter().map(|f| f["secret"].as_str().unwrap()).collect();
    for s in [&fx.deleted, &fx.in_deleted_file, &fx.on_branch, &fx.in_tag, &fx.in_merge] {
        assert_eq!(secrets.iter().filter(|x| *x == s).count(), 1, "{s} once in {secrets:?}");
    }
    assert_eq!(f.len(), 5, "{f:#?}");
    let first = f.iter().find(|x| x["secret"] == fx.deleted.as_str()).unwrap();
    assert_eq!(first["origin"], "commit");
    assert_eq!(first["path"], "config.py");
    assert_eq!((first["line"].as_u64(), first["column"].as_u64()), (Some(1), Some(8)));
    let c1 = git(&fx.dir, &["rev-list", "--max-parents=0", "main"]);
    assert_eq!(first["commit"]["sha"], c1.as_str());
    assert_eq!(first["commit"]["author_name"], "Dev One");
    assert_eq!(first["commit"]["author_email"], "dev@example.org");
    assert_eq!(first["commit"]["date"], "2024-03-01T10:00:00+01:00");
    assert_eq!(first["commit"]["summary"], "add key");
    let merge = f.iter().find(|x| x["secret"] == fx.in_merge.as_str()).unwrap();
    assert_eq!(merge["commit"]["summary"], "merge side");
}

#[test]
fn no_history_scans_only_what_is_on_disk() {
    let fx = history_fixture();
    let (report, _) = scan_json(&["--show-secrets", "--no-history", fx.dir.to_str().unwrap()]);
    let on_disk: Vec<(String, String)> = findings(&report)
        .iter()
        .map(|f| (f["secret"].as_str().unwrap().to_string(), f["origin"].as_str().unwrap().to_string()))
        .collect();
    assert_eq!(on_disk, vec![(fx.in_merge.clone(), "file".to_string())]);
}

#[test]
fn branch_limits_the_history_to_the_named_refs() {
    let fx = history_fixture();
    let (report, _) = scan_json(&["--show-secrets", "--branch", "feature", fx.dir.to_str().unwrap()]);
    let s: Vec<String> = findings(&report).iter().map(|f| f["secret"].as_str().unwrap().to_string()).collect();
    assert!(s.contains(&fx.on_branch) && s.contains(&fx.deleted), "{s:?}");
    assert!(!s.contains(&fx.in_tag) && !s.contains(&fx.in_merge), "{s:?}");
}

#[test]
fn working_tree_and_history_report_one_place_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    init(d);
    let key = stripe_key(110);
    commit_file(d, "app.env", &format!("K={key}\n"), "add");
    let (report, _) = scan_json(&[d.to_str().unwrap()]);
    let f = findings(&report);
    assert_eq!(f.len(), 1, "committed and unchanged on disk: one finding, with provenance: {f:#?}");
    assert_eq!(f[0]["origin"], "commit");
    // An uncommitted edit shows up as a file finding; an untracked file too.
    let fresh = stripe_key(111);
    write(d, "app.env", format!("K={key}\nJ={fresh}\n"));
    write(d, "new.env", format!("N={}\n", stripe_key(112)));
    let (report, _) = scan_json(&[d.to_str().unwrap()]);
    let origins: Vec<(String, String)> = findings(&report)
        .iter()
        .map(|f| (f["path"].as_str().unwrap().to_string(), f["origin"].as_str().unwrap().to_string()))
        .collect();
    assert!(origins.contains(&("new.env".into(), "file".into())), "{origins:?}");
    assert!(origins.contains(&("app.env".into(), "commit".into())), "{origins:?}");
    assert!(origins.contains(&("app.env".into(), "file".into())), "{origins:?}");
    // --no-git: plain directory, no history.
    let (report, _) = scan_json(&["--no-git", d.to_str().unwrap()]);
    assert!(findings(&report).iter().all(|f| f["origin"] == "file"));
}

#[test]
fn range_scans_only_lines_added_in_the_range() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    init(d);
    let old = stripe_key(120);
    let base = commit_file(d, "a.py", &format!("OLD = \"{old}\"\n"), "base");
    let added = stripe_key(121);
    let c2 = commit_file(d, "a.py", &format!("OLD = \"{old}\"\nNEW = \"{added}\"\n"), "pr commit");
    let (report, o) = scan_json(&["--show-secrets", "--range", &format!("{base}..HEAD"), d.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let f = findings(&report);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0]["secret"], added.as_str());
    assert_eq!(f[0]["line"], 2);
    assert_eq!(f[0]["commit"]["sha"], c2.as_str());
    let (report, _) = scan_json(&["--since-commit", &base, d.to_str().unwrap()]);
    assert_eq!(findings(&report).len(), 1);
    let o = run(&["scan", "--range", "nope..HEAD", d.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--range nope..HEAD"), "{}", stderr(&o));
}

#[test]
fn staged_scans_only_staged_lines_with_their_final_line_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    init(d);
    // Before the first commit: the whole index counts.
    write(d, "first.env", format!("A={}\n", stripe_key(130)));
    git(d, &["add", "first.env"]);
    let (report, o) = scan_json(&["--staged", d.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(findings(&report)[0]["origin"], "staged");
    git(d, &["commit", "-q", "-m", "first"]);
    // Staged addition on line 3; an unstaged edit adding another key is ignored.
    let staged_key = stripe_key(131);
    write(d, "first.env", format!("A={}\n# two\nB={staged_key}\n", stripe_key(130)));
    git(d, &["add", "first.env"]);
    write(d, "first.env", format!("A={}\n# two\nB={staged_key}\nC={}\n", stripe_key(130), stripe_key(132)));
    let (report, _) = scan_json(&["--staged", "--show-secrets", d.to_str().unwrap()]);
    let f = findings(&report);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0]["secret"], staged_key.as_str());
    assert_eq!(f[0]["line"], 3);
    assert_eq!(f[0]["path"], "first.env");
    git(d, &["commit", "-q", "-m", "second"]);
    let (report, o) = scan_json(&["--staged", d.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    assert!(findings(&report).is_empty());
}

#[test]
fn shallow_clone_is_scanned_and_said_to_be_shallow() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    std::fs::create_dir(&src).unwrap();
    init(&src);
    commit_file(&src, "a.txt", &format!("{}\n", stripe_key(140)), "one");
    commit_file(&src, "b.txt", &format!("{}\n", stripe_key(141)), "two");
    let url = format!("file://{}", src.display());
    git(dir.path(), &["clone", "-q", "--depth", "1", &url, "shallow"]);
    let (report, o) = scan_json(&[dir.path().join("shallow").to_str().unwrap()]);
    assert!(stderr(&o).contains("shallow clone"), "{}", stderr(&o));
    assert_eq!(findings(&report).len(), 2, "the tip commit holds both files");
}

#[test]
fn bare_repository_history_is_scanned() {
    let dir = tempfile::tempdir().unwrap();
    let bare = bare_clone_with_one_key(dir.path(), 150, "bare.git");
    let (report, o) = scan_json(&[bare.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(findings(&report)[0]["origin"], "commit");
}

#[test]
fn git_directory_without_config_is_scanned_as_bare_not_as_files() {
    // Mirrors and copied `.git` directories often carry no `config` saying they are bare; their object
    // files are not a work tree and must not be walked (a pack over --max-file-size warned before).
    let dir = tempfile::tempdir().unwrap();
    let mirror = bare_clone_with_one_key(dir.path(), 151, "mirror");
    git(&mirror, &["repack", "-adq"]);
    std::fs::remove_file(mirror.join("config")).unwrap();
    let (report, o) = scan_json(&["--max-file-size", "100", mirror.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(!stderr(&o).contains(".pack"), "object files were walked: {}", stderr(&o));
    let f = findings(&report);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0]["origin"], "commit");
}

#[test]
fn corrupt_object_is_a_warning_naming_it_and_the_rest_is_scanned() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    init(d);
    commit_file(d, "good.txt", &format!("{}\n", stripe_key(160)), "good");
    commit_file(d, "bad.txt", &format!("{}\n", stripe_key(161)), "bad");
    let blob = git(d, &["rev-parse", "HEAD:bad.txt"]);
    let obj = d.join(".git/objects").join(&blob[..2]).join(&blob[2..]);
    std::fs::remove_file(obj).unwrap();
    let (report, o) = scan_json(&["--no-ignore", d.to_str().unwrap()]);
    let err = stderr(&o);
    assert!(err.contains(&blob), "names the object: {err}");
    let paths: Vec<String> = findings(&report).iter().map(|f| f["path"].as_str().unwrap().to_string()).collect();
    assert!(paths.contains(&"good.txt".to_string()), "{paths:?}");
}

#[test]
fn binary_large_lfs_and_non_utf8_paths_in_history() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    init(d);
    let mut bin = b"\0\0\0".to_vec();
    bin.extend_from_slice(stripe_key(170).as_bytes());
    write(d, "blob.bin", bin);
    write(d, "big.txt", format!("{}\n{}", stripe_key(171), "x".repeat(3000)));
    write(d, "model.onnx", "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n");
    let weird = std::ffi::OsStr::from_encoded_bytes_unchecked_safe(b"caf\xe9.env");
    std::fs::write(d.join(weird), format!("K={}\n", stripe_key(172))).unwrap();
    git(d, &["add", "-A"]);
    git(d, &["commit", "-q", "-m", "assets"]);
    let (report, o) = scan_json(&["--max-file-size", "1000", d.to_str().unwrap()]);
    let f = findings(&report);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0]["path"], "caf\u{fffd}.env");
    assert!(stderr(&o).contains("big.txt"), "{}", stderr(&o));
    assert!(report["stats"]["binary_skipped"].as_u64().unwrap() >= 1);
}

/// `OsStr::from_encoded_bytes_unchecked` is unsafe; on Unix any bytes are a valid path.
trait FromBytes {
    fn from_encoded_bytes_unchecked_safe(b: &[u8]) -> &std::ffi::OsStr;
}
impl FromBytes for std::ffi::OsStr {
    fn from_encoded_bytes_unchecked_safe(b: &[u8]) -> &std::ffi::OsStr {
        std::os::unix::ffi::OsStrExt::from_bytes(b)
    }
}

#[test]
fn submodules_are_scanned_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    init(&sub);
    commit_file(&sub, "s.env", &format!("S={}\n", stripe_key(180)), "sub");
    let top = dir.path().join("top");
    std::fs::create_dir(&top).unwrap();
    init(&top);
    commit_file(&top, "readme.md", "hi\n", "top");
    git(&top, &["-c", "protocol.file.allow=always", "submodule", "add", "-q", sub.to_str().unwrap(), "vendor/sub"]);
    git(&top, &["commit", "-q", "-m", "add sub"]);
    let (report, _) = scan_json(&[top.to_str().unwrap()]);
    assert!(findings(&report).is_empty(), "{:#?}", findings(&report));
    let (report, _) = scan_json(&["--recurse-submodules", top.to_str().unwrap()]);
    let f = findings(&report);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0]["path"], "vendor/sub/s.env");
}

#[test]
fn not_a_repository_for_staged_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(&["scan", "--staged", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not a git repository"), "{}", stderr(&o));
}

#[test]
fn sarif_for_history_carries_commit_and_provenance_not_in_fingerprints() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    init(d);
    git(d, &["remote", "add", "origin", "git@github.com:acme/app.git"]);
    let sha = commit_file(d, "cfg/app.env", &format!("K={}\n", stripe_key(190)), "add config");
    let out = dir.path().join("r.sarif");
    let o = run(&["scan", "-o", out.to_str().unwrap(), d.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let run0 = &v["runs"][0];
    assert_eq!(run0["versionControlProvenance"][0]["repositoryUri"], "https://github.com/acme/app");
    assert_eq!(run0["versionControlProvenance"][0]["revisionId"], sha.as_str());
    let res = &run0["results"][0];
    assert_eq!(res["properties"]["commit"]["sha"], sha.as_str());
    assert!(!res["partialFingerprints"].to_string().contains(&sha), "no commit in fingerprints");
    if std::env::var_os("LEAKHOUND_VALIDATE_SARIF").is_some() {
        let val = std::process::Command::new("bash")
            .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/validate-sarif.sh"))
            .arg(&out)
            .output()
            .unwrap();
        assert!(val.status.success() && stdout(&val).contains("0 errors"), "{}{}", stdout(&val), stderr(&val));
    }
}

#[test]
fn range_reports_merged_work_once_and_a_merge_resolution_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    init(d);
    let base = commit_file(d, "app.env", "A=1\n", "base");
    git(d, &["checkout", "-q", "-b", "side"]);
    let side_key = stripe_key(195);
    commit_file(d, "side.env", &format!("S={side_key}\n"), "side work");
    git(d, &["checkout", "-q", "main"]);
    commit_file(d, "main.txt", "m\n", "main work");
    git(d, &["merge", "-q", "--no-commit", "side"]);
    let resolution_key = stripe_key(196);
    write(d, "app.env", format!("A=1\nR={resolution_key}\n"));
    git(d, &["add", "-A"]);
    git(d, &["commit", "-q", "-m", "merge side"]);
    let (report, o) = scan_json(&["--show-secrets", "--range", &format!("{base}..HEAD"), d.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let f: Vec<(String, String)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["secret"].as_str().unwrap().to_string(), f["commit"]["summary"].as_str().unwrap().to_string()))
        .collect();
    assert_eq!(f.len(), 2, "{f:?}");
    assert!(f.contains(&(side_key, "side work".to_string())), "{f:?}");
    assert!(f.contains(&(resolution_key, "merge side".to_string())), "{f:?}");
}

#[test]
fn a_directory_inside_a_repository_gets_its_history_and_the_repository_config() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    init(d);
    let gone = stripe_key(170);
    commit_file(d, "src/old.env", &format!("K={gone}\n"), "add");
    std::fs::remove_file(d.join("src/old.env")).unwrap();
    commit_file(d, "docs/other.env", &format!("K={}\n", stripe_key(171)), "remove, and elsewhere");
    write(d, "src/new.env", format!("K={}\n", stripe_key(172)));
    write(d, "src/vendor/skip.env", format!("K={}\n", stripe_key(173)));
    write(d, ".leakhound.toml", "[allowlist]\npaths = [\"src/vendor/**\"]\n");
    let (r, o) = scan_json(&["--show-secrets", d.join("src").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let mut paths = finding_paths(&r);
    paths.sort();
    assert_eq!(paths, vec!["src/new.env", "src/old.env"], "history limited to src/, paths from the top level");
    assert!(stdout(&o).contains(&gone));
    assert_eq!(r["config_files"][0]["trust"], "repository", "the repository's config applies");
}

#[test]
fn unreachable_objects_and_commit_and_tag_messages_are_scanned() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    init(d);
    let base = commit_file(d, "a.txt", "x\n", "init");
    // A commit dropped by a reset: no ref reaches it, the object database still holds it.
    let (dropped, lone, in_message, in_tag) = (stripe_key(140), stripe_key(141), stripe_key(142), stripe_key(143));
    let gone = commit_file(d, "s.env", &format!("STRIPE_KEY={dropped}\n"), "add key");
    git(d, &["reset", "-q", "--hard", &base]);
    // A blob written but never committed.
    write(d, "lone.txt", format!("{lone}\n"));
    git(d, &["hash-object", "-w", "lone.txt"]);
    std::fs::remove_file(d.join("lone.txt")).unwrap();
    let msg = commit_file(d, "b.txt", "y\n", &format!("deploy with {in_message}"));
    git(d, &["tag", "-a", "v1", "-m", &format!("release key {in_tag}")]);

    let (report, o) = scan_json(&["--show-secrets", d.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let f = findings(&report);
    let of = |s: &str| f.iter().find(|x| x["secret"] == s).unwrap_or_else(|| panic!("{s} not in {f:#?}")).clone();
    let d1 = of(&dropped);
    assert_eq!((d1["origin"].as_str(), d1["path"].as_str()), (Some("unreachable"), Some("s.env")));
    assert_eq!(d1["commit"]["sha"], gone.as_str());
    let l = of(&lone);
    assert_eq!(l["origin"], "unreachable");
    assert!(l["path"].as_str().unwrap().starts_with("<unreachable blob "), "{l:#?}");
    assert!(l.get("commit").is_none_or(|c| c.is_null()), "{l:#?}");
    let m = of(&in_message);
    assert_eq!((m["origin"].as_str(), m["path"].as_str()), (Some("message"), Some("<commit message>")));
    assert_eq!(m["commit"]["sha"], msg.as_str());
    let t = of(&in_tag);
    assert_eq!((t["origin"].as_str(), t["path"].as_str()), (Some("message"), Some("<tag v1>")));
    assert_eq!(f.len(), 4, "{f:#?}");

    // Redacted like everything else: the commit summary in the report holds no secret either.
    let (report, _) = scan_json(&[d.to_str().unwrap()]);
    let text = report.to_string();
    for s in [&dropped, &lone, &in_message, &in_tag] {
        assert!(!text.contains(s.as_str()), "{s} shown without --show-secrets");
    }

    let (report, _) = scan_json(&["--show-secrets", "--reachable-only", d.to_str().unwrap()]);
    let kept: Vec<String> = findings(&report).iter().map(|f| f["secret"].as_str().unwrap().to_string()).collect();
    assert_eq!(kept.len(), 2, "{kept:?}");
    assert!(kept.contains(&in_message) && kept.contains(&in_tag), "{kept:?}");

    // A pull request's commit messages are scanned too.
    let (report, _) = scan_json(&["--show-secrets", "--range", &format!("{base}..HEAD"), d.to_str().unwrap()]);
    let r = findings(&report);
    assert_eq!(r.len(), 1, "{r:#?}");
    assert_eq!((r[0]["secret"].as_str(), r[0]["origin"].as_str()), (Some(in_message.as_str()), Some("message")));
}

#[test]
fn git_notes_are_scanned_with_the_history() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    init(d);
    commit_file(d, "a.txt", "x\n", "init");
    let key = stripe_key(145);
    git(d, &["notes", "add", "-m", &format!("deployed with {key}")]);
    let (report, o) = scan_json(&["--show-secrets", "--reachable-only", d.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let f = findings(&report);
    assert!(f.iter().any(|x| x["secret"] == key.as_str() && x["origin"] == "commit"), "{f:#?}");
}

/// A history read from packed objects (deep delta chains, as `git gc` leaves them) reports exactly what
/// the same history read from loose objects does: every version of a file that holds a key, at its
/// line, through edits above, below and around the key.
#[test]
fn a_repacked_history_reports_what_its_loose_objects_do() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    init(d);
    let filler: Vec<String> = (0..400).map(|i| format!("setting_{i} = compute({i}, \"value {i}\")")).collect();
    let mut lines = filler.clone();
    for i in 0..40u64 {
        match i % 5 {
            0 => lines.insert(0, format!("# revision {i}")),
            1 => lines.push(format!("tail_{i} = {i}")),
            2 => lines.insert(lines.len() / 2, format!("stripe = \"{}\"", stripe_key(300 + i))),
            3 => {
                let at = lines.len() / 3;
                lines[at] = format!("middle_{i} = {i}");
            }
            _ => {
                lines.remove(1);
                lines.push(format!("tail_{i} = {i}"));
            }
        }
        commit_file(d, "config/settings.py", &lines.join("\n"), &format!("edit {i}"));
        if i == 20 {
            git(d, &["branch", "side"]);
        }
    }
    git(d, &["checkout", "-q", "side"]);
    commit_file(d, "config/settings.py", &filler.join("\n"), "side drops every key");
    git(d, &["checkout", "-q", "main"]);
    let shown = |report: &serde_json::Value| {
        let mut v: Vec<String> = findings(report)
            .iter()
            .map(|f| format!("{} {} {} {} {}", f["rule_id"], f["path"], f["line"], f["commit"], f["blob"]))
            .collect();
        v.sort();
        v
    };
    let (loose, _) = scan_json(&["--no-ignore", "--no-store", d.to_str().unwrap()]);
    git(d, &["repack", "-adfq", "--depth=50", "--window=50"]);
    git(d, &["prune-packed"]);
    assert!(std::fs::read_dir(d.join(".git/objects/pack")).unwrap().count() >= 2, "a pack and its index");
    let (packed, o) = scan_json(&["--no-ignore", "--no-store", d.to_str().unwrap()]);
    assert!(o.status.code() == Some(1), "{}", stderr(&o));
    let versions_with_keys = shown(&loose);
    assert!(versions_with_keys.len() > 40, "each version holding keys reports them: {versions_with_keys:?}");
    assert_eq!(shown(&packed), versions_with_keys);
}
