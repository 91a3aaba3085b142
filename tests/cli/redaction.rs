//! Redaction, as a property over every built-in rule: files, a history, commit messages, author names
//! and paths built from every rule's examples (several per line, inside long lines, multi-line keys) and
//! from keys that openssl generates, scanned in every format without `--show-secrets`. No output may
//! hold 8 or more consecutive characters of a secret past the prefix that reports show.

use std::path::Path;
use std::process::Command;

use leakhound::redact::Secret;
use leakhound::rules::RuleSet;
use leakhound::scan::Scanner;

use crate::support::*;

/// Each built-in rule example (without its `leakhound:allow` marker) and the secrets it gives alone.
fn examples() -> Vec<(String, Vec<String>)> {
    let scanner = Scanner::new(RuleSet::builtin().unwrap(), Vec::new());
    let mut out = Vec::new();
    for (ri, rule) in scanner.rules().rules.iter().enumerate() {
        for ex in &rule.spec.examples {
            let text = ex.replace("leakhound:allow", "");
            let secrets: Vec<String> =
                scanner.scan_example(text.as_bytes(), ri).iter().map(|f| f.secret.expose().to_string()).collect();
            out.push((text, secrets));
        }
    }
    out
}

/// PEM private keys from openssl: Ed25519 (one body line is the whole key), EC and RSA.
///
/// A fresh machine with only the Rust toolchain may lack the `openssl` program: then the keys are left
/// out with a note and the rest of the property still runs. CI (`CI` set; `.ci/run` installs openssl)
/// always generates them.
fn openssl_keys(dir: &Path) -> Vec<String> {
    let mut keys = Vec::new();
    if Command::new("openssl").arg("version").output().is_err() {
        assert!(std::env::var_os("CI").is_none(), "openssl is required in CI (.ci/run installs it)");
        eprintln!("note: no `openssl` program: generated keys left out of the redaction property");
        return keys;
    }
    for args in [
        vec!["genpkey", "-algorithm", "ed25519"],
        vec!["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"],
        vec!["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"],
        vec!["ecparam", "-name", "prime256v1", "-genkey", "-noout"],
    ] {
        let o = Command::new("openssl").args(&args).current_dir(dir).output().expect("openssl (installed by .ci/run)");
        assert!(o.status.success(), "openssl {args:?}: {}", stderr(&o));
        keys.push(String::from_utf8(o.stdout).unwrap());
    }
    keys
}

/// The pieces of a secret a report must never show: every run of 8 characters past its shown prefix
/// (PEM keys line by line: a report never joins lines).
fn forbidden(secret: &str) -> Vec<String> {
    let mut out = Vec::new();
    let body: String = secret.lines().filter(|l| !l.starts_with("-----")).collect::<Vec<_>>().join("\n");
    for (i, part) in secret.lines().filter(|l| !l.starts_with("-----")).enumerate() {
        let chars: Vec<char> = part.chars().collect();
        // The first line starts with the prefix that reports show.
        let skip = if i == 0 { Secret::new(body.as_str()).visible_prefix_len() } else { 0 };
        for i in skip..chars.len().saturating_sub(7) {
            out.push(chars[i..i + 8].iter().collect());
        }
    }
    out
}

