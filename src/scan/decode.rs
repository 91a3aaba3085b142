//! Encoded segments of a blob and their decoded text: base64 (Kubernetes `Secret` data, Helm `tls.key`,
//! Docker `auth`, Basic credentials), hex, percent-encoding (URLs) and string escapes (`\n`, `\/`,
//! `\u0040` in JSON and JS). The scanner puts each decoded segment back into its line and scans that
//! line again with the same rules, so `password: aHVudGVyMg==` is seen as `password: hunter2`.
//!
//! Only text comes out: a segment that does not decode to printable text (a hash, an image, an
//! identifier that happens to use base64's letters) is dropped at its first non-printable byte, which
//! keeps the search cheap. Work is bounded per blob (segments and decoded bytes), so a hostile blob of
//! base64 costs no more than a bounded number of small rescans.

use base64::Engine;

use crate::finding::Encoding;

/// Shortest base64 run considered (`cGFzc3dvcmQ=` is 12: an eight-letter password).
const MIN_BASE64: usize = 12;
/// Shortest hex run considered (eight bytes of text).
const MIN_HEX: usize = 16;
/// Shortest decoded text worth a rescan.
const MIN_DECODED: usize = 6;
/// Shortest unescaped string worth a rescan (`"%s\n"` is not; a key or URL in JSON is).
const MIN_UNESCAPED: usize = 16;
/// Longest segment decoded; longer runs are data (images, fonts, archives), not credentials.
const MAX_SEGMENT: usize = 256 * 1024;

/// Whether base64 and hex are looked for in the whole of a file at `path`, not only on the lines around
/// keyword hits: configuration and data files, where an encoded value often stands under a name no rule
/// knows (`app.yaml: <base64>` in a Kubernetes secret). Source code is the bulk of a tree and its
/// encoded values are few, so there the keyword lines suffice.
pub(crate) fn whole_file(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path).to_ascii_lowercase();
    let ext = name.rsplit_once('.').map(|(_, e)| e);
    match ext {
        None => true,
        Some(e) => {
            matches!(
                e,
                "yaml"
                    | "yml"
                    | "json"
                    | "env"
                    | "properties"
                    | "ini"
                    | "toml"
                    | "conf"
                    | "cfg"
                    | "config"
                    | "xml"
                    | "tf"
                    | "tfvars"
                    | "txt"
                    | "dockercfg"
                    | "npmrc"
                    | "netrc"
                    | "sh"
                    | "bash"
                    | "zsh"
                    | "sql"
            ) || name.starts_with(".env")
        }
    }
}

/// What decoding may still cost in one blob.
pub(crate) struct Budget {
    /// Segments that may still be rescanned.
    pub segments: usize,
    /// Decoded bytes that may still be rescanned.
    pub bytes: usize,
    /// A segment was left undecoded because the budget was spent.
    pub refused: bool,
}

impl Budget {
    const SEGMENTS: usize = 256;
    const BYTES: usize = 1 << 20;

    /// Segments and bytes used so far.
    pub fn used(&self) -> (usize, usize) {
        (Self::SEGMENTS - self.segments, Self::BYTES - self.bytes)
    }

    /// A budget of which `used` is spent.
    pub fn spent(used: (usize, usize)) -> Self {
        let left = |total: usize, n: usize| total.saturating_sub(n);
        Budget { segments: left(Self::SEGMENTS, used.0), bytes: left(Self::BYTES, used.1), refused: false }
    }

    /// Whether `a` and `b` used together fit in one budget.
    pub fn fits(a: (usize, usize), b: (usize, usize)) -> bool {
        a.0 + b.0 <= Self::SEGMENTS && a.1 + b.1 <= Self::BYTES
    }
}

impl Default for Budget {
    fn default() -> Self {
        Budget { segments: Self::SEGMENTS, bytes: Self::BYTES, refused: false }
    }
}

/// An encoded segment (`start..end` in the blob) and its decoded text.
pub(crate) struct Segment {
    pub start: usize,
    pub end: usize,
    pub encoding: Encoding,
    pub text: Vec<u8>,
}

