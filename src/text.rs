//! Text helpers shared by error messages.

/// Collapses whitespace and newlines so that an error from another crate fits on one line.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
