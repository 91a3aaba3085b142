//! Rescanning an edited blob. Most blobs of a history are an earlier version of the same file with a
//! few lines changed; given what the scan of that version found and where its outcome came from (its
//! `Memo`), only the lines around the change are scanned, and what the scanner decided elsewhere is
//! taken over, moved by the change in length.
//!
//! The result is exactly a whole scan's because the scan is line-local: a keyword's window is its line
//! (or the lines its rule's span reaches), a decoded segment lies within a line, an inline marker looks
//! one line back, and shadowing and decoding compare only overlapping matches. So the outcome of a line
//! whose window, matches and the line before it are unchanged, and that no window of a changed line
//! reaches, is unchanged. The cuts are put at line starts that no window or match of the earlier
//! version reaches over; where locality could still fail (a rule that reads whole files, a per-blob
//! limit or the decoding budget within reach, a window of the changed lines that reaches a cut) the
//! blob is scanned whole. The memo of a rescanned blob serves its own next version in turn.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

use memchr::{memchr, memrchr};

use super::{
    content, decode, merged, BlobScan, Candidate, Found, Matches, Origin, Scanner, MAX_FINDINGS_PER_BLOB,
    MAX_MATCHES_PER_BLOB, WHOLE_FILE_MAX,
};

/// A blob's bytes, owned and shared (the source's buffer when it hands one over).
pub type Owned = Arc<dyn AsRef<[u8]> + Send + Sync>;

/// What the scan of one blob found, and the byte ranges its outcome depended on: enough to rescan an
/// edited copy of it at the same path.
pub struct Memo {
    /// The blob's bytes, and where in them the text that was scanned starts (after a byte order mark).
    bytes: Owned,
    start: usize,
    /// The path it was scanned at (which rules run, the allowlists and decoding depend on it).
    path: String,
    /// The matches kept, by start.
    cands: Vec<Candidate>,
    /// Every value a pattern captured.
    spans: Vec<(usize, usize)>,
    /// The regex windows, kept matches and captured values, merged: nothing outside them decided
    /// anything.
    reach: Vec<(usize, usize)>,
    /// Matches and captured values counted towards the per-blob limits (at most that many).
    raw: (usize, usize),
    /// Decoding budget used (at most that much).
    used: (usize, usize),
    /// Where the allowlists hid matches.
    allowlisted: Vec<(usize, usize)>,
}

impl Memo {
    /// Bytes it holds, roughly.
    pub fn size(&self) -> usize {
        (*self.bytes).as_ref().len() + self.path.len() + 64 * (self.cands.len() + self.spans.len() + self.reach.len())
    }

    /// What `found` in `text` leaves for the next version; none when a per-blob limit or the decoding
    /// budget shaped it (then it is not the sum of its lines).
    fn of(bytes: Owned, start: usize, path: &str, found: &Found) -> Option<Memo> {
        if found.m.truncated || found.budget.refused {
            return None;
        }
        let mut cands = found.m.cands.clone();
        cands.sort_by_key(|c| (c.start, c.rule));
        let ranges = found.windows.iter().copied().chain(cands.iter().map(|c| (c.start, c.end)));
        let reach = merged(ranges.chain(found.m.spans.iter().copied()).collect());
        Some(Memo {
            bytes,
            start,
            path: path.to_string(),
            cands,
            spans: found.m.spans.clone(),
            reach,
            raw: found.raw,
            used: found.budget.used(),
            allowlisted: found.m.allowlisted.clone(),
        })
    }
}

