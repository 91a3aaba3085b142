//! Which vendor issued a key whose format many vendors share (`sk_live_…`: Stripe, and metering and
//! billing APIs that copied its convention). The code usually says: the name the key is given
//! (`METIGAN_API_KEY=`), a host on its line (`https://api.metigan.com`), or the SDK the file uses
//! (`import stripe`). Runs once per finding of a rule with `vendor_from_context`, never per candidate.

use crate::finding::Attribution;

/// Name pieces that say what a value is, not whose it is.
const NOT_VENDORS: &[&str] = &[
    "api",
    "key",
    "keys",
    "secret",
    "secrets",
    "live",
    "test",
    "prod",
    "production",
    "dev",
    "staging",
    "sk",
    "rk",
    "token",
    "tokens",
    "private",
    "restricted",
    "the",
    "my",
    "app",
    "env",
    "config",
    "cfg",
    "settings",
    "setting",
    "value",
    "default",
    "var",
    "const",
    "let",
    "export",
    "set",
    "auth",
    "access",
    "client",
    "server",
    "payment",
    "payments",
    "billing",
    "account",
    "new",
    "old",
    "main",
    "primary",
    "backup",
    "conf",
    "credentials",
    "creds",
    "global",
    "process",
    "os",
    "environ",
    "self",
    "this",
    "options",
    "opts",
    "params",
    "vars",
];

/// Hosts that say nothing of the key's issuer.
const NOT_VENDOR_HOSTS: &[&str] =
    &["localhost", "example", "github", "githubusercontent", "amazonaws", "cloudfront", "herokuapp", "googleapis"];

/// The vendor the context names, if any: the key's name, else a host on its line, else the rule's own
/// provider when the file mentions it (`import stripe`).
pub(crate) fn attribute(data: &[u8], line: &[u8], secret_col: usize, provider: &str) -> Option<Attribution> {
    let before = &line[..secret_col.min(line.len())];
    if let Some((name, vendor)) = vendor_of_name(before) {
        return Some(Attribution { vendor, evidence: format!("name {name}") });
    }
    if let Some((host, vendor)) = vendor_of_host(line) {
        return Some(Attribution { vendor, evidence: format!("host {host}") });
    }
    let lower_provider = provider.to_ascii_lowercase();
    if lower_provider != "generic" && mentions(data, lower_provider.as_bytes()) {
        return Some(Attribution { vendor: lower_provider, evidence: format!("the file mentions {provider}") });
    }
    None
}

/// The name a value is assigned to on `before` (the line up to the secret): `NAME=`, `name: "`,
/// `"name": "`, `name => '`, `name("`.
fn vendor_of_name(before: &[u8]) -> Option<(String, String)> {
    let text = std::str::from_utf8(before).ok()?;
    let trimmed = text.trim_end_matches(|c: char| c.is_whitespace() || "\"'`=:>({[,".contains(c));
    let start = trimmed
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_ascii_alphanumeric() || "_.-".contains(*c)))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let name = &trimmed[start..];
    if name.is_empty() {
        return None;
    }
    let vendor = pieces(name).into_iter().find(|p| p.len() >= 3 && !NOT_VENDORS.contains(&p.as_str()))?;
    Some((name.to_string(), vendor))
}

/// `METIGAN_API_KEY` -> metigan, api, key; `metiganSecretKey` -> metigan, secret, key.
fn pieces(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        if !c.is_ascii_alphanumeric() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            prev_lower = false;
            continue;
        }
        if c.is_ascii_uppercase() && prev_lower && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        cur.push(c.to_ascii_lowercase());
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// The registrable label of the first URL host on the line (`api.metigan.com` -> metigan).
fn vendor_of_host(line: &[u8]) -> Option<(String, String)> {
    let text = String::from_utf8_lossy(line);
    let at = text.find("://")?;
    let rest = &text[at + 3..];
    let host: String =
        rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '-').collect::<String>();
    let host = host.to_ascii_lowercase();
    let labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
    if labels.len() < 2 {
        return None;
    }
    let label = labels[labels.len() - 2];
    (label.len() >= 3 && !NOT_VENDOR_HOSTS.contains(&label) && !NOT_VENDORS.contains(&label))
        .then(|| (host.clone(), label.to_string()))
}

/// Whether `data` holds `word` (lowercase) as a whole word, in any case.
fn mentions(data: &[u8], word: &[u8]) -> bool {
    let finder = memchr::memmem::Finder::new(word);
    let upper: Vec<u8> = word.iter().map(u8::to_ascii_uppercase).collect();
    let capital: Vec<u8> =
        word.iter().enumerate().map(|(i, b)| if i == 0 { b.to_ascii_uppercase() } else { *b }).collect();
    let whole = |i: usize| {
        let before = i.checked_sub(1).map(|j| data[j]);
        let after = data.get(i + word.len()).copied();
        !before.is_some_and(|b| b.is_ascii_alphanumeric()) && !after.is_some_and(|b| b.is_ascii_alphanumeric())
    };
    finder.find_iter(data).any(whole)
        || memchr::memmem::find_iter(data, &upper).any(whole)
        || memchr::memmem::find_iter(data, &capital).any(whole)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vendor(line: &str, data: &str) -> Option<(String, String)> {
        let col = line.find("sk_live_").unwrap();
        attribute(data.as_bytes(), line.as_bytes(), col, "stripe").map(|a| (a.vendor, a.evidence))
    }

    #[test]
    fn the_name_then_the_host_then_the_sdk_name_the_vendor() {
        assert_eq!(vendor("METIGAN_API_KEY=sk_live_x", ""), Some(("metigan".into(), "name METIGAN_API_KEY".into())));
        assert_eq!(vendor("  metiganSecretKey: \"sk_live_x\"", "").unwrap().0, "metigan");
        assert_eq!(vendor("stripe.api_key = 'sk_live_x'", "").unwrap().0, "stripe");
        assert_eq!(
            vendor("curl https://api.metigan.com/v1 -u sk_live_x:", ""),
            Some(("metigan".into(), "host api.metigan.com".into()))
        );
        assert_eq!(
            vendor("API_KEY = 'sk_live_x'", "import stripe\nAPI_KEY = 'sk_live_x'"),
            Some(("stripe".into(), "the file mentions stripe".into()))
        );
        assert_eq!(vendor("SECRET_KEY = 'sk_live_x'", "SECRET_KEY = 'sk_live_x'"), None);
        assert_eq!(vendor("sk_live_x", "stripes and stripey"), None, "whole words only");
    }
}
