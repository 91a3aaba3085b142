//! How likely a finding is a real credential: the rule's kind and checksum, then signs of a sample (a
//! test or example path, an example host on the line, a sample's words in the value). Runs once per
//! finding, never per candidate.

use crate::finding::{Confidence, Reason};
use crate::rules::vocabulary;

/// What the scanner knows of one finding when it assesses it.
pub(crate) struct Evidence<'a> {
    /// The rule is a loose one for any provider.
    pub generic: bool,
    /// The rule's checksum verdict, if it has one.
    pub checksum_valid: Option<bool>,
    /// The secret as matched.
    pub secret: &'a [u8],
    /// The path of the blob.
    pub path: &'a str,
    /// The line holding the secret.
    pub line: &'a [u8],
    /// Found only in decoded content.
    pub decoded: bool,
}

/// The confidence and its reasons. Start at high for a provider's format and medium for a generic rule;
/// each sign of a sample lowers it one step; a valid checksum raises it one step; a failed one means low;
/// decoding is named as a reason but moves nothing.
pub(crate) fn assess(e: &Evidence<'_>) -> (Confidence, Vec<Reason>) {
    let mut reasons = Vec::new();
    let mut level: i8 = 2;
    match e.checksum_valid {
        Some(true) => reasons.push(Reason::ChecksumValid),
        Some(false) => reasons.push(Reason::ChecksumFailed),
        None => {}
    }
    if e.generic {
        level -= 1;
        reasons.push(Reason::GenericRule);
    }
    if is_test_path(e.path) {
        level -= 1;
        reasons.push(Reason::TestPath);
    }
    if names_example_host(e.line) {
        level -= 1;
        reasons.push(Reason::ExampleHost);
    }
    if is_placeholder_like(e.secret) {
        level -= 1;
        reasons.push(Reason::PlaceholderLike);
    }
    // Said, not held against it: an encoded credential (a Kubernetes secret's data) is as live as any.
    if e.decoded {
        reasons.push(Reason::Decoded);
    }
    if e.checksum_valid == Some(true) {
        level += 1;
    }
    let confidence = match (e.checksum_valid, level) {
        (Some(false), _) => Confidence::Low,
        (_, l) if l >= 2 => Confidence::High,
        (_, 1) => Confidence::Medium,
        _ => Confidence::Low,
    };
    (confidence, reasons)
}

/// Whether `path` looks like a test, fixture, example or documentation file: a directory from
/// `[filters] test_dirs`, or a file named as test runners name them (`test_x.py`, `x_test.go`, `x.spec.ts`,
/// `XTest.java`, `XTests.cs`, `x_spec.rb`), or a Markdown/reStructuredText page.
pub(crate) fn is_test_path(path: &str) -> bool {
    let mut parts = path.split(['/', '\\']).filter(|p| !p.is_empty()).peekable();
    while let Some(part) = parts.next() {
        let lower = part.to_ascii_lowercase();
        if parts.peek().is_some() {
            if vocabulary::filters().test_dirs.contains(&lower) {
                return true;
            }
            continue;
        }
        let stem = lower.split('.').next().unwrap_or_default();
        // `examples-1.json`, `config.sample.yml`, `.env.example`: a file named as a sample.
        if ["example", "sample"].iter().any(|w| stem.contains(w) || lower.contains(&format!(".{w}"))) {
            return true;
        }
        let ext = lower.rsplit_once('.').map(|(_, e)| e).unwrap_or_default();
        return stem.starts_with("test_")
            || stem.ends_with("_test")
            || stem.ends_with("_tests")
            || stem.ends_with("_spec")
            || stem.ends_with("-test")
            || lower.contains(".test.")
            || lower.contains(".spec.")
            || (part.ends_with(&format!("Test.{ext}")) && !ext.is_empty())
            || (part.ends_with(&format!("Tests.{ext}")) && !ext.is_empty())
            || matches!(ext, "md" | "rst" | "adoc");
    }
    false
}

fn names_example_host(line: &[u8]) -> bool {
    let line = &line[..line.len().min(1024)];
    let lower = line.to_ascii_lowercase();
    vocabulary::filters().example_hosts.iter().any(|h| memchr::memmem::find(&lower, h.as_bytes()).is_some())
}

fn is_placeholder_like(secret: &[u8]) -> bool {
    let lower = secret.to_ascii_lowercase();
    vocabulary::filters().sample_words.iter().any(|w| memchr::memmem::find(&lower, w.as_bytes()).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn level(generic: bool, checksum_valid: Option<bool>, secret: &str, path: &str, line: &str) -> Confidence {
        let e = Evidence {
            generic,
            checksum_valid,
            secret: secret.as_bytes(),
            path,
            line: line.as_bytes(),
            decoded: false,
        };
        assess(&e).0
    }

    #[test]
    fn provider_formats_are_high_generic_medium_samples_lower() {
        let tok = "sk_live_4eC39HqLyjWDarjtT1zdp7dc";
        assert_eq!(level(false, None, tok, "app/settings.py", "KEY = 'x'"), Confidence::High);
        assert_eq!(level(false, None, tok, "tests/test_pay.py", "KEY = 'x'"), Confidence::Medium);
        assert_eq!(level(false, Some(false), tok, "app/settings.py", ""), Confidence::Low);
        assert_eq!(level(false, Some(true), tok, "tests/fixtures/a.json", ""), Confidence::High);
        assert_eq!(level(true, None, "Xk29vLq8", "config/database.yml", "password: Xk29vLq8"), Confidence::Medium);
        assert_eq!(level(true, None, "Xk29vLq8", "spec/db_spec.rb", "password: Xk29vLq8"), Confidence::Low);
        assert_eq!(level(true, None, "hunter22", "app/db.py", "postgres://u:hunter22@localhost/db"), Confidence::Low);
        assert_eq!(level(true, None, "testpass99", "app/db.py", "pw = 'testpass99'"), Confidence::Low);
    }

    #[test]
    fn test_paths_are_recognised_by_directory_and_by_name() {
        for p in [
            "tests/a.py",
            "src/test/java/AppTest.java",
            "pkg/db_test.go",
            "web/src/app.spec.ts",
            "lib/test_utils.py",
            "docs/setup.md",
            "README.md",
            "spec/models/user_spec.rb",
            "Src/FooTests.cs",
            "examples/basic/config.yml",
            "botocore/data/iam/2010-05-08/examples-1.json",
            "config.sample.yml",
        ] {
            assert!(is_test_path(p), "{p}");
        }
        for p in ["src/app.py", "config/database.yml", "latest/x.py", "contest.py", "testimony/a.txt", ".env"] {
            assert!(!is_test_path(p), "{p}");
        }
    }
}