impl Scanner {
    /// `scan_whole` (every line) of a blob that may be an edit of the one `base` was made from, which is
    /// then rescanned only around the change; with `remember`, also the memo that serves this blob's
    /// own next version (none for a binary, transcoded or excluded blob, or one a limit cut short),
    /// which keeps the blob's bytes: `remember` may hand them over owned (else they are copied).
    pub fn scan_edit(
        &self,
        bytes: &[u8],
        origin: &Origin,
        base: Option<&Memo>,
        remember: Option<Option<Owned>>,
    ) -> (BlobScan, Option<Memo>) {
        let text = match content::classify(bytes) {
            content::Content::Binary => return (BlobScan { binary: true, ..BlobScan::default() }, None),
            content::Content::Text(t) => t,
        };
        let Cow::Borrowed(data) = text else { return (self.scan_blob(&text, origin, true), None) };
        let path = origin.path();
        if self.allowlists.iter().any(|a| a.exclude_file(path)) {
            return (BlobScan::default(), None);
        }
        let applies = self.paths.applies(path);
        let whole_file_rules = data.len() <= WHOLE_FILE_MAX
            && self.rules.rules.iter().zip(&applies).any(|(r, &on)| on && r.reads_whole_files());
        if whole_file_rules {
            return (self.scan_applying(data, origin, applies), None);
        }
        let found = base
            .filter(|b| b.path == path)
            .and_then(|b| self.rescan(data, path, &applies, b))
            .unwrap_or_else(|| self.find(data, path, &applies, (0, data.len())));
        let memo = remember.and_then(|owned| {
            let owned =
                owned.filter(|o| std::ptr::eq((**o).as_ref(), bytes)).unwrap_or_else(|| Arc::new(bytes.to_vec()));
            Memo::of(owned, bytes.len() - data.len(), path, &found)
        });
        (self.finish(data, origin, found.m), memo)
    }

    /// `data` scanned from the lines around where it differs from `base`'s text, the rest taken over
    /// from `base`; none when that would not equal a whole scan (or would save little).
    fn rescan(&self, data: &[u8], path: &str, applies: &[bool], base: &Memo) -> Option<Found> {
        let old = &(*base.bytes).as_ref()[base.start..];
        let runs = copies(data, old);
        // Around each change (between two runs of common text), the lines to scan again; changes
        // whose lines meet are scanned together.
        let mut excerpts: Vec<(usize, usize)> = Vec::new();
        for pair in runs.windows(2) {
            let lo = self.cut_before(data, &base.reach, &pair[0]);
            let hi = cut_after(data, old, &base.reach, &pair[1]);
            match excerpts.last_mut() {
                Some(last) if lo <= last.1 => last.1 = last.1.max(hi),
                _ => excerpts.push((lo, hi)),
            }
        }
        if excerpts.iter().map(|(lo, hi)| hi - lo).sum::<usize>() * 4 > data.len() * 3 {
            return None;
        }
        let mut found = Found {
            m: Matches::default(),
            raw: base.raw,
            budget: decode::Budget::spent(base.used),
            windows: Vec::new(),
        };
        for &(lo, hi) in &excerpts {
            let part = self.find(data, path, applies, (lo, hi));
            // Nothing of the changed lines may reach the next cut: it would join what lies past it.
            let inside = |&(s, e): &(usize, usize)| s >= lo && (hi == data.len() || e < hi);
            let contained = part.windows.iter().all(inside)
                && part.m.cands.iter().all(|c| inside(&(c.start, c.end)))
                && part.m.spans.iter().all(inside);
            let used = (found.budget.used().0 + part.budget.used().0, found.budget.used().1 + part.budget.used().1);
            if !contained || part.m.truncated || part.budget.refused || !decode::Budget::fits(used, (0, 0)) {
                return None;
            }
            found.budget = decode::Budget::spent(used);
            found.raw = (found.raw.0 + part.raw.0, found.raw.1 + part.raw.1);
            found.windows.extend(part.windows);
            found.m.cands.extend(part.m.cands);
            found.m.spans.extend(part.m.spans);
            found.m.allowlisted.extend(part.m.allowlisted);
        }
        // The per-blob limits count the base's matches whole: at most what a whole scan would count.
        if found.raw.0 >= 4 * MAX_FINDINGS_PER_BLOB || found.raw.1 >= MAX_MATCHES_PER_BLOB {
            return None;
        }
        // Between the excerpts, the base's outcome, moved to where its run of text now stands.
        let mut from = 0;
        for &(lo, hi) in excerpts.iter().chain([&(data.len(), data.len())]) {
            if from < lo {
                let run = &runs[runs.partition_point(|r| r.end <= from)];
                self.take_over(&mut found, base, (from, lo), run);
            }
            from = hi;
        }
        Some(found)
    }

