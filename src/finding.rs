//! Plain data that flows from sources through the scanner to reporters and the notifier.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::redact::Secret;

/// How bad a leak of this kind is. Ordered: `Low < Medium < High < Critical`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Little harm if leaked (e.g. a test-mode key).
    Low,
    /// Limited access or scope.
    Medium,
    /// Real access to a service or its data.
    High,
    /// Broad access, such as cloud credentials: rotate at once.
    Critical,
}

impl Severity {
    /// The lowercase name reports and rule files use.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }

    /// GitHub code scanning's `security-severity` (CVSS-like 0.0-10.0).
    pub fn security_severity(self) -> &'static str {
        match self {
            Severity::Low => "3.0",
            Severity::Medium => "5.5",
            Severity::High => "8.0",
            Severity::Critical => "9.5",
        }
    }
}

/// How likely a finding is a real, usable credential rather than a sample, a test value or a look-alike.
/// Ordered: `Low < Medium < High`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    /// Probably a sample, a test value or a look-alike; still reported by default.
    Low,
    /// A credential-shaped value where credentials go, with nothing for or against it.
    #[default]
    Medium,
    /// A provider's own format (or a valid checksum) where nothing suggests a sample.
    High,
}

impl Confidence {
    /// The lowercase name reports use.
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
        }
    }
}

/// Why a finding has the confidence it has: a closed list, so that reports and filters can rely on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    /// The secret passed its rule's checksum: an issued token, not a typed one.
    ChecksumValid,
    /// The secret failed its rule's checksum: it cannot have been issued.
    ChecksumFailed,
    /// A loose rule for secrets of any provider (`password = "…"`), not a provider's own format.
    GenericRule,
    /// The path is a test, fixture, example, sample, mock or documentation file.
    TestPath,
    /// The line names an example or local host (`example.com`, `localhost`, `127.0.0.1`).
    ExampleHost,
    /// The value has a sample's words in it (`example`, `dummy`, `test`, `changeme`, `xxxx`).
    PlaceholderLike,
    /// The secret was found only after decoding (base64, percent-encoding, string escapes).
    Decoded,
}

impl Reason {
    /// The kebab-case name reports use.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::ChecksumValid => "checksum-valid",
            Reason::ChecksumFailed => "checksum-failed",
            Reason::GenericRule => "generic-rule",
            Reason::TestPath => "test-path",
            Reason::ExampleHost => "example-host",
            Reason::PlaceholderLike => "placeholder-like",
            Reason::Decoded => "decoded",
        }
    }
}

/// An encoding a secret was found under (`decoded` in reports).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Encoding {
    /// Base64, standard alphabet.
    Base64,
    /// Hexadecimal digits, two per byte.
    Hex,
    /// URL percent-encoding (`%40`).
    Percent,
    /// JSON or JavaScript string escapes (`\n`, `\/`, `\u0040`).
    Escape,
}

impl Encoding {
    /// The lowercase name reports use.
    pub fn as_str(self) -> &'static str {
        match self {
            Encoding::Base64 => "base64",
            Encoding::Hex => "hex",
            Encoding::Percent => "percent",
            Encoding::Escape => "escape",
        }
    }
}

/// The vendor a key of a shared format was attributed to, and what in the code said so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribution {
    /// The vendor, lowercase (`metigan`, `stripe`).
    pub vendor: String,
    /// What named it: `name METIGAN_API_KEY`, `host api.metigan.com`, `the file mentions stripe`.
    pub evidence: String,
}

/// The commit a history finding comes from: the one that introduced the blob at this path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommitInfo {
    /// The commit id, full hex.
    pub sha: String,
    /// The author's name, as recorded in the commit.
    pub author_name: String,
    /// The author's email, as recorded in the commit.
    pub author_email: String,
    /// RFC 3339, author date.
    pub date: String,
    /// The first line of the commit message.
    pub summary: String,
}

/// A git object id (SHA-1 or SHA-256) as bytes: copied freely, formatted only when shown.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct ObjectId {
    bytes: [u8; 32],
    len: u8,
}

impl ObjectId {
    /// The id from its raw bytes (20 for SHA-1, 32 for SHA-256; longer input is cut).
    pub fn from_bytes(raw: &[u8]) -> Self {
        let mut bytes = [0u8; 32];
        let len = raw.len().min(32);
        bytes[..len].copy_from_slice(&raw[..len]);
        ObjectId { bytes, len: len as u8 }
    }