/// The decodable segments of `data[lo..hi]`, in order of kind, each once; stops when `budget` is spent.
/// Base64 and hex runs are looked for only in `runs_in` (sorted, disjoint ranges inside `lo..hi`: the
/// lines around keyword hits), since finding runs takes a look at every byte; percent-encoding and
/// escapes start at a `%` or `\`, which memchr finds fast, and are looked for everywhere.
pub(crate) fn segments(
    data: &[u8],
    (lo, hi): (usize, usize),
    runs_in: &[(usize, usize)],
    budget: &mut Budget,
) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut take = |out: &mut Vec<Segment>, s: Segment| {
        if budget.segments == 0 || budget.bytes < s.text.len() {
            budget.refused = true;
            return false;
        }
        budget.segments -= 1;
        budget.bytes -= s.text.len();
        out.push(s);
        true
    };
    // Base64 and hex: runs of their alphabets, found by probing every PROBE-th byte (a run that long
    // must cover the probe), then widening around a probe that lands in the alphabet. Up to two `=`
    // of padding count towards the length, so the probe stride is two shorter.
    const PROBE: usize = MIN_BASE64 - 2;
    for &(wlo, whi) in runs_in {
        let mut i = wlo;
        while i + PROBE <= whi {
            let probe = i + PROBE - 1;
            if !is_base64(data[probe]) {
                i = probe + 1;
                continue;
            }
            let mut start = probe;
            while start > i && is_base64(data[start - 1]) {
                start -= 1;
            }
            let mut run_end = probe + 1;
            while run_end < whi && is_base64(data[run_end]) {
                run_end += 1;
            }
            let mut end = run_end;
            while end < whi && end - run_end < 2 && data[end] == b'=' {
                end += 1;
            }
            i = end + 1;
            let run = &data[start..end];
            if run.len() < MIN_BASE64 || run.len() > MAX_SEGMENT {
                continue;
            }
            let decoded = if run.len() >= MIN_HEX && run.len() % 2 == 0 && run.iter().all(u8::is_ascii_hexdigit) {
                hex_text(run).map(|t| (Encoding::Hex, t))
            } else {
                base64_text(run).map(|t| (Encoding::Base64, t))
            };
            if let Some((encoding, text)) = decoded {
                if !take(&mut out, Segment { start, end, encoding, text }) {
                    return out;
                }
            }
        }
    }
    // Percent-encoding: a run of URL characters with at least one `%XX`.
    let mut from = lo;
    while let Some(p) = memchr::memchr(b'%', &data[from..hi]).map(|p| from + p) {
        from = p + 1;
        if !(p + 2 < hi && data[p + 1].is_ascii_hexdigit() && data[p + 2].is_ascii_hexdigit()) {
            continue;
        }
        let start = data[lo..p].iter().rposition(|&b| !is_url_char(b)).map_or(lo, |q| lo + q + 1);
        let end = data[p..hi].iter().position(|&b| !is_url_char(b)).map_or(hi, |q| p + q);
        from = end;
        if end - start > MAX_SEGMENT {
            continue;
        }
        if let Some(text) = percent_text(&data[start..end]) {
            if !take(&mut out, Segment { start, end, encoding: Encoding::Percent, text }) {
                return out;
            }
        }
    }
    // String escapes: the quoted string (or the rest of the line) around `\n`, `\/`, `\uXXXX`, `\xHH`.
    let mut from = lo;
    while let Some(p) = memchr::memchr(b'\\', &data[from..hi]).map(|p| from + p) {
        from = p + 1;
        if !matches!(data.get(p + 1), Some(b'n' | b'/' | b'u' | b'x')) || p + 1 >= hi {
            continue;
        }
        let line_start = memchr::memrchr(b'\n', &data[lo..p]).map_or(lo, |q| lo + q + 1);
        let line_end = memchr::memchr(b'\n', &data[p..hi]).map_or(hi, |q| p + q);
        let (start, quote) = match data[line_start..p].iter().rposition(|&b| b == b'"' || b == b'\'') {
            Some(q) => (line_start + q + 1, Some(data[line_start + q])),
            None => (line_start, None),
        };
        let end = quote.and_then(|q| closing_quote(&data[p..line_end], q)).map_or(line_end, |q| p + q);
        from = end.max(p + 1);
        if end - start > MAX_SEGMENT {
            continue;
        }
        if let Some(text) = unescape(&data[start..end]) {
            if !take(&mut out, Segment { start, end, encoding: Encoding::Escape, text }) {
                return out;
            }
        }
    }
    out
}

fn is_base64(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'+' || b == b'/'
}

fn is_url_char(b: u8) -> bool {
    b.is_ascii_graphic() && !matches!(b, b'"' | b'\'' | b'<' | b'>' | b'`' | b'(' | b')' | b',' | b';')
}

/// Text that credentials are written in: printable ASCII and line breaks.
fn printable(bytes: &[u8]) -> bool {
    bytes.iter().all(|&b| (0x20..0x7f).contains(&b) || matches!(b, b'\n' | b'\r' | b'\t'))
}

/// Base64 (standard alphabet) that decodes to text. A run must look like base64 rather than a word or
/// an identifier: a whole number of quanta once padded, and a digit, `+`, `/` or `=` somewhere.
fn base64_text(run: &[u8]) -> Option<Vec<u8>> {
    let body_len = run.iter().rposition(|&b| b != b'=').map_or(0, |i| i + 1);
    let padded = run.len() > body_len;
    if (padded && run.len() % 4 != 0) || (!padded && body_len % 4 != 0) {
        return None;
    }
    if !run.iter().any(|&b| b.is_ascii_digit() || matches!(b, b'+' | b'/' | b'=')) {
        return None;
    }
    let body = &run[..body_len];
    let engine = base64::engine::general_purpose::STANDARD_NO_PAD;
    let mut out = Vec::with_capacity(body.len() / 4 * 3 + 3);
    // Decoded a chunk at a time (multiples of 4), so that non-text stops at its first chunk.
    for chunk in body.chunks(64) {
        let before = out.len();
        engine.decode_vec(chunk, &mut out).ok()?;
        if !printable(&out[before..]) {
            return None;
        }
    }
    (out.len() >= MIN_DECODED).then_some(out)
}