    /// Puts into `found` what `base` decided in `zone` of the new text, which lies in `run`.
    fn take_over(&self, found: &mut Found, base: &Memo, (lo, hi): (usize, usize), run: &Run) {
        let shift = run.t as isize - run.b as isize;
        let old = |s: usize| (s as isize - shift) as usize;
        let new = |s: usize| (s as isize + shift) as usize;
        let (a, b) = (old(lo), old(hi));
        let within = |s: usize| a <= s && s < b;
        let moved =
            |v: &[(usize, usize)]| v.iter().filter(|r| within(r.0)).map(|&(s, e)| (new(s), new(e))).collect::<Vec<_>>();
        found.m.spans.extend(moved(&base.spans));
        found.windows.extend(moved(&base.reach));
        for &(s, i) in base.allowlisted.iter().filter(|x| within(x.0)) {
            self.allowlists[i].credit(1);
            found.m.allowlisted.push((new(s), i));
        }
        found.m.cands.extend(base.cands.iter().filter(|c| within(c.start)).map(|c| {
            let mut c = c.clone();
            (c.start, c.end, c.at) = (new(c.start), new(c.end), new(c.at));
            c
        }));
    }

    /// Where scanning starts before the change that follows `run`: a line start at least a keyword's
    /// length before the run ends (a keyword that starts earlier lies whole in the run) that nothing
    /// of the base reaches over. Before the run's start, it falls inside the excerpt before.
    fn cut_before(&self, data: &[u8], reach: &[(usize, usize)], run: &Run) -> usize {
        let mut lo = line_start(data, run.end.saturating_sub(self.longest_keyword).max(run.t));
        while lo > run.t {
            let Some((s, _)) = crossing(reach, lo - run.t + run.b) else { break };
            lo = line_start(data, (s + run.t).saturating_sub(run.b));
        }
        lo
    }
}

/// Where scanning ends after the change that precedes `run`: the start of the run's second whole line
/// (the first is the line before, which an inline marker on the next line looks at), moved on past
/// whatever of the base reaches over it. Past the run's end, it falls inside the excerpt after.
fn cut_after(data: &[u8], old: &[u8], reach: &[(usize, usize)], run: &Run) -> usize {
    let mut hi = next_line(data, whole_line_from(data, run.t));
    while hi < run.end {
        let Some((_, e)) = crossing(reach, hi - run.t + run.b) else { break };
        hi = (next_line(old, e) + run.t).saturating_sub(run.b).min(data.len());
    }
    hi
}

/// Text common to the new version and the old: `t..end` of the new equals the old from `b`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Run {
    t: usize,
    end: usize,
    b: usize,
}

/// Shortest change between common prefix and suffix worth looking inside for unchanged runs.
const MIN_MIDDLE: usize = 4096;
/// Shortest run of common text taken over (each costs a few lines of rescanning around it).
const MIN_RUN: usize = 1024;
/// Shortest line used to find runs (short lines, `}` or blank, recur everywhere).
const MIN_ANCHOR: usize = 12;

/// The runs of text common to `new` and `old`, in order in both: the common prefix (perhaps empty),
/// runs found between, and the common suffix (perhaps empty). Between prefix and suffix, a line that
/// occurs once in the old text anchors a run, which grows both ways while the bytes agree (an edit at
/// the top of a file and one at its end leave the middle as it was).
fn copies(new: &[u8], old: &[u8]) -> Vec<Run> {
    let prefix = common_prefix(new, old);
    let suffix = common_suffix(&new[prefix..], &old[prefix..]);
    let (t_hi, b_hi) = (new.len() - suffix, old.len() - suffix);
    let mut runs = vec![Run { t: 0, end: prefix, b: 0 }];
    if t_hi - prefix >= MIN_MIDDLE && b_hi - prefix >= MIN_RUN {
        // Only lines whose hash falls in one of `SAMPLE` classes are indexed and looked up: the same
        // lines on both sides, and a run that holds one is found whole (it grows back to its start).
        let mut lines: HashMap<u64, usize, BuildHasherDefault<Identity>> =
            HashMap::with_capacity_and_hasher((b_hi - prefix) / 256, Default::default());
        let mut at = prefix;
        while at < b_hi {
            let end = memchr(b'\n', &old[at..b_hi]).map_or(b_hi, |i| at + i);
            if let Some(h) = anchor_hash(&old[at..end]) {
                lines.entry(h).and_modify(|v| *v = usize::MAX).or_insert(at);
            }
            at = end + 1;
        }
        let (mut t_done, mut b_done) = (prefix, prefix);
        let mut at = prefix;
        while at < t_hi {
            let end = memchr(b'\n', &new[at..t_hi]).map_or(t_hi, |i| at + i);
            let anchor = anchor_hash(&new[at..end]).and_then(|h| lines.get(&h));
            if let Some(&b) = anchor.filter(|&&b| b != usize::MAX && b >= b_done) {
                let ahead = common_prefix(&new[at..t_hi], &old[b..b_hi]);
                let back = common_suffix(&new[t_done..at], &old[b_done..b]);
                if ahead >= end - at && ahead + back >= MIN_RUN {
                    runs.push(Run { t: at - back, end: at + ahead, b: b - back });
                    (t_done, b_done) = (at + ahead, b + ahead);
                    at += ahead;
                    continue;
                }
            }
            at = end + 1;
        }
    }
    runs.push(Run { t: t_hi, end: new.len(), b: b_hi });
    runs
}

