//! Every output format, snapshotted on a fixture tree; the SARIF is also validated when the SARIF
//! Multitool is installed (CI installs it: scripts/validate-sarif.sh).

use std::process::Output;

use crate::support::*;

fn scan_fixture(format: &str, extra: &[&str]) -> Output {
    let mut c = leakhound();
    c.current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["scan", "--no-git", "--format", format, "--color", "never"])
        .args(extra)
        .arg("fixtures/reports");
    c.output().unwrap()
}

fn json_of(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(o)))
}

#[test]
fn human_report() {
    let o = scan_fixture("human", &[]);
    assert_eq!(o.status.code(), Some(1));
    let text = stdout(&o);
    insta::with_settings!({filters => vec![(r"in \d+\.\d+s", "in [elapsed]")]}, {
        insta::assert_snapshot!(text);
    });
}

#[test]
fn github_report() {
    // Annotations on standard output, the job summary into $GITHUB_STEP_SUMMARY.
    let dir = tempfile::tempdir().unwrap();
    let summary = dir.path().join("summary.md");
    let o = leakhound()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["scan", "--no-git", "--format", "github", "fixtures/reports"])
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    insta::assert_snapshot!("github_annotations", stdout(&o));
    insta::assert_snapshot!("github_summary", std::fs::read_to_string(&summary).unwrap());
}

#[test]
fn json_report() {
    let o = scan_fixture("json", &[]);
    assert_eq!(o.status.code(), Some(1));
    insta::assert_json_snapshot!(json_of(&o), {".stats.elapsed_ms" => "[elapsed]", ".version" => "[version]"});
}

#[test]
fn the_json_report_reads_back_into_its_schema() {
    use leakhound::report::schema::{JsonReport, JsonlSummary, SCHEMA_VERSION};
    let o = scan_fixture("json", &[]);
    let report: JsonReport = serde_json::from_slice(&o.stdout).expect("the written report is the schema");
    assert_eq!(report.schema_version, SCHEMA_VERSION);
    assert_eq!(report.findings.len(), report.stats.findings);
    assert_eq!(serde_json::to_value(&report).unwrap(), json_of(&o), "nothing lost or added reading it");
    let o = scan_fixture("jsonl", &[]);
    let last = stdout(&o).lines().last().unwrap().to_string();
    let summary: JsonlSummary = serde_json::from_str(&last).unwrap();
    assert_eq!(summary.summary.stats.findings, report.findings.len());
}

#[test]
fn jsonl_report() {
    let o = scan_fixture("jsonl", &[]);
    let lines: Vec<serde_json::Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    // One line per finding, then the summary line.
    assert_eq!(lines.len(), json_of(&scan_fixture("json", &[]))["findings"].as_array().unwrap().len() + 1);
    assert!(lines.last().unwrap()["summary"]["stats"]["findings"].is_number());
    insta::assert_json_snapshot!(lines, {"[].summary.stats.elapsed_ms" => "[elapsed]"});
}