fn hex_text(run: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(run.len() / 2);
    for pair in run.chunks(2) {
        let b = u8::from_str_radix(std::str::from_utf8(pair).ok()?, 16).ok()?;
        if !printable(&[b]) {
            return None;
        }
        out.push(b);
    }
    (out.len() >= MIN_DECODED).then_some(out)
}

fn percent_text(run: &[u8]) -> Option<Vec<u8>> {
    let decoded: Vec<u8> = percent_encoding::percent_decode(run).collect();
    (decoded.len() < run.len() && decoded.len() >= MIN_DECODED && printable(&decoded)).then_some(decoded)
}

/// Where the string that `quote` opened ends in `rest` (the first unescaped `quote`).
fn closing_quote(rest: &[u8], quote: u8) -> Option<usize> {
    let mut escaped = false;
    for (i, &b) in rest.iter().enumerate() {
        match b {
            b'\\' if !escaped => escaped = true,
            _ if b == quote && !escaped => return Some(i),
            _ => escaped = false,
        }
    }
    None
}

/// JSON and JavaScript string escapes resolved; None when nothing changed or the result is not text.
fn unescape(s: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        if s[i] != b'\\' || i + 1 >= s.len() {
            out.push(s[i]);
            i += 1;
            continue;
        }
        let hex = |from: usize, n: usize| {
            s.get(from..from + n)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u32::from_str_radix(h, 16).ok())
        };
        match s[i + 1] {
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'u' => match hex(i + 2, 4).and_then(char::from_u32) {
                Some(c) => {
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                    i += 6;
                    continue;
                }
                None => out.extend_from_slice(b"\\u"),
            },
            b'x' => match hex(i + 2, 2) {
                Some(v) => {
                    out.push(v as u8);
                    i += 4;
                    continue;
                }
                None => out.extend_from_slice(b"\\x"),
            },
            other => out.push(other),
        }
        i += 2;
    }
    let text = out.iter().all(|&b| b >= 0x20 || matches!(b, b'\n' | b'\r' | b'\t'));
    (out.len() < s.len() && out.len() >= MIN_UNESCAPED && text).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(data: &str) -> Vec<(Encoding, String, String)> {
        segments(data.as_bytes(), (0, data.len()), &[(0, data.len())], &mut Budget::default())
            .into_iter()
            .map(|s| (s.encoding, data[s.start..s.end].to_string(), String::from_utf8(s.text).unwrap()))
            .collect()
    }

    #[test]
    fn base64_hex_percent_and_escapes_decode_to_text() {
        assert_eq!(
            found("  password: aHVudGVyMjI=\n"),
            vec![(Encoding::Base64, "aHVudGVyMjI=".into(), "hunter22".into())]
        );
        assert_eq!(
            found("k = 70617373776f72643d73337372"),
            vec![(Encoding::Hex, "70617373776f72643d73337372".into(), "password=s3sr".into())]
        );
        assert_eq!(
            found("url = \"https://u:p%40ss%2Fw0rd@db\""),
            vec![(Encoding::Percent, "https://u:p%40ss%2Fw0rd@db".into(), "https://u:p@ss/w0rd@db".into())]
        );
        let json = r#"{"key": "-----BEGIN KEY-----\nMIIB\n-----END KEY-----", "x": 1}"#;
        let got = found(json);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, Encoding::Escape);
        assert_eq!(got[0].2, "-----BEGIN KEY-----\nMIIB\n-----END KEY-----");
        assert_eq!(found(r#"u = "https:\/\/deploy:b9x@registry""#)[0].2, "https://deploy:b9x@registry");
    }

    #[test]
    fn hashes_identifiers_and_binary_do_not_decode() {
        for s in [
            "sha = 3f786850e387550fdab836ed7e6dc881de23001b",
            "getElementsByTagNameNS(x)",
            "\"integrity\": \"sha512-Xy9n0Hq2bBGF7yDJvQ4aDMm2gJ5bP0xYqFZ6ZbWv1i3kB6rLq0u5J0K1xqzqR8v6eLwS3yXoGQ0vTn1ZpA6Qw==\"",
            "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
            "printf(\"%s %d\\n\", a, b)",
            "path/to/some/deeply/nested/file",
        ] {
            assert!(found(s).is_empty(), "{s}: {:?}", found(s));
        }
    }

    #[test]
    fn config_files_are_searched_whole_source_files_near_keywords() {
        for p in ["k8s/secret.yaml", "values.yml", ".env.production", "Dockerfile", "conf/app.properties"] {
            assert!(whole_file(p), "{p}");
        }
        for p in ["src/main.rs", "web/app.js", "lib/x.py"] {
            assert!(!whole_file(p), "{p}");
        }
    }

    #[test]
    fn the_budget_bounds_the_work() {
        let line = "v: aHVudGVyMjI=\n".repeat(1000);
        let mut budget = Budget { segments: 10, ..Budget::default() };
        assert_eq!(segments(line.as_bytes(), (0, line.len()), &[(0, line.len())], &mut budget).len(), 10);
        assert_eq!(budget.segments, 0);
    }
}
