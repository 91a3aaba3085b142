//! The detection engine over a whole blob: classify (binary, UTF-16) -> prefilter (trigram anchors,
//! confirmed by Aho-Corasick) -> matcher (regex on windows) -> one ordered filter chain whose every stage
//! has a named `Verdict` (`--explain`) -> shadowing -> allowlists -> location and redacted snippets.
//! No I/O, no printing, nothing about presentation; `Scanner` is `Sync` and shared by every worker thread.

pub mod allowlist;
mod anchors;
mod attribution;
pub mod checksum;
mod confidence;
pub mod content;
mod decode;
mod edit;
pub mod entropy;
pub mod filters;
mod paths;
mod prefilter;
mod selftest;
mod shadow;
pub mod snippet;

use memchr::{memchr, memrchr};

use crate::finding::{Encoding, Finding, FingerprintKey, Fingerprints, LineSet, Origin, Severity};
use crate::redact::Secret;
use crate::rules::{ReportAt, Rule, RuleSet, ValueKind};
pub use allowlist::Allowlist;
pub use edit::Memo;
pub use prefilter::Prefilter;
pub use selftest::{check_rules, ExampleFailure};
use snippet::Spans;

/// How far around a keyword hit the regex may look on the same line: bounds the work on minified files
/// with megabyte-long lines.
const LINE_REACH: usize = 4096;
/// Inline markers that silence a finding on their line (ours, gitleaks' and detect-secrets').
const INLINE_ALLOW: &[&[u8]] = &[b"leakhound:allow", b"gitleaks:allow", b"pragma: allowlist secret"];
/// A marker that silences findings on the line after it.
const ALLOW_NEXT_LINE: &[u8] = b"leakhound:allow-next-line";
/// Most findings one blob may give. A real file holds a handful; a hostile or generated one (a 64 MB
/// file of `password=` lines) would otherwise hold gigabytes of findings. Past it the blob is reported
/// as truncated, never silently.
pub const MAX_FINDINGS_PER_BLOB: usize = 10_000;
/// Most pattern matches (kept or filtered) one blob may give, for the same reason.
const MAX_MATCHES_PER_BLOB: usize = 200_000;
/// Largest file a rule without keywords reads whole (key files are a few hundred bytes).
const WHOLE_FILE_MAX: usize = 64 * 1024;
/// Levels of encoding decoded (base64 inside base64: a Docker config in a Kubernetes secret).
const DECODE_DEPTH: u8 = 2;
/// Distinct sets of path-limited rules that get a prefilter of their own (see `prefilter_for`).
const MAX_PREFILTER_SETS: usize = 64;

/// Finds secrets in blobs: the rules, their keyword prefilter, the allowlists and the fingerprint key.
pub struct Scanner {
    rules: RuleSet,
    /// The keywords of the rules that run on every path.
    prefilter: Prefilter,
    /// Which rules run on a path.
    paths: paths::PathIndex,
    /// The keywords of those rules plus the path-limited rules that run on a file, by the set of the
    /// latter: a `.pgpass` rule's `:` keyword must not make every colon of every file a hit. Few
    /// distinct sets occur (a `.pgpass`, the YAML files, …), each built once.
    by_paths: std::sync::RwLock<std::collections::HashMap<Vec<u32>, std::sync::Arc<Prefilter>>>,
    /// Every keyword: for files past `MAX_PREFILTER_SETS` distinct sets.
    all_keywords: std::sync::OnceLock<std::sync::Arc<Prefilter>>,
    allowlists: Vec<Allowlist>,
    key: FingerprintKey,
    /// Decode encoded segments and scan them too.
    decode: bool,
    /// A rule whose pattern did not compile when first used (see `broken_rule`).
    broken: std::sync::OnceLock<String>,
    /// The longest keyword of any rule, in bytes (how far before a change a rescan starts; see `edit`).
    longest_keyword: usize,
}

/// What scanning one blob gave.
#[derive(Debug, Default)]
pub struct BlobScan {
    /// A NUL byte in its first 8 KiB: not scanned.
    pub binary: bool,
    /// What it holds, in order of place.
    pub findings: Vec<Finding>,
    /// The blob held more matches than `MAX_FINDINGS_PER_BLOB`/`MAX_MATCHES_PER_BLOB`: the rest of it was
    /// not examined.
    pub truncated: bool,
}

/// A match that passed every filter, before line and column are known.
#[derive(Clone)]
struct Candidate {
    rule: usize,
    start: usize,
    end: usize,
    /// Where the finding is reported: the secret's start, or the match's (`report_at = "match"`).
    at: usize,
    entropy: f64,
    /// `Some(false)` when the rule's checksum failed softly (see `checksum::failure_is_soft`).
    checksum_valid: Option<bool>,
    /// Found in decoded text: `start..end` is then the encoded segment, and this the secret.
    decoded: Option<Box<Decoded>>,
}

/// A secret found in decoded text.
#[derive(Clone)]
struct Decoded {
    encoding: Encoding,
    secret: Vec<u8>,
}

/// Why a match is or is not reported: the stage of the filter chain that decided (`--explain`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Passed every stage.
    Reported,
    /// The rule does not apply to this path (its `paths`).
    RulePaths,
    /// The captured secret is empty.
    Empty,
    /// Below the rule's minimum entropy.
    Entropy,
    /// Failed the rule's checksum.
    Checksum,
    /// A placeholder (`xxxx`, `YOUR_KEY`, `${VAR}`, a documented example key, …).
    Placeholder,
    /// A generic rule's value that looks like code, an identifier, a hash, a path, …
    GenericShape,
    /// A password rule's value that is code, an identifier, a label or a stock template word.
    NotAPassword,
    /// A generic rule's key name that names no secret (`*_algorithm`, `*_helper`, …).
    NonSecretName,
    /// The rule's own `allow` regexes.
    RuleAllow,
    /// `leakhound:allow` (or gitleaks'/detect-secrets' marker) on the line, or allow-next-line before it.
    InlineAllow,
    /// Another match at the same place won (a specific rule over a generic one, the first of two).
    Shadowed,
    /// An allowlist of this config file.
    Allowlisted(String),
}

