//! `Secret`: the one type that holds raw secret bytes. Its `Debug` and `Display` print a redacted form,
//! so a secret cannot reach a log, a report or an error message by accident; only `expose()` gives the
//! raw value, and every caller of it is a place where the user asked for the raw value.

use std::fmt;

/// A secret as found, printed only in redacted form.
#[derive(Clone)]
pub struct Secret {
    raw: String,
    /// Show no prefix: the secret starts inside another secret found at the same place, whose
    /// characters its prefix would reveal.
    prefix_hidden: bool,
    /// `raw` is already a redacted form (read back from a redacted report): shown as it is.
    shown_as_is: bool,
}

impl PartialEq for Secret {
    fn eq(&self, other: &Self) -> bool {
        self.raw == other.raw
    }
}

impl Eq for Secret {}

impl std::hash::Hash for Secret {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.raw.hash(state)
    }
}

impl Secret {
    /// Wraps the raw secret text.
    pub fn new(raw: impl Into<String>) -> Self {
        Secret { raw: raw.into(), prefix_hidden: false, shown_as_is: false }
    }

    /// A secret known only by its redacted form (from a redacted report, for `leakhound merge`): it is
    /// shown as it is, and it is all there is to expose.
    pub fn from_redacted(shown: impl Into<String>) -> Self {
        Secret { raw: shown.into(), prefix_hidden: false, shown_as_is: true }
    }

    /// The same secret, shown with no prefix at all (`…`).
    pub fn without_prefix(mut self) -> Self {
        self.prefix_hidden = true;
        self
    }

    /// The raw secret. Call only where the user asked for it (`--show-secrets`, a webhook configured to
    /// carry the token) or to compute a hash.
    pub fn expose(&self) -> &str {
        &self.raw
    }

    /// Number of characters in the secret.
    pub fn len(&self) -> usize {
        self.raw.chars().count()
    }

    /// Whether the secret has no characters.
    pub fn is_empty(&self) -> bool {
        self.raw.is_empty()
    }

    /// How many leading characters the redacted form shows: 4 to 8, never more than a third of the secret
    /// so a short password is not half revealed.
    pub fn visible_prefix_len(&self) -> usize {
        if self.prefix_hidden {
            return 0;
        }
        let n = self.len();
        (n / 4).clamp(4, 8).min(n / 3)
    }

    /// The leading characters shown in reports (`sk_live_…`).
    pub fn prefix(&self) -> &str {
        let k = self.visible_prefix_len();
        let end = self.raw.char_indices().nth(k).map(|(i, _)| i).unwrap_or(self.raw.len());
        &self.raw[..end]
    }

    /// The last four characters, for webhook payloads (issuers show keys as `…abcd`).
    pub fn last4(&self) -> &str {
        let n = self.len();
        if n < 12 {
            return "";
        }
        let start = self.raw.char_indices().nth(n - 4).map(|(i, _)| i).unwrap_or(0);
        &self.raw[start..]
    }

    /// The form shown everywhere: the visible prefix followed by `…`.
    pub fn redacted(&self) -> String {
        if self.shown_as_is {
            return self.raw.clone();
        }
        format!("{}…", self.prefix())
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret({})", self.redacted())
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.redacted())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_and_debug_never_show_the_whole_secret() {
        let s = Secret::new("sk_live_4fJ9kQ2mZx7LpR8tV1wY3bN6");
        assert_eq!(s.to_string(), "sk_live_…");
        assert!(!format!("{s:?}").contains("4fJ9"));
        assert_eq!(s.last4(), "3bN6");
    }

    #[test]
    fn short_secrets_show_at_most_a_third() {
        let s = Secret::new("hunter22");
        assert_eq!(s.prefix(), "hu");
        assert_eq!(s.last4(), "");
    }
}
