//! Redacted text for reports: the line around a finding, or any text from the tree (a path, a commit
//! message), with every secret-shaped value in it cut to its short prefix.
//!
//! A line often holds more than the secret being reported (`AKIA…,<secret key>`, a JSON line with two
//! tokens), and a long line is cut to a window that may cut a secret in two. So redaction works on byte
//! spans, not on the reported secret's text: every value any rule's pattern captured in the blob (even
//! those the filters then dropped) is replaced by its prefix, a span that begins before the window shows
//! none of itself, and what remains is masked again by shape (long, mixed letters and digits, high
//! entropy), which catches tokens no rule matched.

use crate::redact::Secret;

/// Longest snippet, in bytes of the line (before redaction).
const SNIPPET_MAX: usize = 160;
/// Bytes of context kept before the secret when a long line is cut.
const SNIPPET_BEFORE: usize = 60;

/// Sorted, merged byte spans of secret-shaped values in one blob.
#[derive(Debug, Default)]
pub struct Spans(Vec<(usize, usize)>);

impl Spans {
    /// Sorts and merges `spans` (byte ranges, end exclusive).
    pub(crate) fn new(mut spans: Vec<(usize, usize)>) -> Self {
        spans.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
        for (s, e) in spans {
            match merged.last_mut() {
                Some(last) if s < last.1 => last.1 = last.1.max(e),
                _ => merged.push((s, e)),
            }
        }
        Spans(merged)
    }

    /// `spans` plus every other place in `data` where one of their values occurs: a secret a rule
    /// captured at one place (a hash at the start of a line) may stand elsewhere where no pattern
    /// matches (mid-line, in a comment), and must not show there either. Bounded: the first
    /// `MAX_VALUES` distinct values of 8+ bytes.
    pub(crate) fn with_copies(data: &[u8], mut spans: Vec<(usize, usize)>) -> Self {
        const MAX_VALUES: usize = 64;
        let mut values: Vec<&[u8]> = spans.iter().map(|&(s, e)| &data[s..e]).filter(|v| v.len() >= 8).collect();
        values.sort_unstable();
        values.dedup();
        let copies: Vec<(usize, usize)> = values
            .into_iter()
            .take(MAX_VALUES)
            .flat_map(|v| memchr::memmem::find_iter(data, v).map(move |i| (i, i + v.len())))
            .collect();
        spans.extend(copies);
        Spans::new(spans)
    }

    /// The spans that overlap `a..b`.
    fn within(&self, a: usize, b: usize) -> &[(usize, usize)] {
        let first = self.0.partition_point(|&(_, e)| e <= a);
        let last = self.0.partition_point(|&(s, _)| s < b);
        &self.0[first..last.max(first)]
    }
}

/// The line holding `offset`, trimmed and cut to at most `SNIPPET_MAX` bytes around it, redacted.
pub fn redacted_line(data: &[u8], offset: usize, spans: &Spans) -> String {
    let (ls, le, a, b) = line_window(data, offset);
    decorate(redact_range(data, a, b, spans), a > ls, b < le)
}

/// The same line, raw (only for `--show-secrets`).
pub fn raw_line(data: &[u8], offset: usize) -> String {
    let (ls, le, a, b) = line_window(data, offset);
    decorate(String::from_utf8_lossy(&data[a..b]).into_owned(), a > ls, b < le)
}

fn line_window(data: &[u8], offset: usize) -> (usize, usize, usize, usize) {
    let ls = memchr::memrchr(b'\n', &data[..offset]).map_or(0, |i| i + 1);
    let le = memchr::memchr(b'\n', &data[offset..]).map_or(data.len(), |i| offset + i);
    let (mut a, mut b) = (ls, le);
    if b - a > SNIPPET_MAX {
        a = offset.saturating_sub(SNIPPET_BEFORE).max(ls);
        b = (a + SNIPPET_MAX).min(le);
    }
    (ls, le, a, b)
}

fn decorate(text: String, cut_before: bool, cut_after: bool) -> String {
    let mut t = text.trim().to_string();
    if cut_before {
        t.insert(0, '…');
    }
    if cut_after {
        t.push('…');
    }
    t
}