    /// The raw id bytes (20 or 32).
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes[..usize::from(self.len)]
    }
}

impl std::fmt::Display for ObjectId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&hex::encode(self.as_bytes()))
    }
}

impl std::fmt::Debug for ObjectId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ObjectId({self})")
    }
}

/// Sorted, disjoint, inclusive ranges of 1-based line numbers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineSet(pub Vec<(u32, u32)>);

impl LineSet {
    /// Whether `line` is in one of the ranges.
    pub fn contains(&self, line: u32) -> bool {
        let i = self.0.partition_point(|&(_, hi)| hi < line);
        self.0.get(i).is_some_and(|&(lo, _)| lo <= line)
    }

    /// Add a range; ranges must come in increasing order (as diff hunks do).
    pub fn push(&mut self, lo: u32, hi: u32) {
        match self.0.last_mut() {
            Some(last) if lo <= last.1 + 1 => last.1 = last.1.max(hi),
            _ => self.0.push((lo, hi)),
        }
    }

    /// Whether it holds no lines.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The lines in both sets.
    pub fn intersect(&self, other: &LineSet) -> LineSet {
        let mut out = LineSet::default();
        let (mut i, mut j) = (0, 0);
        while i < self.0.len() && j < other.0.len() {
            let (a, b) = (self.0[i], other.0[j]);
            let (lo, hi) = (a.0.max(b.0), a.1.min(b.1));
            if lo <= hi {
                out.push(lo, hi);
            }
            if a.1 < b.1 {
                i += 1;
            } else {
                j += 1;
            }
        }
        out
    }
}

/// Where a blob came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A file on disk; `path` is relative to the scan root when under it.
    File {
        /// The file's path.
        path: String,
    },
    /// A blob in git history, at `path` in `commit` (shared by every blob that commit brought in).
    Commit {
        /// The blob's path in the commit's tree.
        path: String,
        /// The blob's object id.
        blob: ObjectId,
        /// The commit that introduced the blob at this path.
        commit: std::sync::Arc<CommitInfo>,
    },
    /// A blob no ref reaches (dropped by a rebase, a reset or a force push, still in the object
    /// database): its path and commit when a dangling commit or tree still names it.
    Unreachable {
        /// Its path in a dangling commit's tree, or `<unreachable blob SHA>` when no tree names it.
        path: String,
        /// The blob's object id.
        blob: ObjectId,
        /// The dangling commit that holds it, if any.
        commit: Option<std::sync::Arc<CommitInfo>>,
    },
    /// A commit message (`<commit message>`) or an annotated tag's message (`<tag NAME>`).
    Message {
        /// What reports show as its path.
        path: String,
        /// The commit, or for a tag the tag object (id, tagger, date, first line).
        commit: std::sync::Arc<CommitInfo>,
    },
    /// A file staged in the index (pre-commit).
    Staged {
        /// The file's path, relative to the work tree.
        path: String,
    },
    /// Standard input.
    Stdin,
}

impl Origin {
    /// The path reports show (`<stdin>` for standard input).
    pub fn path(&self) -> &str {
        match self {
            Origin::File { path }
            | Origin::Commit { path, .. }
            | Origin::Unreachable { path, .. }
            | Origin::Message { path, .. }
            | Origin::Staged { path } => path,
            Origin::Stdin => "<stdin>",
        }
    }

    /// The commit of a history blob or message (for a tag's message, the tag); None for any other origin.
    pub fn commit(&self) -> Option<&CommitInfo> {
        match self {
            Origin::Commit { commit, .. } | Origin::Message { commit, .. } => Some(commit),
            Origin::Unreachable { commit, .. } => commit.as_deref(),
            _ => None,
        }
    }

    /// Whether the blob is the current tree's own (a file on disk, staged, standard input); a history
    /// blob is in HEAD only when HEAD's tree holds it, which its source decides after the walk.
    pub fn in_current_tree(&self) -> bool {
        matches!(self, Origin::File { .. } | Origin::Staged { .. } | Origin::Stdin)
    }

    /// The blob id of a history blob.
    pub fn blob(&self) -> Option<ObjectId> {
        match self {
            Origin::Commit { blob, .. } | Origin::Unreachable { blob, .. } => Some(*blob),
            _ => None,
        }
    }