impl std::fmt::Display for Verdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Verdict::Reported => "reported",
            Verdict::RulePaths => "dropped: the rule does not apply to this path",
            Verdict::Empty => "dropped: empty",
            Verdict::Entropy => "dropped: below the rule's minimum entropy",
            Verdict::Checksum => "dropped: fails the rule's checksum",
            Verdict::Placeholder => "dropped: a placeholder or documented example value",
            Verdict::GenericShape => "dropped: looks like code, an identifier, a hash or a path, not a secret",
            Verdict::NotAPassword => "dropped: code, an identifier, a label or a template word, not a password",
            Verdict::NonSecretName => "dropped: the key name does not name a secret",
            Verdict::RuleAllow => "dropped: the rule's own allow list",
            Verdict::InlineAllow => "dropped: an inline leakhound:allow marker",
            Verdict::Shadowed => "dropped: another rule's match at the same place is reported",
            Verdict::Allowlisted(source) => return write!(f, "dropped: allowlisted by {source}"),
        })
    }
}

/// One candidate match and what became of it (`Scanner::explain`).
#[derive(Debug, Clone)]
pub struct Explained {
    /// Id of the rule whose pattern matched.
    pub rule_id: String,
    /// 1-based line of the match.
    pub line: u32,
    /// 1-based column of the match, in Unicode code points.
    pub column: u32,
    /// The captured value.
    pub secret: Secret,
    /// Whether it was reported, or which filter dropped it.
    pub verdict: Verdict,
}

/// What the regexes found in one blob.
#[derive(Default)]
struct Matches {
    /// With `--explain`: the matches the filters dropped, and why.
    rejected: Option<Vec<(usize, usize, usize, Verdict)>>,
    cands: Vec<Candidate>,
    /// Every value a rule's pattern captured, kept or filtered: all are redacted in snippets.
    spans: Vec<(usize, usize)>,
    /// The windows (lines around keyword hits) the rules' regexes ran on: where decoding looks for
    /// base64 and hex.
    windows: Vec<(usize, usize)>,
    truncated: bool,
    /// Where an allowlist suppressed a match, and which one (by index): a rescan of an edited blob
    /// credits the allowlists for the matches it takes over unexamined (see `edit`).
    allowlisted: Vec<(usize, usize)>,
}

/// What matching, shadowing, the allowlists and decoding kept of the keyword hits in one range of a
/// blob, and what it took to get there.
struct Found {
    m: Matches,
    /// Matches and captured values before shadowing and decoding: what the per-blob limits count.
    raw: (usize, usize),
    /// What decoding used of its budget, and whether it ran out.
    budget: decode::Budget,
    /// The regex windows (every rule's, merged): where the kept matches' outcome came from.
    windows: Vec<(usize, usize)>,
}

impl Scanner {
    /// A scanner for `rules`; empty allowlists are dropped. Fingerprints use the test key until
    /// `with_fingerprint_key`.
    pub fn new(rules: RuleSet, allowlists: Vec<Allowlist>) -> Self {
        let prefilter = Prefilter::of(&rules, |i| rules.rules[i].applies_everywhere());
        let paths = paths::PathIndex::new(&rules);
        let allowlists = allowlists.into_iter().filter(|a| !a.is_empty()).collect();
        let longest_keyword = rules.rules.iter().flat_map(|r| &r.spec.keywords).map(String::len).max().unwrap_or(0);
        Scanner {
            longest_keyword,
            rules,
            prefilter,
            paths,
            by_paths: Default::default(),
            all_keywords: std::sync::OnceLock::new(),
            allowlists,
            key: FingerprintKey::for_tests(),
            broken: std::sync::OnceLock::new(),
            decode: true,
        }
    }

    /// Whether encoded segments (base64, hex, percent, string escapes) are decoded and scanned (on by
    /// default).
    pub fn with_decoding(mut self, decode: bool) -> Self {
        self.decode = decode;
        self
    }

    /// The key fingerprints are computed with (the user's; `FingerprintKey::for_tests` by default).
    pub fn with_fingerprint_key(mut self, key: FingerprintKey) -> Self {
        self.key = key;
        self
    }

    /// The key fingerprints are computed with.
    pub fn fingerprint_key(&self) -> &FingerprintKey {
        &self.key
    }

    /// The rules it runs.
    pub fn rules(&self) -> &RuleSet {
        &self.rules
    }

    /// Gives back its rules.
    pub(crate) fn into_rules(self) -> RuleSet {
        self.rules
    }

    /// A rule that could not be compiled during the scan, if any: the scan is then incomplete.
    pub fn broken_rule(&self) -> Option<&str> {
        self.broken.get().map(String::as_str)
    }

    /// The allowlists in force, with what each suppressed so far.
    pub fn allowlists(&self) -> &[Allowlist] {
        &self.allowlists
    }

    /// Scan a whole blob as a source hands it over: binary is skipped, UTF-16 transcoded, and with
    /// `lines` only findings on those lines count (the lines a commit range or the index adds).
    pub fn scan_whole(&self, bytes: &[u8], origin: &Origin, lines: Option<&LineSet>) -> BlobScan {
        let text = match content::classify(bytes) {
            content::Content::Binary => return BlobScan { binary: true, ..BlobScan::default() },
            content::Content::Text(t) => t,
        };
        let mut scanned = self.scan_blob(&text, origin, true);
        if let Some(lines) = lines {
            scanned.findings.retain(|f| lines.contains(f.line));
        }
        scanned
    }

    /// Scan decoded text (see `content::classify`) from `origin`.
    pub fn scan(&self, data: &[u8], origin: &Origin) -> Vec<Finding> {
        self.scan_blob(data, origin, true).findings
    }