/// One line in this many is an anchor candidate.
const SAMPLE: u64 = 8;

/// A quick hash of a line's length and first 32 bytes (equality is checked on the bytes), for the
/// lines long enough to anchor a run and in the sampled class.
fn anchor_hash(line: &[u8]) -> Option<u64> {
    if line.len() < MIN_ANCHOR {
        return None;
    }
    let mut h = line.len() as u64;
    for chunk in line[..line.len().min(32)].chunks(8) {
        let mut word = [0u8; 8];
        word[..chunk.len()].copy_from_slice(chunk);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    let h = h ^ (h >> 29);
    (h % SAMPLE == 0).then_some(h)
}

/// The hasher of keys that are hashes already.
#[derive(Default)]
struct Identity(u64);

impl Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// The first range of `reach` (sorted, merged) that starts before `at` and reaches it.
fn crossing(reach: &[(usize, usize)], at: usize) -> Option<(usize, usize)> {
    let i = reach.partition_point(|r| r.0 < at);
    reach[..i].last().copied().filter(|r| r.1 >= at)
}

/// The start of the line holding `at`.
fn line_start(data: &[u8], at: usize) -> usize {
    memrchr(b'\n', &data[..at]).map_or(0, |i| i + 1)
}

/// `at` if a line starts there, else the start of the next line (the end when there is none).
fn whole_line_from(data: &[u8], at: usize) -> usize {
    if at == 0 || data[at - 1] == b'\n' {
        return at;
    }
    next_line(data, at)
}

/// The start of the line after the one holding `at` (the end when there is none).
fn next_line(data: &[u8], at: usize) -> usize {
    if at >= data.len() {
        return data.len();
    }
    memchr(b'\n', &data[at..]).map_or(data.len(), |i| at + i + 1)
}

/// Length of the common prefix, compared a block at a time (slice equality is memcmp).
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    const BLOCK: usize = 256;
    let n = a.len().min(b.len());
    let mut i = 0;
    while i + BLOCK <= n && a[i..i + BLOCK] == b[i..i + BLOCK] {
        i += BLOCK;
    }
    i + a[i..n].iter().zip(&b[i..n]).take_while(|(x, y)| x == y).count()
}