    /// The origin's kind as reports name it: `file`, `commit`, `unreachable`, `message`, `staged` or `stdin`.
    pub fn kind(&self) -> &'static str {
        match self {
            Origin::File { .. } => "file",
            Origin::Commit { .. } => "commit",
            Origin::Unreachable { .. } => "unreachable",
            Origin::Message { .. } => "message",
            Origin::Staged { .. } => "staged",
            Origin::Stdin => "stdin",
        }
    }
}

/// One leaked secret at one place.
#[derive(Debug, Clone)]
pub struct Finding {
    /// Id of the rule that matched.
    pub rule_id: String,
    /// Human-readable name of that rule.
    pub rule_name: String,
    /// The rule's severity.
    pub severity: Severity,
    /// Where the blob holding the secret came from.
    pub origin: Origin,
    /// 1-based line of the first character of the secret.
    pub line: u32,
    /// 1-based column, in Unicode code points, of the first character of the secret.
    pub column: u32,
    /// 1-based line of the last character of the secret.
    pub end_line: u32,
    /// 1-based column one past the last character of the secret.
    pub end_column: u32,
    /// The matched secret; redacted wherever it is displayed.
    pub secret: Secret,
    /// The line holding the secret, trimmed and cut to a sane length, with the secret redacted.
    pub snippet: String,
    /// The same line with the raw secret: reporters show it only for `--show-secrets`.
    pub raw_snippet: String,
    /// Shannon entropy of the secret, in bits per byte.
    pub entropy: f64,
    /// Whether the secret passed its rule's checksum; `None` when the rule has none.
    pub checksum_valid: Option<bool>,
    /// The encoding the secret was found under; its location is the encoded text's.
    pub decoded: Option<Encoding>,
    /// For a rule whose format several vendors share, the vendor the context names.
    pub attribution: Option<Attribution>,
    /// How likely this is a real credential.
    pub confidence: Confidence,
    /// What decided the confidence, most telling first.
    pub reasons: Vec<Reason>,
    /// Keyed fingerprints identifying the secret and its location.
    pub fingerprints: Fingerprints,
    /// The repository it was found in, by name, when a scan covers several.
    pub repository: Option<std::sync::Arc<str>>,
    /// Whether this occurrence is in the current tree: a file on disk, staged or read from standard input,
    /// or a history blob that HEAD's tree still holds at this path.
    pub in_head: bool,
}

/// What a security team decided about a leaked secret (`leakhound triage`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TriageStatus {
    /// The key was revoked or rotated: its leak no longer gives access.
    Revoked,
    /// Not a credential (a sample, a hash, a look-alike).
    FalsePositive,
    /// A known risk that was accepted (a test account, a public key by design).
    Accepted,
}

impl TriageStatus {
    /// The kebab-case name reports and the store use.
    pub fn as_str(self) -> &'static str {
        match self {
            TriageStatus::Revoked => "revoked",
            TriageStatus::FalsePositive => "false-positive",
            TriageStatus::Accepted => "accepted",
        }
    }

    /// The status named `s`, if any.
    pub fn parse(s: &str) -> Option<Self> {
        [TriageStatus::Revoked, TriageStatus::FalsePositive, TriageStatus::Accepted]
            .into_iter()
            .find(|t| t.as_str() == s)
    }
}

/// A triage decision on a secret, by its secret fingerprint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Triage {
    /// The decision.
    pub status: TriageStatus,
    /// Why, in the team's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// When it was decided, RFC 3339 (UTC).
    pub at: String,
}

/// A finding's keyed fingerprints, hex-encoded: what baselines, ignore files and webhooks match on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fingerprints {
    /// HMAC-SHA256(key, rule id, secret): the same leaked key anywhere.
    pub secret: String,
    /// HMAC-SHA256(key, rule id, secret, path): for baselines and SARIF partialFingerprints.
    pub location: String,
}

/// The key fingerprints are computed with. A plain hash of a secret lets anyone holding a report test
/// guesses offline (a weak password falls to a word list in milliseconds); keyed with a secret that is
/// never in a report, a fingerprint tells its reader nothing about the secret, while everyone who shares
/// the key (a team, an organisation, CI) gets the same fingerprints for baselines and ignore files.
#[derive(Clone, PartialEq, Eq)]
pub struct FingerprintKey([u8; 32]);

impl FingerprintKey {
    /// A key from any secret text (a file's contents or an environment variable): SHA-256 of it, so
    /// that any length of key material works and surrounding whitespace does not matter.
    pub fn from_material(material: &[u8]) -> Self {
        FingerprintKey(Sha256::digest(material.trim_ascii()).into())
    }