    /// A rule example, which has no path: rule `rule` runs whatever its paths, with the rules that run on
    /// every path (a rule limited to `.pgpass` files never meets a Python example in a real scan).
    pub fn scan_example(&self, data: &[u8], rule: usize) -> Vec<Finding> {
        let applies: Vec<bool> =
            self.rules.rules.iter().enumerate().map(|(i, r)| i == rule || r.applies_everywhere()).collect();
        self.scan_applying(data, &Origin::File { path: "example.txt".into() }, applies).findings
    }

    /// Scan one blob; says whether it held too many matches to examine whole.
    pub fn scan_blob(&self, data: &[u8], origin: &Origin, check_paths: bool) -> BlobScan {
        let path = origin.path();
        if check_paths && self.allowlists.iter().any(|a| a.exclude_file(path)) {
            return BlobScan::default();
        }
        let applies = if check_paths { self.paths.applies(path) } else { vec![true; self.rules.len()] };
        self.scan_applying(data, origin, applies)
    }

    /// Scan one blob with the rules marked in `applies`.
    fn scan_applying(&self, data: &[u8], origin: &Origin, applies: Vec<bool>) -> BlobScan {
        let found = self.find(data, origin.path(), &applies, (0, data.len()));
        self.finish(data, origin, found.m)
    }

    /// Matches, filters, shadowing, allowlists and decoding for the keyword hits that start in
    /// `range` of `data` (the rules that read whole files too when it is all of `data`).
    fn find(&self, data: &[u8], path: &str, applies: &[bool], range: (usize, usize)) -> Found {
        let mut m = self.matches(data, applies, range);
        let raw = (m.cands.len(), m.spans.len());
        self.sift(&mut m, data, path);
        let windows = merged(std::mem::take(&mut m.windows));
        let mut budget = decode::Budget::default();
        if self.decode && !m.truncated {
            let runs_in = if decode::whole_file(path) { vec![range] } else { windows.clone() };
            let mut credits = Vec::new();
            let found = self.decoded(data, range, &runs_in, (path, applies, DECODE_DEPTH), &mut budget, &mut credits);
            m.allowlisted.extend(credits);
            merge_decoded(&mut m, found, &self.rules);
        }
        Found { m, raw, budget, windows }
    }

    /// Findings from the kept matches: at most `MAX_FINDINGS_PER_BLOB`, located, with snippets.
    fn finish(&self, data: &[u8], origin: &Origin, mut m: Matches) -> BlobScan {
        if m.cands.is_empty() {
            return BlobScan { truncated: m.truncated, ..BlobScan::default() };
        }
        let mut truncated = m.truncated;
        if m.cands.len() > MAX_FINDINGS_PER_BLOB {
            m.cands.sort_by_key(|c| c.start);
            m.cands.truncate(MAX_FINDINGS_PER_BLOB);
            truncated = true;
        }
        BlobScan {
            findings: self.findings(data, origin, m.cands, Spans::with_copies(data, m.spans)),
            truncated,
            binary: false,
        }
    }

    /// The matches that pass every filter, shadowing and the allowlists.
    fn kept(&self, data: &[u8], path: &str, applies: &[bool]) -> Matches {
        let mut m = self.matches(data, applies, (0, data.len()));
        self.sift(&mut m, data, path);
        m
    }

    /// Shadowing and the allowlists on the matches that passed every filter.
    fn sift(&self, m: &mut Matches, data: &[u8], path: &str) {
        if m.cands.is_empty() {
            return;
        }
        // Candidates in rule order (by precedence, then file order), each rule's by position: the order
        // shadowing is defined on.
        m.cands.sort_by_key(|c| (self.rules.rules[c.rule].precedence(), c.rule, c.start));
        let keys: Vec<_> =
            m.cands.iter().map(|c| (c.rule, c.start, c.end, self.rules.rules[c.rule].spec.generic)).collect();
        let mut keep = shadow::keep(&keys).into_iter();
        m.cands.retain(|_| keep.next().unwrap_or(true));
        // The user's and the repository's allowlists come last, so each counts only what it alone hid.
        let allowlisted = &mut m.allowlisted;
        m.cands.retain(|c| {
            let rule = &self.rules.rules[c.rule].spec.id;
            match self.allowlists.iter().position(|a| a.suppress(rule, path, &data[c.start..c.end])) {
                Some(i) => {
                    allowlisted.push((c.start, i));
                    false
                }
                None => true,
            }
        });
    }

    /// Findings in the decoded text of `data[lo..hi]`'s encoded segments, each located at its segment.
    /// A segment's text is put back into its line (`password: aHVudGVyMjI=` is scanned as
    /// `password: hunter22`), so a rule sees the name the value was given; what is found inside the
    /// decoded text counts, and with `depth` left, segments inside it are decoded in turn. What an
    /// allowlist hid in decoded text goes to `credits`, at its segment.
    fn decoded(
        &self,
        data: &[u8],
        (lo, hi): (usize, usize),
        runs_in: &[(usize, usize)],
        (path, applies, depth): (&str, &[bool], u8),
        budget: &mut decode::Budget,
        credits: &mut Vec<(usize, usize)>,
    ) -> Vec<Candidate> {
        let mut out: Vec<Candidate> = Vec::new();
        for seg in decode::segments(data, (lo, hi), runs_in, budget) {
            let (line_start, line_end) = line_around(data, seg.start, seg.end);
            let mut line = Vec::with_capacity(line_end - line_start + seg.text.len());
            line.extend_from_slice(&data[line_start..seg.start]);
            let (a, b) = (line.len(), line.len() + seg.text.len());
            line.extend_from_slice(&seg.text);
            line.extend_from_slice(&data[seg.end..line_end]);
            let mut inner = self.kept(&line, path, applies);
            inner.cands.retain(|c| c.start < b && c.end > a);
            // What the allowlists hid in decoded text is credited at the segment.
            let mut nested_credits = std::mem::take(&mut inner.allowlisted);
            if depth > 1 {
                let nested =
                    self.decoded(&line, (a, b), &[(a, b)], (path, applies, depth - 1), budget, &mut nested_credits);
                merge_decoded(&mut inner, nested, &self.rules);
            }
            credits.extend(nested_credits.into_iter().map(|(_, i)| (seg.start, i)));
            for c in inner.cands {
                let secret = match c.decoded {
                    Some(d) => d.secret,
                    None => line[c.start..c.end].to_vec(),
                };
                if out.iter().any(|o| o.rule == c.rule && o.start == seg.start && o.secret(data) == secret) {
                    continue;
                }
                out.push(Candidate {
                    rule: c.rule,
                    start: seg.start,
                    end: seg.end,
                    at: seg.start,
                    entropy: c.entropy,
                    checksum_valid: c.checksum_valid,
                    decoded: Some(Box::new(Decoded { encoding: seg.encoding, secret })),
                });
            }
        }
        out
    }

