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
use std::sync::Arc;

use memchr::{memchr, memrchr};

use super::{
    content, decode, merged, BlobScan, Candidate, Found, Origin, Scanner, MAX_FINDINGS_PER_BLOB, MAX_MATCHES_PER_BLOB,
    WHOLE_FILE_MAX,
};

/// What the scan of one blob found, and the byte ranges its outcome depended on: enough to rescan an
/// edited copy of it at the same path.
pub struct Memo {
    /// The blob's bytes, and where in them the text that was scanned starts (after a byte order mark).
    bytes: Arc<Vec<u8>>,
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
        self.bytes.len() + self.path.len() + 64 * (self.cands.len() + self.spans.len() + self.reach.len())
    }

    /// What `found` in `text` leaves for the next version; none when a per-blob limit or the decoding
    /// budget shaped it (then it is not the sum of its lines).
    fn of(bytes: Arc<Vec<u8>>, start: usize, path: &str, found: &Found) -> Option<Memo> {
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
        remember: Option<Option<Arc<Vec<u8>>>>,
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
            let owned = owned.filter(|o| std::ptr::eq(o.as_slice(), bytes)).unwrap_or_else(|| Arc::new(bytes.to_vec()));
            Memo::of(owned, bytes.len() - data.len(), path, &found)
        });
        (self.finish(data, origin, found.m), memo)
    }

    /// `data` scanned from the lines around where it differs from `base`'s text, the rest taken over
    /// from `base`; none when that would not equal a whole scan (or would save little).
    fn rescan(&self, data: &[u8], path: &str, applies: &[bool], base: &Memo) -> Option<Found> {
        let old = &base.bytes[base.start..];
        let prefix = common_prefix(data, old);
        let suffix = common_suffix(&data[prefix..], &old[prefix..]);
        // The first cut: a line start a keyword's length before the change (a keyword that starts
        // before it is whole in the common prefix), that nothing of the base reaches over.
        let mut lo = line_start(data, prefix.saturating_sub(self.longest_keyword));
        while let Some((s, _)) = crossing(&base.reach, lo) {
            lo = line_start(data, s);
        }
        // The second: the start of the second whole line of the common suffix (the first is the line
        // before, which an inline marker on the next line looks at), in the same way.
        let shift = data.len() as isize - old.len() as isize;
        let first = whole_line_from(data, data.len() - suffix);
        let mut hi = next_line(data, first);
        while hi < data.len() {
            let Some((_, e)) = crossing(&base.reach, (hi as isize - shift) as usize) else { break };
            hi = (next_line(old, e) as isize + shift) as usize;
        }
        if (hi - lo) * 4 > data.len() * 3 {
            return None;
        }
        let hi_old = (hi as isize - shift) as usize;
        let mut found = self.find(data, path, applies, (lo, hi));
        let limits = (4 * MAX_FINDINGS_PER_BLOB, MAX_MATCHES_PER_BLOB);
        let fits = !found.m.truncated
            && !found.budget.refused
            && decode::Budget::fits(base.used, found.budget.used())
            && base.raw.0 + found.raw.0 < limits.0
            && base.raw.1 + found.raw.1 < limits.1;
        // Nothing of the changed lines may reach the second cut: it would join what lies past it.
        let inside = |&(s, e): &(usize, usize)| s >= lo && (hi == data.len() || e < hi);
        let contained = found.windows.iter().all(inside)
            && found.m.cands.iter().all(|c| inside(&(c.start, c.end)))
            && found.m.spans.iter().all(inside);
        if !fits || !contained {
            return None;
        }
        let before = |s: usize| s < lo;
        let after = |s: usize| s >= hi_old;
        let moved = |s: usize| (s as isize + shift) as usize;
        let m = &mut found.m;
        let taken = |v: &[(usize, usize)]| -> Vec<(usize, usize)> {
            v.iter()
                .filter(|r| before(r.0) || after(r.0))
                .map(|&(s, e)| if after(s) { (moved(s), moved(e)) } else { (s, e) })
                .collect()
        };
        m.spans.extend(taken(&base.spans));
        found.windows.extend(taken(&base.reach));
        let credits: Vec<(usize, usize)> = base
            .allowlisted
            .iter()
            .filter(|a| before(a.0) || after(a.0))
            .map(|&(s, i)| (if after(s) { moved(s) } else { s }, i))
            .collect();
        for &(_, i) in &credits {
            self.allowlists[i].credit(1);
        }
        m.allowlisted.extend(credits);
        m.cands.extend(base.cands.iter().filter(|c| before(c.start) || after(c.start)).map(|c| {
            let mut c = c.clone();
            if after(c.start) {
                (c.start, c.end, c.at) = (moved(c.start), moved(c.end), moved(c.at));
            }
            c
        }));
        found.raw = (base.raw.0 + found.raw.0, base.raw.1 + found.raw.1);
        found.budget =
            decode::Budget::spent((base.used.0 + found.budget.used().0, base.used.1 + found.budget.used().1));
        Some(found)
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
        let pool = pool(&rules);
        let scanner = Scanner::new(rules, Vec::new());
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(11);
        let (mut partial, mut edits, mut findings) = (0, 0, 0);
        for (round, path) in ["src/config.py", "deploy/values.json", "README.md"].iter().cycle().take(24).enumerate() {
            let origin = Origin::File { path: path.to_string() };
            let mut lines: Vec<String> =
                (0..rng.gen_range(50..400)).map(|_| pool[rng.gen_range(0..pool.len())].clone()).collect();
            let (_, mut memo) = scanner.scan_edit(&text(&lines), &origin, None, Some(None));
            for _ in 0..12 {
                for _ in 0..rng.gen_range(1..4) {
                    let at = rng.gen_range(0..=lines.len());
                    match rng.gen_range(0..5) {
                        0 => lines.insert(at, pool[rng.gen_range(0..pool.len())].clone()),
                        1 if at < lines.len() => {
                            let n = rng.gen_range(1..4).min(lines.len() - at);
                            lines.drain(at..at + n);
                        }
                        2 if at < lines.len() => lines[at] = pool[rng.gen_range(0..pool.len())].clone(),
                        3 if at < lines.len() && !lines[at].is_empty() => {
                            let i = rng.gen_range(0..lines[at].len());
                            if lines[at].is_char_boundary(i) {
                                lines[at].insert(i, ['x', '=', '"', ' ', 'A'][rng.gen_range(0..5)]);
                            }
                        }
                        _ => lines.push(pool[rng.gen_range(0..pool.len())].clone()),
                    }
                }
                let data = text(&lines);
                let whole = scanner.scan_whole(&data, &origin, None);
                let (edited, next) = scanner.scan_edit(&data, &origin, memo.as_ref(), Some(None));
                assert_eq!(shown(&edited), shown(&whole), "round {round}: {}", String::from_utf8_lossy(&data));
                if let Some(base) = &memo {
                    partial += usize::from(scanner.rescan(&data, path, &scanner.paths.applies(path), base).is_some());
                }
                edits += 1;
                findings += whole.findings.len();
                memo = next;
            }
        }
        assert!(findings > edits, "the files hold secrets: {findings} findings in {edits} versions");
        // Files this dense in secrets often spend the decoding budget, which rules a rescan out.
        assert!(partial * 4 > edits, "only {partial} of {edits} edits were rescanned in part");
    }
}