/// `data[a..b]` as text with every span redacted: a span starting inside shows its prefix and `…`,
/// one starting before `a` shows only `…`; the text between spans is masked by shape.
pub fn redact_range(data: &[u8], a: usize, b: usize, spans: &Spans) -> String {
    let mut out = String::with_capacity(b - a);
    let mut at = a;
    for &(s, e) in spans.within(a, b) {
        if s > at {
            out.push_str(&mask_tokens(&String::from_utf8_lossy(&data[at..s])));
        }
        if s >= a {
            out.push_str(&Secret::new(String::from_utf8_lossy(&data[s..e]).into_owned()).redacted());
        } else {
            out.push('…');
        }
        at = e.min(b);
        if at >= b {
            break;
        }
    }
    if at < b {
        out.push_str(&mask_tokens(&String::from_utf8_lossy(&data[at..b])));
    }
    out
}

/// Shortest run that is masked by shape alone.
const TOKEN_MIN: usize = 16;
/// Bits per character above which such a run looks random rather than written.
const TOKEN_ENTROPY: f64 = 3.0;

/// Masks runs that look like tokens (at least `TOKEN_MIN` characters of `[A-Za-z0-9+/=_-]`, with letters
/// and digits, high entropy): a key no rule recognised still does not reach a report whole.
pub fn mask_tokens(text: &str) -> String {
    let bytes = text.as_bytes();
    let is_tok = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'/' | b'=' | b'_' | b'-');
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < bytes.len() {
        if !is_tok(bytes[i]) {
            // Copy up to the next token byte (whole UTF-8 characters: token bytes are ASCII).
            let j = bytes[i..].iter().position(|&c| is_tok(c)).map_or(bytes.len(), |k| i + k);
            out.push_str(&text[i..j]);
            i = j;
            continue;
        }
        let j = bytes[i..].iter().position(|&c| !is_tok(c)).map_or(bytes.len(), |k| i + k);
        let run = &bytes[i..j];
        // Object ids (40 or 64 hex digits) name commits and blobs in warnings and notes: not secrets.
        let object_id = matches!(run.len(), 40 | 64) && run.iter().all(u8::is_ascii_hexdigit);
        let looks_random = !object_id
            && run.len() >= TOKEN_MIN
            && run.iter().any(u8::is_ascii_digit)
            && run.iter().any(u8::is_ascii_alphabetic)
            && super::entropy::shannon(run) >= TOKEN_ENTROPY;
        if looks_random {
            out.push_str(&Secret::new(&text[i..j]).redacted());
        } else {
            out.push_str(&text[i..j]);
        }
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_span_on_the_line_is_redacted_and_cut_spans_show_nothing() {
        let line = b"a=AKIAIOSFODNN7EXAMPLE,b=wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY end";
        let k = line.len() - 4;
        let spans = Spans::new(vec![(2, 22), (25, k)]);
        assert_eq!(redacted_line(line, 2, &spans), "a=AKIAI…,b=wJalrXUt… end");
        // A window starting inside a span shows only `…` for it.
        assert_eq!(redact_range(line, 10, 30, &spans), "…,b=wJalrXUt…");
    }

    #[test]
    fn long_lines_never_show_a_cut_secret() {
        let secret = format!("sk_live_{}", "Ab3".repeat(40));
        let line = format!("{}{secret}", "x".repeat(100));
        let spans = Spans::new(vec![(100, line.len())]);
        let shown = redacted_line(line.as_bytes(), 100, &spans);
        assert!(!shown.contains("Ab3Ab3"), "{shown}");
    }

    #[test]
    fn token_shaped_runs_are_masked_but_words_are_not() {
        assert_eq!(mask_tokens("key: Zx81kQ2mLp0vR7tY3wBn end"), "key: Zx81k… end");
        assert_eq!(mask_tokens("AbstractSingletonProxyFactoryBean ü"), "AbstractSingletonProxyFactoryBean ü");
    }
}
