//! Literal text a regex requires: a set of strings such that every match contains at least one of them.
//! That is what a rule's keywords must be for the prefilter to be sound, so keywords can be derived from
//! a pattern that comes without them (an imported gitleaks rule).

use regex_syntax::hir::{Class, Hir, HirKind};

/// Shortest keyword worth having: shorter ones hit almost everywhere.
const MIN_KEYWORD: usize = 3;
/// More alternatives than this make a poor prefilter.
const MAX_KEYWORDS: usize = 64;

/// Lower-cased literals, one of which every match of `pattern` contains; `None` when the pattern
/// requires none of at least `MIN_KEYWORD` bytes (or cannot be parsed).
pub fn required_literals(pattern: &str) -> Option<Vec<String>> {
    let hir = regex_syntax::ParserBuilder::new().unicode(false).utf8(false).build().parse(pattern).ok()?;
    let mut set = required(&hir)?;
    set.sort();
    set.dedup();
    let ok = !set.is_empty() && set.len() <= MAX_KEYWORDS && set.iter().all(|s| s.len() >= MIN_KEYWORD);
    ok.then(|| set.into_iter().map(|b| String::from_utf8_lossy(&b).to_ascii_lowercase()).collect())
}

fn required(h: &Hir) -> Option<Vec<Vec<u8>>> {
    match h.kind() {
        HirKind::Literal(l) => Some(vec![l.0.to_ascii_lowercase()]),
        HirKind::Class(c) => single_letter(c).map(|b| vec![vec![b]]),
        HirKind::Capture(c) => required(&c.sub),
        HirKind::Repetition(r) if r.min >= 1 => required(&r.sub),
        HirKind::Alternation(alts) => {
            let mut all = Vec::new();
            for a in alts {
                all.extend(required(a)?);
            }
            Some(all)
        }
        HirKind::Concat(parts) => {
            // Runs of single literals join into longer ones (`(?i)token` is five one-letter classes);
            // of the parts' sets, the one with the longest shortest literal is the best prefilter.
            let mut best: Option<Vec<Vec<u8>>> = None;
            let mut run: Vec<u8> = Vec::new();
            let consider = |set: Vec<Vec<u8>>, best: &mut Option<Vec<Vec<u8>>>| {
                let score = |s: &Vec<Vec<u8>>| s.iter().map(Vec::len).min().unwrap_or(0);
                if best.as_ref().is_none_or(|b| score(&set) > score(b)) {
                    *best = Some(set);
                }
            };
            for p in parts {
                match required(p) {
                    Some(set) if set.len() == 1 && is_exact(p) => run.extend_from_slice(&set[0]),
                    other => {
                        if !run.is_empty() {
                            consider(vec![std::mem::take(&mut run)], &mut best);
                        }
                        if let Some(set) = other {
                            consider(set, &mut best);
                        }
                    }
                }
            }
            if !run.is_empty() {
                consider(vec![run], &mut best);
            }
            best
        }
        _ => None,
    }
}

/// Whether `h` matches exactly its one literal (so it can join its neighbours into a longer one).
fn is_exact(h: &Hir) -> bool {
    match h.kind() {
        HirKind::Literal(_) => true,
        HirKind::Class(c) => single_letter(c).is_some(),
        HirKind::Capture(c) => is_exact(&c.sub),
        _ => false,
    }
}

/// A class that is one byte, or one ASCII letter in both cases (`(?i)k`), as that byte lower-cased.
fn single_letter(c: &Class) -> Option<u8> {
    let bytes: Vec<u8> = match c {
        Class::Bytes(b) => {
            let mut v = Vec::new();
            for r in b.ranges() {
                if usize::from(r.end() - r.start()) + v.len() > 2 {
                    return None;
                }
                v.extend(r.start()..=r.end());
            }
            v
        }
        Class::Unicode(u) => {
            let mut v = Vec::new();
            for r in u.ranges() {
                let (s, e) = (u32::from(r.start()), u32::from(r.end()));
                if e > 0x7f || (e - s) as usize + v.len() > 2 {
                    return None;
                }
                v.extend((s..=e).map(|x| x as u8));
            }
            v
        }
    };
    match bytes.as_slice() {
        [b] => Some(b.to_ascii_lowercase()),
        [a, b] if a.is_ascii_alphabetic() && a.eq_ignore_ascii_case(b) => Some(a.to_ascii_lowercase()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::required_literals as r;

    #[test]
    fn literals_every_match_must_contain() {
        assert_eq!(r(r"\b(sk_live_[0-9a-z]{24})\b"), Some(vec!["sk_live_".into()]));
        assert_eq!(r(r"(?i)(?:api|secret)_?token\s*=\s*(\w+)"), Some(vec!["token".into()]));
        assert_eq!(r(r"(ghp|gho)_[A-Za-z0-9]{36}"), Some(vec!["gho".into(), "ghp".into()]));
        assert_eq!(r(r"xox[baprs]-[0-9a-z-]{10,}"), Some(vec!["xox".into()]));
        assert_eq!(r(r"[a-f0-9]{32}"), None, "nothing literal");
        assert_eq!(r(r"(?:key)?[A-Z]{20}"), None, "an optional literal is not required");
        assert_eq!(r(r"ab(cd)?"), None, "too short");
    }
}