#[test]
fn sarif_report() {
    let o = scan_fixture("sarif", &[]);
    assert_eq!(o.status.code(), Some(1));
    let v = json_of(&o);
    assert_eq!(v["version"], "2.1.0");
    let run = &v["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    for r in rules {
        assert!(r["help"]["markdown"].as_str().unwrap().contains("How to fix"), "{r}");
        assert!(r["properties"]["security-severity"].is_string());
        assert!(r["properties"]["tags"].as_array().unwrap().iter().any(|t| t == "secret"));
    }
    for res in run["results"].as_array().unwrap() {
        let idx = res["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[idx]["id"], res["ruleId"]);
        assert!(res["partialFingerprints"]["leakhound/location/v2"].is_string());
    }
    insta::assert_json_snapshot!(v, {".runs[0].tool.driver.version" => "[version]", ".runs[0].tool.driver.semanticVersion" => "[version]", ".runs[0].tool.driver.fullName" => "[version]"});
}

#[test]
fn sarif_validates_with_the_multitool_when_installed() {
    let dir = tempfile::tempdir().unwrap();
    let sarif = dir.path().join("out.sarif");
    let o = scan_fixture("sarif", &["-o", sarif.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    // The multitool is a 100 MB .NET download: CI installs it; locally this runs only where it is.
    if std::env::var_os("LEAKHOUND_VALIDATE_SARIF").is_some() {
        let v = std::process::Command::new("bash")
            .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/validate-sarif.sh"))
            .arg(&sarif)
            .output()
            .unwrap();
        assert!(v.status.success(), "{}{}", stdout(&v), stderr(&v));
        assert!(stdout(&v).contains("0 errors"), "{}", stdout(&v));
    }
}

#[test]
fn no_format_leaks_the_raw_secret_and_sarif_never_does() {
    let raw = "sk_live_Q5bX7dLm2Rk9TzW4vN8pC3yH";
    for fmt in ["human", "json", "jsonl", "sarif"] {
        let o = scan_fixture(fmt, &[]);
        assert!(!stdout(&o).contains(raw) && !stderr(&o).contains(raw), "{fmt} leaked");
        assert!(!stdout(&o).contains("Vt8qPzK2mW4nR7xL"), "{fmt} leaked the password");
    }
    for fmt in ["human", "json", "jsonl"] {
        assert!(stdout(&scan_fixture(fmt, &["--show-secrets"])).contains(raw), "{fmt} --show-secrets");
    }
    assert!(!stdout(&scan_fixture("sarif", &["--show-secrets"])).contains(raw), "SARIF stays redacted");
}

#[test]
fn output_format_follows_the_file_extension() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.sarif");
    let mut c = leakhound();
    c.current_dir(env!("CARGO_MANIFEST_DIR")).args([
        "scan",
        "--no-git",
        "-o",
        out.to_str().unwrap(),
        "fixtures/reports",
    ]);
    assert_eq!(c.output().unwrap().status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(out).unwrap()).unwrap();
    assert_eq!(v["version"], "2.1.0");
}

#[test]
fn findings_carry_confidence_come_worst_first_and_can_be_thresholded() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "app/settings.py", format!("DB_PASSWORD = 'Qm4vRt7zLp'\nSTRIPE = '{}'\n", stripe_key(150)));
    write(d, "tests/test_login.py", "login(user='bob', password='Xk29vLq8wz')\n");
    let (report, _) = scan_json(&[d.to_str().unwrap()]);
    let f = report["findings"].as_array().unwrap();
    let seen: Vec<(&str, &str)> =
        f.iter().map(|f| (f["path"].as_str().unwrap(), f["confidence"].as_str().unwrap())).collect();
    assert_eq!(
        seen,
        vec![("app/settings.py", "high"), ("app/settings.py", "medium"), ("tests/test_login.py", "low")],
        "{f:#?}"
    );
    assert_eq!(f[2]["confidence_reasons"], serde_json::json!(["generic-rule", "test-path"]));
    let (report, o) = scan_json(&["--min-confidence", "medium", d.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(report["findings"].as_array().unwrap().len(), 2);
    let hidden = report["suppressed"].as_array().unwrap().iter().find(|s| s["kind"] == "confidence").unwrap().clone();
    assert_eq!(hidden["findings"], 1, "{hidden:#?}");
}

#[test]
fn encoded_secrets_are_decoded_and_reported_at_the_encoded_text() {
    use base64::Engine;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let password = format!("Zq{}", random_base62(160, 10));
    let encoded = base64::engine::general_purpose::STANDARD.encode(&password);
    write(d, "k8s/secret.yaml", format!("kind: Secret\ndata:\n  db-password: {encoded}\n"));
    // A config file in a Kubernetes secret whose password is base64 again: base64 inside base64.
    let docker = base64::engine::general_purpose::STANDARD.encode(format!("user: deploy\npassword: {encoded}\n"));
    write(d, "k8s/pull.yaml", format!("data:\n  app.yaml: {docker}\n"));
    write(d, "app/config.json", format!("{{\"url\": \"https:\\/\\/deploy:{password}@registry.internal\\/v2\"}}\n"));

    let (report, o) = scan_json(&["--show-secrets", d.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let f = report["findings"].as_array().unwrap();
    let at = |path: &str| f.iter().find(|x| x["path"] == path).unwrap_or_else(|| panic!("{path}: {f:#?}")).clone();
    let k8s = at("k8s/secret.yaml");
    assert_eq!((k8s["line"].as_u64(), k8s["column"].as_u64()), (Some(3), Some(16)));
    assert_eq!((k8s["secret"].as_str(), k8s["decoded"].as_str()), (Some(password.as_str()), Some("base64")));
    assert!(k8s["confidence_reasons"].as_array().unwrap().contains(&serde_json::json!("decoded")));
    let pull = at("k8s/pull.yaml");
    assert_eq!((pull["secret"].as_str(), pull["decoded"].as_str()), (Some(password.as_str()), Some("base64")));
    let json = at("app/config.json");
    assert_eq!((json["secret"].as_str(), json["decoded"].as_str()), (Some(password.as_str()), Some("escape")));

    // Redacted, neither the decoded secret nor its encoding is shown.
    let (report, _) = scan_json(&[d.to_str().unwrap()]);
    let text = report.to_string();
    for raw in [&password, &encoded, &docker] {
        assert!(!text.contains(raw.as_str()), "{raw} shown without --show-secrets");
    }
    // --no-decode: the base64 is at most a generic finding of its own text.
    let (report, _) = scan_json(&["--no-decode", "--show-secrets", d.to_str().unwrap()]);
    let f = report["findings"].as_array().unwrap();
    assert!(f.iter().all(|x| x.get("decoded").is_none() && x["secret"] != password.as_str()), "{f:#?}");
}

#[test]
fn rules_list_json() {
    // The JSON of a user rule that uses a shared word list (expanded) and of a built-in rule whose vendor
    // is read from context; the whole built-in list is summed up by count, not copied.
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("team.toml");
    std::fs::write(
        &rules,
        "[[rules]]\nid = \"team-db-password\"\nname = \"Team database password\"\nseverity = \"high\"\n\
         keywords = [\"{{password-name}}\"]\npattern = '''(?i)team_db_{{password-name}}=(?P<secret>\\S{8,})'''\n\
         tags = [\"password\", \"database\"]\nexamples = ['team_db_pass=Qm4vRt7zLp2x']\nnon_examples = ['team_db_pass=']\n",
    )
    .unwrap();
    let o = run(&["rules", "list", "--format", "json", "--rules", rules.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let all: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    assert!(all.len() >= 300, "{} rules", all.len());
    let tags: Vec<String> = leakhound::rules::vocabulary::tags().to_vec();
    for r in &all {
        let id = r["id"].as_str().unwrap();
        for t in r["tags"].as_array().unwrap() {
            assert!(id == "team-db-password" || tags.contains(&t.as_str().unwrap().to_string()), "{id}: {t}");
        }
    }
    let picked: Vec<&serde_json::Value> =
        all.iter().filter(|r| r["id"] == "team-db-password" || r["id"] == "stripe-live-secret-key").collect();
    insta::assert_json_snapshot!("rules_list_json", picked);
}