    /// Runs each rule's regex on the merged windows around its keyword hits (the whole line(s) of a
    /// hit, bounded), window by window as the hits stream past, so memory holds one open window per
    /// rule and the matches, never every window of a large blob.
    fn matches(&self, data: &[u8], applies: &[bool], range: (usize, usize)) -> Matches {
        let mut m = Matches::default();
        let mut open: Vec<Option<(usize, usize)>> = vec![None; self.rules.len()];
        self.collect(data, applies, range, &mut m, &mut open);
        m
    }

    /// The prefilter for a blob that `applies` marks the rules of.
    fn prefilter_for(&self, applies: &[bool]) -> Option<std::sync::Arc<Prefilter>> {
        let limited: Vec<u32> = (0..self.rules.len())
            .filter(|&i| applies[i] && !self.rules.rules[i].applies_everywhere())
            .map(|i| i as u32)
            .collect();
        if limited.is_empty() {
            return None;
        }
        if let Some(p) = self.by_paths.read().unwrap_or_else(|e| e.into_inner()).get(&limited) {
            return Some(p.clone());
        }
        // Bounded: rules from a scanned repository's config could make every file a set of its own.
        // Past the bound, the prefilter of every keyword serves (the rules that do not apply are
        // dropped at their hits, as before there were sets).
        let mut cache = self.by_paths.write().unwrap_or_else(|e| e.into_inner());
        if cache.len() >= MAX_PREFILTER_SETS {
            return Some(
                self.all_keywords.get_or_init(|| std::sync::Arc::new(Prefilter::of(&self.rules, |_| true))).clone(),
            );
        }
        let everywhere = |i: usize| self.rules.rules[i].applies_everywhere() && applies[i];
        let p = std::sync::Arc::new(Prefilter::of(&self.rules, |i| everywhere(i) || limited.contains(&(i as u32))));
        cache.insert(limited, p.clone());
        Some(p)
    }

    /// The rules' windows and matches for the keyword hits that start in `lo..hi`.
    fn collect(
        &self,
        data: &[u8],
        applies: &[bool],
        (lo, hi): (usize, usize),
        m: &mut Matches,
        open: &mut [Option<(usize, usize)>],
    ) {
        if data.len() <= WHOLE_FILE_MAX && (lo, hi) == (0, data.len()) {
            for (r, rule) in self.rules.rules.iter().enumerate() {
                if applies[r] && rule.reads_whole_files() {
                    self.match_window(r, (0, data.len()), data, m);
                }
            }
        }
        let limited = self.prefilter_for(applies);
        let prefilter = limited.as_deref().unwrap_or(&self.prefilter);
        // A keyword that starts before `hi` may end past it.
        let tail = (hi + prefilter.max_len()).min(data.len());
        prefilter.hits(&data[lo..tail], |hit| {
            let r = hit.rule as usize;
            let hit = prefilter::Hit { rule: hit.rule, start: lo + hit.start, end: lo + hit.end };
            if !applies[r] || m.truncated || hit.start >= hi {
                return;
            }
            if let Some((_, we)) = open[r] {
                if hit.end <= we {
                    return;
                }
            }
            let span = self.rules.rules[r].spec.span;
            let (start, end) = line_around(data, hit.start, (hit.end + span).min(data.len()));
            match &mut open[r] {
                Some(last) if start <= last.1 => last.1 = last.1.max(end),
                slot => {
                    if let Some(w) = slot.replace((start, end)) {
                        self.match_window(r, w, data, m);
                    }
                }
            }
        });
        for (r, w) in open.iter_mut().enumerate() {
            if let Some(w) = w.take() {
                self.match_window(r, w, data, m);
            }
        }
    }

    fn match_window(&self, ri: usize, (ws, we): (usize, usize), data: &[u8], m: &mut Matches) {
        if m.truncated {
            return;
        }
        m.windows.push((ws, we));
        let rule = &self.rules.rules[ri];
        let re = match rule.regex() {
            Ok(re) => re,
            Err(e) => {
                // Not silently nothing: the first such error is the scan's to report.
                let _ = self.broken.set(e.to_string());
                return;
            }
        };
        let groups = rule.secret_groups(re);
        for caps in re.captures_iter(&data[ws..we]) {
            let m0 = caps.get(0).expect("group 0");
            let Some(s) = groups.iter().find_map(|&g| caps.get(g)) else {
                continue;
            };
            let (start, end) = (ws + s.start(), ws + s.end());
            if end > start {
                m.spans.push((start, end));
            }
            if m.spans.len() >= MAX_MATCHES_PER_BLOB || m.cands.len() >= 4 * MAX_FINDINGS_PER_BLOB {
                m.truncated = true;
                return;
            }
            let name = caps.name("name").map(|n| n.as_bytes());
            let verdict = if rule.spec.generic && name.is_some_and(filters::is_non_secret_name) {
                Err(Verdict::NonSecretName)
            } else {
                self.accept(rule, &data[start..end], name)
            };
            let verdict = verdict.and_then(|ok| {
                if inline_allowed(data, ws + m0.start(), ws + m0.end()) {
                    Err(Verdict::InlineAllow)
                } else {
                    Ok(ok)
                }
            });
            match verdict {
                Ok((entropy, checksum_valid)) => {
                    let at = if rule.spec.report_at == ReportAt::Match { ws + m0.start() } else { start };
                    m.cands.push(Candidate { rule: ri, start, end, at, entropy, checksum_valid, decoded: None })
                }
                Err(v) => {
                    if let Some(rec) = &mut m.rejected {
                        rec.push((ri, start, end, v));
                    }
                }
            }
        }
    }