/// Length of the common suffix.
fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    const BLOCK: usize = 256;
    let n = a.len().min(b.len());
    let (a, b) = (&a[a.len() - n..], &b[b.len() - n..]);
    let mut k = 0;
    while k + BLOCK <= n && a[n - k - BLOCK..n - k] == b[n - k - BLOCK..n - k] {
        k += BLOCK;
    }
    k + a[..n - k].iter().rev().zip(b[..n - k].iter().rev()).take_while(|(x, y)| x == y).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleSet;
    use rand::{Rng, SeedableRng};

    /// Lines as they occur in real files: every rule's examples and non-examples (secrets of each
    /// provider, generic assignments, PEM blocks), code, encoded values, inline markers.
    fn pool(rules: &RuleSet) -> Vec<String> {
        let mut lines: Vec<String> = rules
            .rules
            .iter()
            .flat_map(|r| r.spec.examples.iter().chain(&r.spec.non_examples))
            .flat_map(|e| e.lines().map(str::to_string).collect::<Vec<_>>())
            .collect();
        lines.extend(
            [
                "fn main() { println!(\"hello\"); }",
                "    let x = compute(a, b);",
                "password: aHVudGVyMjIxMjM0NQ==",
                "url = \"https://user:p%40ssw0rd%21x@example.com/db\"",
                "const S = \"line\\nbreak \\u0041 api_key=\\\"Zk9xQ2pLbVd4VHI1\\\"\";",
                "# leakhound:allow-next-line",
                "token = \"ghp_abcdefghijklmnopqrstuvwxyz0123456789\" # leakhound:allow",
                "",
                "}",
                "AKIAIOSFODNN7EXAMPLE",
            ]
            .map(str::to_string),
        );
        lines
    }

    /// Lines of real code, which hold keywords but few secrets.
    fn code() -> Vec<String> {
        [include_str!("mod.rs"), include_str!("decode.rs"), include_str!("../pipeline.rs")]
            .iter()
            .flat_map(|f| f.lines().map(str::to_string))
            .collect()
    }

    fn text(lines: &[String]) -> Vec<u8> {
        lines.join("\n").into_bytes()
    }

    fn shown(scan: &BlobScan) -> Vec<String> {
        scan.findings.iter().map(|f| format!("{f:?}")).collect()
    }

    /// Random edits (lines inserted, deleted, replaced; bytes changed inside a line) of files made of
    /// real lines, each rescanned from the memo of the version before it: always exactly what a whole
    /// scan finds, and most rescans really take over what was unchanged.
    #[test]
    fn a_rescan_of_an_edit_equals_a_whole_scan() {
        let rules = RuleSet::builtin().unwrap();
        let secrets = pool(&rules);
        let code = code();
        // One line in ten from the rules' examples, the rest real code.
        let pick = |rng: &mut rand_chacha::ChaCha8Rng| {
            let from = if rng.gen_bool(0.1) { &secrets } else { &code };
            from[rng.gen_range(0..from.len())].clone()
        };
        let scanner = Scanner::new(rules, Vec::new());
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(11);
        let (mut partial, mut edits, mut findings, mut inner_runs) = (0, 0, 0, 0);
        for (round, path) in ["src/config.py", "deploy/values.json", "README.md"].iter().cycle().take(24).enumerate() {
            let origin = Origin::File { path: path.to_string() };
            let mut lines: Vec<String> = (0..rng.gen_range(50..1500)).map(|_| pick(&mut rng)).collect();
            let (_, mut memo) = scanner.scan_edit(&text(&lines), &origin, None, Some(None));
            for _ in 0..12 {
                for _ in 0..rng.gen_range(1..4) {
                    let at = rng.gen_range(0..=lines.len());
                    match rng.gen_range(0..5) {
                        0 => lines.insert(at, pick(&mut rng)),
                        1 if at < lines.len() => {
                            let n = rng.gen_range(1..4).min(lines.len() - at);
                            lines.drain(at..at + n);
                        }
                        2 if at < lines.len() => lines[at] = pick(&mut rng),
                        3 if at < lines.len() && !lines[at].is_empty() => {
                            let i = rng.gen_range(0..lines[at].len());
                            if lines[at].is_char_boundary(i) {
                                lines[at].insert(i, ['x', '=', '"', ' ', 'A'][rng.gen_range(0..5)]);
                            }
                        }
                        _ => lines.push(pick(&mut rng)),
                    }
                }
                let data = text(&lines);
                let whole = scanner.scan_whole(&data, &origin, None);
                let (edited, next) = scanner.scan_edit(&data, &origin, memo.as_ref(), Some(None));
                assert_eq!(shown(&edited), shown(&whole), "round {round}: {}", String::from_utf8_lossy(&data));
                if let Some(base) = &memo {
                    partial += usize::from(scanner.rescan(&data, path, &scanner.paths.applies(path), base).is_some());
                    inner_runs += usize::from(copies(&data, &(*base.bytes).as_ref()[base.start..]).len() > 2);
                }
                edits += 1;
                findings += whole.findings.len();
                memo = next;
            }
        }
        assert!(findings > edits, "the files hold secrets: {findings} findings in {edits} versions");
        // Files this dense in secrets often spend the decoding budget, which rules a rescan out.
        assert!(partial * 4 > edits, "only {partial} of {edits} edits were rescanned in part");
        assert!(inner_runs * 10 > edits, "only {inner_runs} of {edits} edits kept a run between two changes");
    }
}