    /// The fixed key of rule self-tests and benchmarks (never of a user's scan).
    pub fn for_tests() -> Self {
        Self::from_material(b"leakhound self-test key")
    }

    /// A short public name for the key, written into reports so that a baseline made with another key
    /// is recognised (it reveals nothing about the key).
    pub fn id(&self) -> String {
        hex::encode(&self.mac(&[b"leakhound fingerprint key id"])[..8])
    }

    fn mac(&self, parts: &[&[u8]]) -> [u8; 32] {
        use hmac::{Hmac, Mac};
        let mut m = Hmac::<Sha256>::new_from_slice(&self.0).expect("HMAC takes any key length");
        for (i, p) in parts.iter().enumerate() {
            if i > 0 {
                m.update(&[0u8]);
            }
            m.update(p);
        }
        m.finalize().into_bytes().into()
    }
}

impl std::fmt::Debug for FingerprintKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "FingerprintKey({})", self.id())
    }
}

impl Fingerprints {
    /// Both fingerprints of `secret` found by `rule_id` at `path`, keyed with `key`.
    pub fn compute(key: &FingerprintKey, rule_id: &str, secret: &Secret, path: &str) -> Self {
        let s = secret.expose().as_bytes();
        Fingerprints {
            secret: hex::encode(key.mac(&[rule_id.as_bytes(), s])),
            location: hex::encode(key.mac(&[rule_id.as_bytes(), s, path.as_bytes()])),
        }
    }

    /// The unkeyed fingerprints of leakhound 0.1 (plain SHA-256), computed only to recognise entries of
    /// old baselines and ignore files; never written anywhere.
    pub fn legacy(rule_id: &str, secret: &Secret, path: &str) -> Self {
        let mut h = Sha256::new();
        h.update(rule_id.as_bytes());
        h.update([0u8]);
        h.update(secret.expose().as_bytes());
        let secret_fp = hex::encode(h.clone().finalize());
        h.update([0u8]);
        h.update(path.as_bytes());
        Fingerprints { secret: secret_fp, location: hex::encode(h.finalize()) }
    }
}

/// sha256 of the raw secret, hex: what an issuer that stores only hashes can look a key up by. Sent only
/// to a webhook the user configured, for rules whose secrets are random tokens.
pub fn secret_sha256(secret: &Secret) -> String {
    hex::encode(Sha256::digest(secret.expose().as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lineset_merges_and_looks_up() {
        let mut s = LineSet::default();
        s.push(1, 2);
        s.push(3, 3);
        s.push(10, 12);
        assert_eq!(s.0, vec![(1, 3), (10, 12)]);
        assert!(s.contains(2) && s.contains(10) && s.contains(12));
        assert!(!s.contains(4) && !s.contains(13) && !s.contains(0));
        let mut t = LineSet::default();
        t.push(2, 11);
        assert_eq!(s.intersect(&t).0, vec![(2, 3), (10, 11)]);
    }

    #[test]
    fn fingerprints_are_stable_and_path_sensitive() {
        let k = FingerprintKey::from_material(b"k1");
        let s = Secret::new("sk_live_abcdefghijklmnopqrstuvwx");
        let a = Fingerprints::compute(&k, "stripe", &s, "a.py");
        let b = Fingerprints::compute(&k, "stripe", &s, "b.py");
        assert_eq!(a.secret, b.secret);
        assert_ne!(a.location, b.location);
        assert_eq!(a, Fingerprints::compute(&k, "stripe", &s, "a.py"));
        assert_eq!(a.secret.len(), 64);
    }

    #[test]
    fn fingerprints_depend_on_the_key_and_are_not_a_plain_hash() {
        let s = Secret::new("Winter2023!");
        let a = Fingerprints::compute(&FingerprintKey::from_material(b"k1"), "pw", &s, "a");
        let b = Fingerprints::compute(&FingerprintKey::from_material(b"k2"), "pw", &s, "a");
        assert_ne!(a.secret, b.secret);
        assert_ne!(a, Fingerprints::legacy("pw", &s, "a"));
        assert_eq!(FingerprintKey::from_material(b" k1\n"), FingerprintKey::from_material(b"k1"));
        assert_ne!(FingerprintKey::from_material(b"k1").id(), FingerprintKey::from_material(b"k2").id());
    }
}