    /// The rule's filters on the secret, in order; when all pass, the secret's entropy and the checksum
    /// outcome (`None` when the rule has no checksum), else the stage that dropped it.
    fn accept(&self, rule: &Rule, secret: &[u8], name: Option<&[u8]>) -> Result<(f64, Option<bool>), Verdict> {
        if secret.is_empty() {
            return Err(Verdict::Empty);
        }
        let e = entropy::shannon(secret);
        if rule.spec.min_entropy.is_some_and(|min| e < entropy::threshold(min, secret)) {
            return Err(Verdict::Entropy);
        }
        let checksum_valid = match rule.spec.checksum {
            Some(c) if checksum::check(c, secret) => Some(true),
            Some(c) if checksum::failure_is_soft(c) => Some(false),
            Some(_) => return Err(Verdict::Checksum),
            None => None,
        };
        match rule.spec.value {
            ValueKind::Random => {
                if filters::is_placeholder(secret) {
                    return Err(Verdict::Placeholder);
                }
                if rule.spec.generic && filters::is_unlikely_generic_secret(secret, name) {
                    return Err(Verdict::GenericShape);
                }
            }
            ValueKind::Password => {
                if filters::is_template(secret) || filters::is_stock_password(secret) {
                    return Err(Verdict::Placeholder);
                }
                if filters::is_unlikely_password(secret, name) {
                    return Err(Verdict::NotAPassword);
                }
            }
            ValueKind::Stored => {
                if filters::is_template(secret) {
                    return Err(Verdict::Placeholder);
                }
            }
        }
        if rule.allowed_secret(secret) {
            return Err(Verdict::RuleAllow);
        }
        Ok((e, checksum_valid))
    }

    /// Every candidate match on lines `lines` (all lines when `None`) and the stage that kept or dropped
    /// it: what `leakhound scan --explain` prints. Runs every rule, whatever its paths.
    pub fn explain(&self, data: &[u8], origin: &Origin, lines: Option<(u32, u32)>) -> Vec<Explained> {
        let path = origin.path();
        let runs_here = self.paths.applies(path);
        let applies = vec![true; self.rules.len()];
        let mut m = Matches { rejected: Some(Vec::new()), ..Matches::default() };
        let mut open: Vec<Option<(usize, usize)>> = vec![None; self.rules.len()];
        self.collect(data, &applies, (0, data.len()), &mut m, &mut open);
        let mut out: Vec<(usize, usize, usize, Verdict)> = m.rejected.take().unwrap_or_default();
        m.cands.sort_by_key(|c| (self.rules.rules[c.rule].precedence(), c.rule, c.start));
        // As in a scan, only rules that run on this path take part in shadowing.
        let (cands, elsewhere): (Vec<_>, Vec<_>) = m.cands.iter().partition(|c| runs_here[c.rule]);
        out.extend(elsewhere.iter().map(|c| (c.rule, c.start, c.end, Verdict::RulePaths)));
        let keys: Vec<_> =
            cands.iter().map(|c| (c.rule, c.start, c.end, self.rules.rules[c.rule].spec.generic)).collect();
        for (c, kept) in cands.iter().zip(shadow::keep(&keys)) {
            let rule = &self.rules.rules[c.rule];
            let verdict = if !kept {
                Verdict::Shadowed
            } else if let Some(a) = self
                .allowlists
                .iter()
                .find(|a| a.path_allowed(path) || a.would_suppress(&rule.spec.id, path, &data[c.start..c.end]))
            {
                Verdict::Allowlisted(a.source.clone())
            } else {
                Verdict::Reported
            };
            out.push((c.rule, c.start, c.end, verdict));
        }
        out.sort_by_key(|x| (x.1, x.0));
        let mut counter = LineCounter::default();
        out.into_iter()
            .filter_map(|(ri, start, end, verdict)| {
                let (line, column) = counter.position(data, start);
                let keep = lines.is_none_or(|(lo, hi)| (lo..=hi).contains(&line));
                keep.then(|| Explained {
                    rule_id: self.rules.rules[ri].spec.id.clone(),
                    line,
                    column,
                    secret: Secret::new(String::from_utf8_lossy(&data[start..end]).into_owned()),
                    verdict,
                })
            })
            .collect()
    }

    /// A path from the tree as `redact_text` would show each of its components: a key used as a file
    /// name is cut, but `infra/k8s/base/secret.yaml` is not taken for one token because of its slashes.
    pub fn redact_path(&self, path: &str) -> String {
        path.split('/').map(|c| self.redact_text(c)).collect::<Vec<_>>().join("/")
    }

    /// `text` (a path, a commit message, an author) with every value a rule's pattern matches, and every
    /// token-shaped run, cut to its short prefix: what reports show of text that came from the tree.
    pub fn redact_text(&self, text: &str) -> String {
        let data = text.as_bytes();
        let applies = vec![true; self.rules.len()];
        let m = self.matches(data, &applies, (0, data.len()));
        snippet::redact_range(data, 0, data.len(), &Spans::with_copies(data, m.spans))
    }

