//! Text helpers shared by error messages and terminal output.

use std::borrow::Cow;

/// Collapses whitespace and newlines so that an error from another crate fits on one line.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An error and its causes as one line, `context: cause: cause`, for the few places that report an
/// error without returning it (a notice that failed, logged, while the others are sent).
pub fn error_chain(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        out.push_str(": ");
        out.push_str(&c.to_string());
        cause = c.source();
    }
    without_os_error_codes(&without_libgit2_codes(&one_line(&out)))
}

/// A message without libgit2's `; class=Repository (6); code=NotFound (-3)` tails, which say nothing to
/// a user.
pub fn without_libgit2_codes(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("; class=") {
        out.push_str(&rest[..i]);
        let tail = &rest[i + 2..];
        // Skip `class=X (n)` and an optional `; code=Y (m)`.
        let skip_pair = |t: &str| t.find(')').map_or(t.len(), |j| j + 1);
        let mut k = skip_pair(tail);
        if tail[k..].starts_with("; code=") {
            k += 2 + skip_pair(&tail[k + 2..]);
        }
        rest = &tail[k..];
    }
    out.push_str(rest);
    out
}

/// A message without the `(os error 2)` tails of I/O errors: the words say it.
pub fn without_os_error_codes(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find(" (os error ") {
        out.push_str(&rest[..i]);
        let tail = &rest[i + 1..];
        rest = tail.find(')').map_or("", |j| &tail[j + 1..]);
    }
    out.push_str(rest);
    out
}

/// An I/O error without the `(os error N)` tail: "Permission denied".
pub fn io_message(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// A TOML parse error as one line, `line N: message`, without the excerpt of the offending line that
/// the error's `Display` includes: a config or rule file may hold secrets, and its author controls what
/// that excerpt would print.
pub fn toml_error(text: &str, e: &toml::de::Error) -> String {
    let line = e.span().map(|s| 1 + text.as_bytes()[..s.start.min(text.len())].iter().filter(|&&b| b == b'\n').count());
    let message = one_line(e.message());
    match line {
        Some(n) => format!("line {n}: {message}"),
        None => message,
    }
}

/// Text from a scanned tree (file names, snippets, commit authors and messages) made safe for a
/// terminal: ESC, CR, BEL, DEL, C1 controls and other control characters are shown escaped (`\x1b`,
/// `\r`, `\u{9b}`) so that a hostile file name cannot move the cursor, rewrite earlier lines or change
/// the terminal's title. Tab stays; a newline is escaped too, since every caller prints one line.
pub fn escape_control(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_escape) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if needs_escape(c) && (c as u32) < 0x80 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if needs_escape(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

fn needs_escape(c: char) -> bool {
    // Bidirectional overrides and isolates can make text read differently from what it is (CVE-2021-42574).
    (c.is_control() && c != '\t') || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn os_error_codes_are_dropped() {
        assert_eq!(without_os_error_codes("a: No such file (os error 2): b"), "a: No such file: b");
    }

    #[test]
    fn libgit2_codes_are_dropped() {
        assert_eq!(
            without_libgit2_codes("x: could not find repository at '/t'; class=Repository (6); code=NotFound (-3): y"),
            "x: could not find repository at '/t': y"
        );
        assert_eq!(without_libgit2_codes("plain"), "plain");
    }

    #[test]
    fn control_characters_are_escaped_visibly() {
        assert_eq!(escape_control("a\x1b[2Jb\rc\x07d\te"), "a\\x1b[2Jb\\rc\\x07d\te");
        assert_eq!(escape_control("x\u{9b}31my\u{202e}z"), "x\\u{9b}31my\\u{202e}z");
        assert!(matches!(escape_control("plain ünïcode"), Cow::Borrowed(_)));
    }
}

/// Now, as RFC 3339 in UTC.
pub fn now_rfc3339() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64);
    rfc3339_utc(secs)
}

/// Seconds since the epoch as RFC 3339 in UTC (`2026-11-26T01:27:01Z`).
pub fn rfc3339_utc(secs: i64) -> String {
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // The civil date of a day number (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", rem / 3600, rem % 3600 / 60, rem % 60)
}

#[cfg(test)]
mod time_tests {
    #[test]
    fn rfc3339_utc_formats_civil_dates() {
        assert_eq!(super::rfc3339_utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(super::rfc3339_utc(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(super::rfc3339_utc(1_700_000_000), "2023-11-14T22:13:20Z");
    }
}