/// Every file under `dir`.
fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().filter_map(|e| e.ok()) {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

fn file_safe(s: &str) -> String {
    s.chars().map(|c| if c.is_ascii_alphanumeric() || "._-=+".contains(c) { c } else { '_' }).take(200).collect()
}

#[test]
fn no_output_shows_more_than_a_prefix_of_any_secret() {
    let examples = examples();
    let mut dir = tempfile::tempdir().unwrap();
    // Keep the corpus to look at it when this test fails.
    if std::env::var_os("LEAKHOUND_KEEP_REDACTION_CORPUS").is_some() {
        dir.disable_cleanup(true);
        eprintln!("corpus: {}", dir.path().display());
    }
    let d = dir.path();
    init(d);
    let pem = openssl_keys(d);
    let single: Vec<&String> = examples.iter().map(|(t, _)| t).filter(|t| !t.contains('\n')).collect();

    // Work-tree files: one example per line, several per line, inside long lines, multi-line keys (also
    // indented in YAML and escaped in JSON).
    let mut one = String::new();
    for (t, _) in &examples {
        one.push_str(t);
        one.push_str("\n\n");
    }
    write(d, "one_per_line.txt", one);
    let several: String =
        single.chunks(3).map(|c| c.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(" ; ") + "\n").collect();
    write(d, "several_per_line.txt", several);
    let pad = "lorem ipsum dolor ".repeat(12);
    let long: String = single.iter().map(|t| format!("{pad}{t}{pad}\n")).collect();
    write(d, "long_lines.txt", long);
    for (i, k) in pem.iter().enumerate() {
        write(d, &format!("keys/key{i}.pem"), k);
        let yaml: String = k.lines().map(|l| format!("    {l}\n")).collect();
        write(d, &format!("keys/key{i}.yaml"), format!("tls:\n  key: |\n{yaml}"));
        write(d, &format!("keys/key{i}.json"), format!("{{\"private_key\": {:?}}}\n", k));
    }

    // History: commit messages, author names and paths made from examples.
    git(d, &["add", "-A"]);
    git(d, &["commit", "-q", "-m", "fixtures"]);
    for (i, t) in single.iter().enumerate().step_by(3) {
        write(d, &format!("paths/{}.txt", file_safe(t)), "x\n");
        write(d, &format!("msg/{i}.txt"), format!("{t}\n"));
        git(d, &["add", "-A"]);
        let name = format!("Dev {}", file_safe(t));
        let o = git_output(d, &["-c", &format!("user.name={name}"), "commit", "-q", "-m", &format!("use {t}")]);
        assert!(o.status.success(), "{}", stderr(&o));
    }

    // The secrets: everything the scan finds in this corpus (as `--show-secrets` shows it) and the
    // openssl keys; and the prefixes that reports may show of them.
    let o = leakhound().args(["scan", "--no-ignore", "--format", "json", "--show-secrets"]).arg(d).output().unwrap();
    let raw: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let mut secrets: Vec<String> =
        raw["findings"].as_array().unwrap().iter().map(|f| f["secret"].as_str().unwrap().to_string()).collect();
    for k in &pem {
        let body: String = k.lines().filter(|l| !l.starts_with("-----")).map(|l| format!("{l}\n")).collect();
        assert!(secrets.iter().any(|s| s.trim_end() == body.trim_end()), "the openssl key is found: {k}");
        secrets.push(k.clone());
    }
    for (_, found_alone) in &examples {
        assert!(!found_alone.is_empty() || examples.len() > 150);
    }
    secrets.sort();
    secrets.dedup();
    assert!(secrets.len() > 150, "the corpus gives secrets: {}", secrets.len());
    // Not a leak: a window that the tool prints whatever it scans (a webhook URL's host in the rule's
    // own help text).
    let listed: serde_json::Value =
        serde_json::from_slice(&leakhound().args(["rules", "list", "--format", "json"]).output().unwrap().stdout)
            .unwrap();
    let rules_text: String = listed
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| {
            ["id", "name", "description", "rotate", "references", "tags", "provider"].map(|k| r[k].to_string())
        })
        .collect();
    // Not a leak either: a window that the scanned text also holds outside every secret (the host of a
    // URL whose query is the secret), or that is itself a prefix reports may show (`AAAAAAAA…` of a
    // token that starts with a run of `A`).
    let mut scrubbed = String::new();
    for e in walk(d) {
        scrubbed.push_str(&String::from_utf8_lossy(&std::fs::read(e).unwrap()));
        scrubbed.push('\0');
    }
    let every_secret = aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(secrets.iter().map(String::as_str))
        .unwrap();
    let scrubbed = every_secret.replace_all(&scrubbed, &vec!["\0"; secrets.len()]);
    let shown: Vec<String> = secrets.iter().map(|s| Secret::new(s.as_str()).prefix().to_string()).collect();
    let harmless = |p: &str| rules_text.contains(p) || shown.iter().any(|x| x.contains(p));
    let mut pieces: Vec<(String, &String)> =
        secrets.iter().flat_map(|s| forbidden(s).into_iter().filter(|p| !harmless(p)).map(move |p| (p, s))).collect();
    pieces.sort();
    pieces.dedup_by(|a, b| a.0 == b.0);
    let matcher = aho_corasick::AhoCorasick::new(pieces.iter().map(|(p, _)| p)).unwrap();
    let outside: std::collections::HashSet<usize> =
        matcher.find_overlapping_iter(scrubbed.as_str()).map(|m| m.pattern().as_usize()).collect();
    let pieces: Vec<(String, &String)> =
        pieces.into_iter().enumerate().filter(|(i, _)| !outside.contains(i)).map(|(_, p)| p).collect();
    let matcher = aho_corasick::AhoCorasick::new(pieces.iter().map(|(p, _)| p)).unwrap();

    for format in ["human", "json", "jsonl", "sarif"] {
        let o = leakhound().args(["scan", "--no-ignore", "--format", format]).arg(d).output().unwrap();
        assert_eq!(o.status.code(), Some(1), "{format}: {}", stderr(&o));
        let out = [stdout(&o), stderr(&o)].concat();
        let mut hits: Vec<usize> = matcher.find_overlapping_iter(&out).map(|m| m.pattern().as_usize()).collect();
        hits.sort_unstable();
        hits.dedup();
        let leaks: Vec<String> = hits
            .iter()
            .map(|&i| {
                let (p, s) = &pieces[i];
                let line = out.lines().find(|l| l.contains(p.as_str())).unwrap_or("");
                format!(
                    "{p:?} of {:?}\n    in: {}",
                    s.chars().take(60).collect::<String>(),
                    line.chars().take(300).collect::<String>()
                )
            })
            .collect();
        assert!(leaks.is_empty(), "{format} output shows secret material:\n{}", leaks.join("\n"));
    }
}