    fn findings(&self, data: &[u8], origin: &Origin, mut cands: Vec<Candidate>, spans: Spans) -> Vec<Finding> {
        cands.sort_by_key(|c| (c.start, c.rule));
        let mut out = Vec::with_capacity(cands.len());
        let mut lines = LineCounter::default();
        let hidden = starts_inside_another(&cands);
        for (c, hidden) in cands.into_iter().zip(hidden) {
            let rule = &self.rules.rules[c.rule];
            let mut secret = Secret::new(String::from_utf8_lossy(c.secret(data)).into_owned());
            // A secret that starts inside another one (a UUID inside a longer key) would show that
            // key's characters as its own prefix: it shows none.
            if hidden {
                secret = secret.without_prefix();
            }
            let (line, column) = lines.position(data, c.at);
            let (end_line, end_column) = lines.position_from(data, (line, c.at), c.end);
            let path = origin.path();
            let raw_snippet = snippet::raw_line(data, c.at);
            let (confidence, reasons) = confidence::assess(&confidence::Evidence {
                generic: rule.spec.generic,
                checksum_valid: c.checksum_valid,
                secret: c.secret(data),
                path,
                line: raw_snippet.as_bytes(),
                decoded: c.decoded.is_some(),
            });
            let attribution = rule.spec.vendor_from_context.then(|| {
                let (line_start, line_end) = line_around(data, c.start, c.end);
                attribution::attribute(data, &data[line_start..line_end], c.start - line_start, rule.provider())
            });
            out.push(Finding {
                rule_id: rule.spec.id.clone(),
                rule_name: rule.spec.name.clone(),
                // A token whose checksum fails cannot have been issued: most likely a sample or a test
                // value, so it is reported, but as low severity.
                severity: if c.checksum_valid == Some(false) { Severity::Low } else { rule.spec.severity },
                origin: origin.clone(),
                line,
                column,
                end_line,
                end_column,
                fingerprints: Fingerprints::compute(&self.key, &rule.spec.id, &secret, path),
                raw_snippet,
                snippet: snippet::redacted_line(data, c.at, &spans),
                secret,
                entropy: (c.entropy * 100.0).round() / 100.0,
                checksum_valid: c.checksum_valid,
                decoded: c.decoded.as_ref().map(|d| d.encoding),
                attribution: attribution.flatten(),
                confidence,
                reasons,
                repository: None,
                in_head: origin.in_current_tree(),
            });
        }
        out
    }
}

impl Candidate {
    /// The secret's bytes: decoded, or as they stand in `data`.
    fn secret<'a>(&'a self, data: &'a [u8]) -> &'a [u8] {
        match &self.decoded {
            Some(d) => &d.secret,
            None => &data[self.start..self.end],
        }
    }
}

/// Adds the decoded findings to the plain ones. A plain finding of the same rule inside a segment
/// wins (a percent-encoded URL password is reported as written), except one that is the whole encoded
/// text (`password: aHVudGVyMjI=` matched as a password): the decoded finding replaces it. A specific
/// rule's plain finding inside the segment leaves nothing to add.
fn merge_decoded(m: &mut Matches, found: Vec<Candidate>, rules: &RuleSet) {
    for d in found {
        // A specific rule that matched in the encoded text (a base64 PEM key, a key in a JSON string)
        // already says it.
        if m.cands
            .iter()
            .any(|c| c.decoded.is_none() && !rules.rules[c.rule].spec.generic && c.start < d.end && d.start < c.end)
        {
            continue;
        }
        let inside = |c: &Candidate| c.decoded.is_none() && c.rule == d.rule && d.start <= c.start && c.end <= d.end;
        let whole = |c: &Candidate| inside(c) && c.start == d.start && d.end - c.end <= 2;
        if m.cands.iter().any(|c| inside(c) && !whole(c)) {
            continue;
        }
        m.cands.retain(|c| !whole(c));
        m.spans.push((d.start, d.end));
        m.cands.push(d);
    }
}

/// The line(s) holding `data[start..end]`: from the line start before `start` to the line end after
/// `end`, each at most `LINE_REACH` bytes away (a minified file's megabyte-long line is cut).
fn line_around(data: &[u8], start: usize, end: usize) -> (usize, usize) {
    let lo = start.saturating_sub(LINE_REACH);
    let line_start = memrchr(b'\n', &data[lo..start]).map_or(lo, |i| lo + i + 1);
    let hi = (end + LINE_REACH).min(data.len());
    let line_end = memchr(b'\n', &data[end..hi]).map_or(hi, |i| end + i);
    (line_start, line_end)
}

/// Byte ranges sorted and merged where they overlap.
fn merged(mut ranges: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    ranges.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (s, e) in ranges {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// For candidates sorted by start: whether each starts strictly inside an earlier-starting one.
fn starts_inside_another(cands: &[Candidate]) -> Vec<bool> {
    let mut out = vec![false; cands.len()];
    let mut reach = 0;
    let mut i = 0;
    while i < cands.len() {
        let start = cands[i].start;
        let j = i + cands[i..].iter().take_while(|c| c.start == start).count();
        for flag in &mut out[i..j] {
            *flag = start < reach;
        }
        reach = cands[i..j].iter().map(|c| c.end).fold(reach, usize::max);
        i = j;
    }
    out
}

fn inline_allowed(data: &[u8], start: usize, end: usize) -> bool {
    let ls = memrchr(b'\n', &data[..start]).map_or(0, |i| i + 1);
    let le = memchr(b'\n', &data[end..]).map_or(data.len(), |i| end + i);
    let region = &data[ls..le];
    if INLINE_ALLOW.iter().any(|m| memchr::memmem::find(region, m).is_some()) {
        return true;
    }
    // `leakhound:allow-next-line` on the line before (for files where a trailing comment cannot go).
    if ls == 0 {
        return false;
    }
    let pls = memrchr(b'\n', &data[..ls - 1]).map_or(0, |i| i + 1);
    memchr::memmem::find(&data[pls..ls - 1], ALLOW_NEXT_LINE).is_some()
}

/// Computes 1-based line and code-point column for increasing offsets without rescanning the blob.
#[derive(Default)]
struct LineCounter {
    offset: usize,
    line: u32,
    line_start: usize,
}

impl LineCounter {
    fn position(&mut self, data: &[u8], offset: usize) -> (u32, u32) {
        if offset < self.offset || self.line == 0 {
            *self = LineCounter { offset: 0, line: 1, line_start: 0 };
        }
        for i in memchr::memchr_iter(b'\n', &data[self.offset..offset]) {
            self.line += 1;
            self.line_start = self.offset + i + 1;
        }
        self.offset = offset;
        (self.line, column(data, self.line_start, offset))
    }

    fn position_from(&self, data: &[u8], (line, start): (u32, usize), end: usize) -> (u32, u32) {
        let mut l = line;
        let mut ls = self.line_start;
        for i in memchr::memchr_iter(b'\n', &data[start..end]) {
            l += 1;
            ls = start + i + 1;
        }
        (l, column(data, ls, end))
    }
}

fn column(data: &[u8], line_start: usize, offset: usize) -> u32 {
    // Count code points: every byte that is not a UTF-8 continuation byte starts one.
    1 + data[line_start..offset].iter().filter(|&&b| b & 0xC0 != 0x80).count() as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleFile;

    /// A scanner with rules given as (id, keyword, pattern, generic).
    fn scanner(rules: &[(&str, &str, &str, bool)]) -> Scanner {
        let text: String = rules
            .iter()
            .map(|(id, kw, pattern, generic)| {
                format!("[[rules]]\nid = \"{id}\"\nname = \"{id}\"\nseverity = \"high\"\nkeywords = [\"{kw}\"]\npattern = '{pattern}'\ngeneric = {generic}\n")
            })
            .collect();
        let file: RuleFile = toml::from_str(&text).unwrap();
        let mut set = RuleSet::default();
        set.add_specs("test.toml", file.rules, "test", true).unwrap();
        Scanner::new(set, Vec::new())
    }

    #[test]
    fn a_rule_whose_pattern_does_not_compile_is_reported_not_silent() {
        let file: RuleFile = toml::from_str(
            "[[rules]]\nid = \"bad\"\nname = \"bad\"\nseverity = \"high\"\nkeywords = [\"key\"]\npattern = 'key(['\n",
        )
        .unwrap();
        let mut set = RuleSet::default();
        set.add_specs("lazy.toml", file.rules, "test", false).unwrap();
        let s = Scanner::new(set, Vec::new());
        assert!(s.scan(b"key=value\n", &Origin::Stdin).is_empty());
        let e = s.broken_rule().expect("the error is kept");
        assert!(e.contains("lazy.toml") && e.contains("bad"), "{e}");
    }

    #[test]
    fn a_secret_inside_another_shows_no_prefix_and_the_snippet_redacts_both() {
        let s =
            scanner(&[("outer", "outer_", "outer_[a-z0-9]{32}", false), ("inner", "inner", "inner[0-9]{12}", false)]);
        let data = b"k = outer_ab12cd34inner839201746158ef56gh78ij; x = 1\n";
        let f = s.scan(data, &Origin::Stdin);
        assert_eq!(f.len(), 2, "{f:?}");
        let inner = f.iter().find(|f| f.rule_id == "inner").unwrap();
        assert_eq!(inner.secret.redacted(), "…");
        for f in &f {
            assert!(!f.snippet.contains("839201746158") && !f.snippet.contains("ab12cd34"), "{}", f.snippet);
        }
    }

    #[test]
    fn shadowing_is_fast_on_hundreds_of_thousands_of_overlapping_matches() {
        // Every line matches a specific and a generic rule: the pairwise rule took minutes here.
        let s =
            scanner(&[("specific", "tok_", "tok_[a-z0-9]{8}", false), ("generic", "tok_", "(tok_[a-z0-9]{4})", true)]);
        let data: String = (0..60_000u64).map(|i| format!("tok_{:08x}\n", (i * 2_654_435_761) % (1 << 32))).collect();
        let r = s.scan_blob(data.as_bytes(), &Origin::Stdin, true);
        assert!(r.truncated, "past the per-blob cap");
        assert_eq!(r.findings.len(), MAX_FINDINGS_PER_BLOB);
        // Only where the cap cut a line's matches in two may a generic match be left unshadowed.
        assert!(r.findings.iter().filter(|f| f.rule_id == "specific").count() >= MAX_FINDINGS_PER_BLOB - 10);
    }
}

/// The filter chain at library level: each stage's verdict, on the built-in rules and real-shaped lines.
#[cfg(test)]
mod chain_tests {
    use super::*;

    fn verdicts(scanner: &Scanner, text: &str) -> Vec<(String, Verdict)> {
        scanner
            .explain(text.as_bytes(), &Origin::File { path: "app/settings.py".into() }, None)
            .into_iter()
            .map(|e| (e.rule_id, e.verdict))
            .collect()
    }

    fn builtin(allowlists: Vec<Allowlist>) -> Scanner {
        Scanner::new(RuleSet::builtin().unwrap(), allowlists)
    }

    #[test]
    fn every_stage_has_its_verdict() {
        let s = builtin(Vec::new());
        let key = "sk_live_4eC39HqLyjWDarjtT1zdp7dc"; // leakhound:allow (a documented Stripe sample shape)
        let shadowed = verdicts(&s, &format!("api_key = \"{key}\"\n"));
        assert!(shadowed.contains(&("stripe-live-secret-key".into(), Verdict::Reported)), "{shadowed:?}");
        assert!(shadowed.iter().any(|(r, v)| r.starts_with("generic") && *v == Verdict::Shadowed), "{shadowed:?}");
        let placeholder = verdicts(&s, "api_secret = \"YOUR_API_SECRET_HERE\"\n");
        assert!(placeholder.iter().all(|(_, v)| *v == Verdict::Placeholder), "{placeholder:?}");
        // Password rules judge the value as a password: a stock word or an identifier is not one, a
        // chosen word is.
        let stock = verdicts(&s, "password = \"changeme\"\n");
        assert!(stock.contains(&("generic-password-assignment".into(), Verdict::Placeholder)), "{stock:?}");
        let code = verdicts(&s, "password = \"passwordField\"\n");
        assert!(code.contains(&("generic-password-assignment".into(), Verdict::NotAPassword)), "{code:?}");
        let chosen = verdicts(&s, "password = \"sunflower\"\n");
        assert!(chosen.contains(&("generic-password-assignment".into(), Verdict::Reported)), "{chosen:?}");
        let inline = verdicts(&s, &format!("STRIPE = \"{key}\"  # leakhound:allow\n"));
        assert!(inline.iter().any(|(_, v)| *v == Verdict::InlineAllow), "{inline:?}");
        let code = verdicts(&s, "password = os.environ[\"DB_PASSWORD\"]\npassword = get_password_from_vault(name)\n");
        assert!(code.iter().all(|(_, v)| *v != Verdict::Reported), "{code:?}");
    }

    #[test]
    fn allowlists_are_the_last_stage_and_name_their_source() {
        let allow = Allowlist::new(&[], &["^sk_live_4eC".into()], &[]).unwrap().named("team.toml");
        let s = builtin(vec![allow]);
        let v = verdicts(&s, "k = \"sk_live_4eC39HqLyjWDarjtT1zdp7dc\"\n"); // leakhound:allow
        assert!(v.contains(&("stripe-live-secret-key".into(), Verdict::Allowlisted("team.toml".into()))), "{v:?}");
    }

    fn scan_at(s: &Scanner, path: &str, text: &str) -> Vec<Finding> {
        s.scan(text.as_bytes(), &Origin::File { path: path.into() })
    }

    #[test]
    fn path_limited_rules_run_only_on_their_paths() {
        let s = builtin(Vec::new());
        // `.pgpass` lines wake a rule whose keyword (`:`) only that file's prefilter holds.
        let line = "db.internal:5432:orders:app:Kestrel-Ridge42\n";
        assert!(scan_at(&s, "home/.pgpass", line).iter().any(|f| f.rule_id == "pgpass-password"));
        assert!(scan_at(&s, "notes/hosts.txt", line).iter().all(|f| f.rule_id != "pgpass-password"));
        // skip_paths: a translation's "password" is a label, the same line in config is a password.
        let json = "{ \"password\": \"Tulipfield77\" }\n";
        assert!(scan_at(&s, "src/i18n/de.json", json).is_empty());
        assert!(!scan_at(&s, "config/app.json", json).is_empty());
        // A rule without keywords reads its files whole, and only those.
        let key = "9f3c1b7e5a2d8c4f6b0e1a3d5c7f9b2e\n";
        let f = scan_at(&s, "web/config/master.key", key);
        assert_eq!(f.iter().map(|f| f.rule_id.as_str()).collect::<Vec<_>>(), vec!["rails-master-key"]);
        assert!(scan_at(&s, "web/config/other.txt", key).is_empty());
    }

    #[test]
    fn past_the_bound_of_prefilter_sets_path_limited_rules_still_run() {
        // More distinct sets of path-limited rules than get their own prefilter (a hostile config could
        // make one per file): each file still gets exactly its own rule's finding.
        let n = MAX_PREFILTER_SETS + 6;
        let rules: String = (0..n)
            .map(|i| {
                format!("[[rules]]\nid = \"r{i}\"\nname = \"r{i}\"\nseverity = \"high\"\nkeywords = [\"tok{i}_\"]\npattern = '\\btok{i}_([a-z0-9]{{12}})'\npaths = [\"f{i}.txt\"]\n")
            })
            .collect();
        let mut set = RuleSet::default();
        set.add_file_text("many.toml", &rules, "custom", true).unwrap();
        let s = Scanner::new(set, Vec::new());
        for i in 0..n {
            let text = format!("tok{i}_a1b2c3d4e5f6 tok{}_a1b2c3d4e5f6\n", (i + 1) % n);
            let ids: Vec<String> = scan_at(&s, &format!("f{i}.txt"), &text).into_iter().map(|f| f.rule_id).collect();
            assert_eq!(ids, vec![format!("r{i}")], "file {i}");
        }
    }

    #[test]
    fn a_pem_key_is_reported_at_its_begin_line() {
        let s = builtin(Vec::new());
        let body: String = (0..4)
            .map(|i| format!("{}\n", format!("MIIEp{i}AIBAAKCAQEA7r9Qx2Lm4Tz8Vb3Nk6Yh1Wd5Pc0Fs9Ju").repeat(2)))
            .collect();
        let text = format!("config:\n-----BEGIN RSA PRIVATE KEY-----\n{body}-----END RSA PRIVATE KEY-----\n");
        let f = scan_at(&s, "deploy/key.pem", &text);
        let key = f.iter().find(|f| f.rule_id == "private-key").expect("the key is found");
        assert_eq!(key.line, 2, "{f:#?}");
    }

    #[test]
    fn paths_are_redacted_component_by_component() {
        let s = builtin(Vec::new());
        assert_eq!(s.redact_path("infra/k8s/base/secret.yaml"), "infra/k8s/base/secret.yaml");
        let key = "sk_live_4eC39HqLyjWDarjtT1zdp7dc"; // leakhound:allow (a documented Stripe sample shape)
        let shown = s.redact_path(&format!("leaked/{key}.txt"));
        assert!(shown.starts_with("leaked/") && !shown.contains(&key[8..]), "{shown}");
    }

    #[test]
    fn explain_agrees_with_the_scan() {
        // Whatever explain calls reported is exactly what the scan reports.
        let s = builtin(Vec::new());
        let text = "a = \"sk_live_4eC39HqLyjWDarjtT1zdp7dc\"\npassword = \"changeme\"\nDB_PASSWORD=Winter2023!\n"; // leakhound:allow
        let origin = Origin::File { path: "app/settings.py".into() };
        let mut reported: Vec<(String, u32)> = s
            .explain(text.as_bytes(), &origin, None)
            .into_iter()
            .filter(|e| e.verdict == Verdict::Reported)
            .map(|e| (e.rule_id, e.line))
            .collect();
        let mut scanned: Vec<(String, u32)> =
            s.scan(text.as_bytes(), &origin).into_iter().map(|f| (f.rule_id, f.line)).collect();
        reported.sort();
        scanned.sort();
        assert_eq!(reported, scanned);
    }
}
