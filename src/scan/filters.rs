//! Filters on a captured secret: is it a placeholder, a code reference, a hash or an id rather than a
//! credential? Pure functions of the secret's bytes.

use crate::rules::vocabulary;

/// Placeholders and documentation values that people write where a real key would go.
pub fn is_placeholder(secret: &[u8]) -> bool {
    // Placeholders are short; in a long random value (a PEM body, a 150-character token) a marker such as
    // `xxxx` turns up by chance, so long secrets are judged only by their shape below.
    if secret.len() > 100 {
        // Vendor documentation marks its sample keys (`AKIAIOSFODNN7EXAMPLE`, session tokens with
        // `EXAMPLE` inside); seven given capitals do not turn up in a random value by chance.
        return has_template_syntax(secret) || memchr::memmem::find(secret, b"EXAMPLE").is_some();
    }
    // The sample values of the OAuth 2.0 RFC (6749), copied into client libraries and their tests.
    if vocabulary::filters().documented_samples.iter().any(|d| d.as_bytes() == secret) {
        return true;
    }
    // Already redacted (`sk_live_…`) or elided with an ellipsis.
    if memchr::memmem::find(secret, "…".as_bytes()).is_some() {
        return true;
    }
    let lower = secret.to_ascii_lowercase();
    if vocabulary::filters().placeholder_markers.iter().any(|m| memchr::memmem::find(&lower, m.as_bytes()).is_some()) {
        return true;
    }
    // Long runs of one character (`aaaaaaaa`) or very few distinct characters.
    let mut run = 1;
    for w in secret.windows(2) {
        run = if w[0] == w[1] { run + 1 } else { 1 };
        if run >= 8 {
            return true;
        }
    }
    let mut seen = [false; 256];
    let distinct = secret.iter().filter(|&&b| !std::mem::replace(&mut seen[b as usize], true)).count();
    secret.len() >= 12 && distinct <= 3
}

fn has_template_syntax(secret: &[u8]) -> bool {
    [&b"${"[..], b"{{", b"<%", b"..."].iter().any(|m| memchr::memmem::find(secret, m).is_some())
}

/// Template syntax or a stand-in rather than a value: `${DB_PASS}`, `{{ .Values.pw }}`, `<password>`,
/// `%(pw)s`, `$PASSWORD`, `****`. The one test a credential file's value must pass.
pub fn is_template(secret: &[u8]) -> bool {
    const MARKERS: &[&[u8]] = &[b"${", b"{{", b"}}", b"<%", b"%(", b"#{", b"$(", b"%s", b"{0}"];
    if MARKERS.iter().any(|m| memchr::memmem::find(secret, m).is_some()) {
        return true;
    }
    let (first, last) = (secret.first().copied(), secret.last().copied());
    // `<password>`, `[password]`, `(password)`: a slot to fill in.
    if matches!((first, last), (Some(b'<'), Some(b'>')) | (Some(b'['), Some(b']')) | (Some(b'('), Some(b')'))) {
        return true;
    }
    // `$PASSWORD`, `%PASSWORD%`, `@password@`: a variable the shell, Windows or a build tool fills in.
    let ident = |s: &[u8]| !s.is_empty() && s.iter().all(|&b| b.is_ascii_alphanumeric() || b == b'_');
    if (first == Some(b'$') && ident(&secret[1..]) && !secret[1].is_ascii_digit())
        || (secret.len() > 2 && matches!((first, last), (Some(b'%'), Some(b'%')) | (Some(b'@'), Some(b'@'))))
    {
        return true;
    }
    // One character over and over (`****`, `xxxxxxxx`, `........`).
    secret.len() >= 3 && secret.iter().all(|&b| b == secret[0] && !b.is_ascii_digit())
}

/// For `value = "password"` rules: whether a value under a password-named key is code, an identifier, a
/// label or a template word rather than a password. Letters-only and short values are kept: people
/// choose them (`sunshine`, `admin123`), and a benchmark of real leaks is full of them.
pub fn is_unlikely_password(secret: &[u8], name: Option<&[u8]>) -> bool {
    let Ok(s) = std::str::from_utf8(secret) else {
        return true;
    };
    // Non-ASCII values are words of a language or test data (`ftp://😅:🙂@…`), rarely a password.
    if s.len() < 4 || s.len() > 128 || !s.is_ascii() || s.bytes().any(|b| b.is_ascii_whitespace() || b < 0x20) {
        return true;
    }
    // Masked (`:****`, `p***d`).
    if s.contains("***") {
        return true;
    }
    // A version (`rpassword = "7.4.0"` in a manifest), not a password.
    let v = s.trim_start_matches(['^', '~', '=', '>', '<', 'v']);
    if v.contains('.') && v.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return true;
    }
    let lower = s.to_ascii_lowercase();
    let letters: String = lower.chars().filter(char::is_ascii_alphanumeric).collect();
    if is_stock_password(secret) {
        return true;
    }
    // The key's own name as its value (`DB_PASSWORD: db_password`), or the name it would be read from.
    if let Some(name) = name {
        let key: String =
            name.iter().filter(|b| b.is_ascii_alphanumeric()).map(|b| b.to_ascii_lowercase() as char).collect();
        if !letters.is_empty() && (key == letters || key.ends_with(&letters) && letters.len() >= 6) {
            return true;
        }
    }
    // Code: references to where the value lives, calls, members, paths, file names, URLs.
    if vocabulary::filters().password_code.iter().any(|c| lower.contains(c.as_str())) {
        return true;
    }
    let b = s.as_bytes();
    // `@env:AC_PASSWORD`, `@Value`: a reference a tool resolves. Two or more `%XX`: URL-encoded test data.
    if b[0] == b'@'
        || b.windows(3).filter(|w| w[0] == b'%' && w[1].is_ascii_hexdigit() && w[2].is_ascii_hexdigit()).count() >= 2
    {
        return true;
    }
    if b.windows(2).any(|w| (w[0].is_ascii_alphanumeric() || w[0] == b'_') && w[1] == b'(') {
        return true;
    }
    if matches!(b[0], b'/' | b'~' | b'!' | b'&' | b'*' | b'@' | b'%')
        && b[1..].iter().all(|&c| c.is_ascii_alphanumeric() || b"_-./".contains(&c))
    {
        return true;
    }
    if s.starts_with("./") || s.starts_with("../") || s.matches('/').count() >= 2 {
        return true;
    }
    if vocabulary::filters().file_suffixes.iter().any(|e| lower.ends_with(e.as_str())) {
        return true;
    }
    let is_name_part = |p: &str| {
        !p.is_empty()
            && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            && p.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
    };
    if s.contains('.') && s.split('.').all(is_name_part) && s.split('.').count() >= 2 && !s.ends_with('.') {
        return true;
    }
    // Identifiers: letters and `_`/`-` only, shaped like code rather than a chosen word.
    if b.iter().all(|&c| c.is_ascii_alphabetic() || c == b'_' || c == b'-') {
        // camelCase made of words (`passwordField`), not random mixed case (`PEQGxgUpytqnq`).
        let camel = b.windows(2).any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase())
            && name_pieces(b).iter().all(|p| wordish(p) || matches!(p.as_slice(), b"pwd" | b"pw" | b"pass"));
        let upper = b.iter().all(|&c| !c.is_ascii_lowercase());
        let pieces = s.split(['_', '-']).filter(|p| !p.is_empty()).count();
        let names_a_password = lower.contains("password") || lower.contains("passwd");
        if camel || upper || pieces >= 3 || (pieces >= 2 && names_a_password) {
            return true;
        }
    }
    false
}

/// Whether a key name says a hex value under it is the secret itself, not a digest.
fn names_a_hex_secret(name: &[u8]) -> bool {
    let lower = name.to_ascii_lowercase();
    [&b"token"[..], b"key", b"salt", b"bearer"].iter().any(|w| memchr::memmem::find(&lower, w).is_some())
}

/// Whether a password rule's value is a stock word put where a password goes (`changeme`, `password123`,
/// `secret`): a placeholder, not a password.
pub fn is_stock_password(secret: &[u8]) -> bool {
    let lower = secret.to_ascii_lowercase();
    let letters: String = lower.iter().filter(|b| b.is_ascii_alphanumeric()).map(|&b| b as char).collect();
    let Ok(lower) = std::str::from_utf8(&lower) else {
        return false;
    };
    let not_passwords = &vocabulary::filters().not_passwords;
    if not_passwords.iter().any(|w| *w == lower || *w == letters) {
        return true;
    }
    // `password123`, `secret1`, `Password!`: the stock word with digits or symbols tacked on.
    let stem = letters.trim_end_matches(|c: char| c.is_ascii_digit());
    // `your_password`, `YourSecret1`: a slot to fill in.
    matches!(stem, "password" | "passwd" | "secret" | "changeme" | "test" | "example") || letters.starts_with("your")
}

/// Names of signing and hashing algorithms and their scopes, which stand where a key's value would
/// (`signingKey: "aws4_request"`, `secretAlgorithm: "HmacSHA256"`); `s` is lowercase.
fn is_algorithm_name(s: &str) -> bool {
    const EXACT: &[&str] = &["aws4_request", "aws4-hmac-sha256", "aws4-ecdsa-p256-sha256", "goog4_request"];
    const FAMILIES: &[&str] = &["hmacsha", "hmac-sha", "hmac_sha", "sha", "hs", "rs", "es", "ps", "hmac_", "rsa_"];
    EXACT.contains(&s)
        || s.starts_with("ecc_nist_")
        || s.starts_with("ecc_secg_")
        || FAMILIES.iter().any(|f| {
            s.strip_prefix(f).is_some_and(|bits| {
                matches!(
                    bits.trim_start_matches(['-', '_']),
                    "1" | "224" | "256" | "384" | "512" | "1024" | "2048" | "3072" | "4096"
                )
            })
        })
}

/// Extra filters for generic rules (`password = "…"`): the value must look like a credential, not like
/// code, an identifier, a hash, a UUID or a path.
pub fn is_unlikely_generic_secret(secret: &[u8], name: Option<&[u8]>) -> bool {
    let Ok(s) = std::str::from_utf8(secret) else {
        return true;
    };
    let lower = s.to_ascii_lowercase();
    // References to where the secret really lives.
    if vocabulary::filters().generic_code.iter().any(|c| lower.contains(c.as_str())) {
        return true;
    }
    if is_algorithm_name(&lower) {
        return true;
    }
    if s.starts_with('$') || s.starts_with('%') || s.starts_with('@') {
        return true;
    }
    // `.data-api` (Bootstrap's event namespace), `./creds.json`: names and relative paths.
    if s.starts_with('.') {
        return true;
    }
    // Words of another language (`API-Schlüssel`): keys and tokens are ASCII.
    if !s.is_ascii() {
        return true;
    }
    // Version ranges in manifests and lock files (`^3.186.0`, `~1.2`, `>=2.0.0`).
    let version = s.trim_start_matches(['^', '~', '>', '<', '=', 'v']);
    if version.len() < s.len() || version.split('.').count() >= 3 {
        let parts: Vec<&str> = version.split(['.', '-', '+']).collect();
        if parts.len() >= 2 && !parts[0].is_empty() && parts[0].bytes().all(|b| b.is_ascii_digit()) {
            return true;
        }
    }
    // YAML anchors and aliases (`&defaults`, `*db_password`); a password may start with either too.
    if (s.starts_with('*') || s.starts_with('&'))
        && s[1..].bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    {
        return true;
    }
    if s.contains('(') || s.contains(')') || s.contains('[') || s.contains(' ') || s.contains('{') || s.contains('}') {
        return true;
    }
    // Dates and times (`2016-09-21T17:19:04Z`).
    if s.len() >= 10 && s.as_bytes()[..4].iter().all(u8::is_ascii_digit) && s.as_bytes()[4] == b'-' {
        return true;
    }
    // `Type::VARIANT`, `:symbol`, `#colour`, `0x…` constants.
    if s.contains("::") || s.starts_with(':') || s.starts_with('#') || s.starts_with("0x") {
        return true;
    }
    // Paths and dotted identifiers (`foo.bar.baz`, `a/b/c`).
    if s.matches('/').count() >= 2 && !s.contains('+') && !s.ends_with('=') {
        return true;
    }
    let is_name_part = |p: &str| {
        !p.is_empty()
            && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            && p.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
    };
    if s.contains('.') && s.split('.').all(is_name_part) {
        return true;
    }
    // Namespaced names (`serverlessrepo:applicationId`, `aws:kms`): words joined by colons.
    let is_word = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphabetic() || b == b'_' || b == b'-');
    if s.contains(':') && s.split(':').all(is_word) {
        return true;
    }
    // A 40/64/128-hex value is a digest (a git SHA, a checksum, a fingerprint) unless its name says it is
    // a token, key or salt (GitHub's older OAuth tokens, Rails' secret_key_base, password salts).
    if is_uuid(s) || (is_hex_digest(s) && !name.is_some_and(names_a_hex_secret)) {
        return true;
    }
    // Short lower-case hex: ids and truncated hashes, not keys.
    if s.len() <= 24 && s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)) {
        return true;
    }
    // Identifiers: letters and separators only, no digits (`myPasswordField`, `DB_PASSWORD`).
    let has_digit = s.bytes().any(|b| b.is_ascii_digit());
    let has_upper = s.bytes().any(|b| b.is_ascii_uppercase());
    let has_lower = s.bytes().any(|b| b.is_ascii_lowercase());
    let has_symbol = s.bytes().any(|b| !b.is_ascii_alphanumeric() && b != b'_' && b != b'-');
    if !has_digit && !has_symbol {
        let is_ident = s.bytes().all(|b| b.is_ascii_alphabetic() || b == b'_' || b == b'-');
        // A random mixed-case string of 20+ letters can be a key; short or single-case words are names.
        if is_ident && (s.len() < 20 || !(has_upper && has_lower) || looks_like_words(s)) {
            return true;
        }
    }
    false
}

/// For generic rules: a key name that says the value is not a secret even though the name mentions
/// one (`NextToken`, `token_type`, `password_min_length`, `api_key_id`, `TOKEN_PREFIX`).
pub fn is_non_secret_name(name: &[u8]) -> bool {
    let lower = name.to_ascii_lowercase();
    // Whole pieces of the name (`elastic` holds `last`, `account` holds `count`, `latest` holds `test`):
    // a word matches a piece, its plural, or, for the few stems below, the start of one.
    let pieces = name_pieces(name);
    let joined: Vec<u8> = pieces.concat();
    let words = vocabulary::filters();
    if pieces.iter().any(|p| {
        words.non_secret_name_words.iter().any(|w| {
            let w = w.as_bytes();
            let w = w.strip_prefix(b"_").unwrap_or(w);
            p.as_slice() == w
                || (p.len() == w.len() + 1 && p.starts_with(w) && p.ends_with(b"s"))
                || (words.non_secret_name_stems.iter().any(|st| st.as_bytes() == w) && p.starts_with(w))
        })
    }) || [&b"clienttoken"[..], b"nexttoken", b"pagetoken"]
        .iter()
        .any(|c| memchr::memmem::find(&joined, c).is_some())
    {
        return true;
    }
    // Where the secret is, not the secret: `*_url`, `redirectUri`, `url_*` (as whole pieces: `security`
    // holds `uri`).
    let piece = |w: &[u8]| {
        lower.ends_with(w)
            || lower.windows(w.len() + 1).any(|x| {
                (x[..w.len()] == *w && !x[w.len()].is_ascii_alphanumeric())
                    || (x[1..] == *w && !x[0].is_ascii_alphanumeric())
            })
            || lower.starts_with(w)
    };
    if piece(b"url") || piece(b"uri") {
        return true;
    }
    // A program that produces the secret (`credential-process`, `credential_helper`, `password_command`).
    const PROGRAM: &[&[u8]] = &[b"process", b"helper", b"command", b"cmd", b"program", b"exec"];
    if PROGRAM.iter().any(|w| lower.ends_with(w)) {
        return true;
    }
    // `…Id` / `…_id`: an identifier, not the secret itself.
    lower.ends_with(b"id") && !lower.ends_with(b"oid") && !lower.ends_with(b"uid")
}

/// A lower-case piece that reads as a word: it has a vowel and no run of four consonants.
fn wordish(p: &[u8]) -> bool {
    let vowel = |c: &u8| b"aeiou".contains(c);
    let mut run = 0;
    for c in p {
        run = if vowel(c) || !c.is_ascii_alphabetic() { 0 } else { run + 1 };
        if run >= 4 {
            return false;
        }
    }
    p.iter().any(vowel)
}

/// A name's pieces, lower-cased: split at every character that is not a letter or digit and where
/// camelCase starts a new word (`elasticsearch.password` -> elasticsearch, password; `nextToken` -> next,
/// token; `DB_PASSWORD` -> db, password).
fn name_pieces(name: &[u8]) -> Vec<Vec<u8>> {
    let mut pieces = Vec::new();
    let mut cur: Vec<u8> = Vec::new();
    for (i, &c) in name.iter().enumerate() {
        if !c.is_ascii_alphanumeric() {
            if !cur.is_empty() {
                pieces.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if c.is_ascii_uppercase() && i > 0 && name[i - 1].is_ascii_lowercase() && !cur.is_empty() {
            pieces.push(std::mem::take(&mut cur));
        }
        cur.push(c.to_ascii_lowercase());
    }
    if !cur.is_empty() {
        pieces.push(cur);
    }
    pieces
}

/// camelCase / snake_case made of word-like pieces (vowels present in each piece).
fn looks_like_words(s: &str) -> bool {
    let mut pieces = Vec::new();
    let mut cur = String::new();
    for c in s.chars() {
        if c == '_'
            || c == '-'
            || (c.is_ascii_uppercase()
                && !cur.is_empty()
                && !cur.chars().last().is_some_and(|p| p.is_ascii_uppercase()))
        {
            if !cur.is_empty() {
                pieces.push(std::mem::take(&mut cur));
            }
            if c == '_' || c == '-' {
                continue;
            }
        }
        cur.push(c);
    }
    if !cur.is_empty() {
        pieces.push(cur);
    }
    pieces.len() >= 2 && pieces.iter().all(|p| p.len() <= 12 && p.chars().any(|c| "aeiouyAEIOUY".contains(c)))
}

/// Whether `s` is a UUID in its canonical hyphenated form.
pub(crate) fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(
            |(i, &c)| {
                if matches!(i, 8 | 13 | 18 | 23) {
                    c == b'-'
                } else {
                    c.is_ascii_hexdigit()
                }
            },
        )
}

/// sha1/sha256/sha512 hex digests (git SHAs, checksums), all of one case. 32 hex characters is left out:
/// as long as an md5, but also the most common shape of API keys (Datadog, Mailgun, New Relic, …).
pub fn is_hex_digest(s: &str) -> bool {
    matches!(s.len(), 40 | 64 | 128)
        && s.bytes().all(|c| c.is_ascii_hexdigit())
        && (s.bytes().all(|c| !c.is_ascii_uppercase()) || s.bytes().all(|c| !c.is_ascii_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders() {
        for p in [
            "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx",
            "YOUR_API_KEY_HERE",
            "${STRIPE_KEY}",
            "<token>",
            "changeme123",
            "AKIAIOSFODNN7EXAMPLE",
            "aaaaaaaaaaaaaaaa",
            // An AWS documentation session token: long, so only its EXAMPLE marker gives it away.
            "IQoJb3JpZ2luX2VjEOz////////////////////wEXAMPLEtMSJHMEUCIDoKK3JH9uGQE1z0sINr5M4jk+Na8KHDcCYRVjJCZEvOAiEA3OvJGtw",
        ] {
            assert!(is_placeholder(p.as_bytes()), "{p}");
        }
        for real in ["sk_live_4fJ9kQ2mZx7LpR8tV1wY3bN6", "Zq8#mT2!vL9pW4rX"] {
            assert!(!is_placeholder(real.as_bytes()), "{real}");
        }
    }

    #[test]
    fn generic_values() {
        for code in [
            "os.environ['X']",
            "process.env.TOKEN",
            "${DB_PASS}",
            "self.password",
            "config.db.password",
            "myPasswordField",
            "DB_PASSWORD",
            "550e8400-e29b-41d4-a716-446655440000",
            "/usr/local/bin/thing",
            "*db_password",
            "&defaults",
            "serverlessrepo:applicationId",
            "aws4_request",
            "HmacSHA256",
            "AWS4-HMAC-SHA256",
            "RSA_2048",
            "ECC_NIST_P256",
        ] {
            assert!(is_unlikely_generic_secret(code.as_bytes(), None), "{code}");
        }
        for real in [
            "Zq8mT2vL9pW4rXk3",
            "hQ7xN2pL5vR8tK1m",
            "s3cr3t-P4ssw0rd!",
            "AbCdEfGhIjKlMnOpQrStUvWxYz",
            "*Kx9#mP2vQ7!",
            "&Vq3:Lz8w",
        ] {
            assert!(!is_unlikely_generic_secret(real.as_bytes(), None), "{real}");
        }
    }

    #[test]
    fn password_values() {
        for not in [
            "password",
            "Password123",
            "changeme",
            "CHANGEME",
            "${DB_PASS}",
            "$DB_PASS",
            "%DB_PASS%",
            "<password>",
            "****",
            "xxxxxxxx",
            "os.environ['P']",
            "getPassword()",
            "config.db.password",
            "passwordField",
            "DB_PASSWORD",
            "my_db_password_value",
            "./secrets/pw.txt",
            "db.key",
            "required|min:8",
            "scram-sha-256",
            "@env:AC_PASSWORD",
            "%20!%22$%&",
            "pw",
            "has space",
            "7.4.0",
            "^4.0.5",
        ] {
            assert!(is_template(not.as_bytes()) || is_unlikely_password(not.as_bytes(), None), "{not}");
        }
        assert!(is_unlikely_password(b"db_password", Some(b"DB_PASSWORD")), "the key's own name");
        for real in ["sunshine", "hunter22", "admin123", "Pass!12345", "irc_pass", "S3cr3t-P4ss", "tulip", "1234567"] {
            assert!(
                !is_template(real.as_bytes()) && !is_unlikely_password(real.as_bytes(), Some(b"password")),
                "{real}"
            );
        }
        // A credential file's value: only templates are not the credential.
        assert!(!is_template(b"$6$salt$hash") && !is_template(b"$apr1$tp8glkbm$fjg65tI1e"));
    }

    #[test]
    fn hex_digests_are_secrets_only_under_token_key_or_salt_names() {
        let sha1 = b"da39a3ee5e6b4b0d3255bfef95601890afd80709";
        assert!(is_unlikely_generic_secret(sha1, None) && is_unlikely_generic_secret(sha1, Some(b"secret")));
        assert!(!is_unlikely_generic_secret(sha1, Some(b"oauth_token")));
        assert!(!is_unlikely_generic_secret(sha1, Some(b"password_salt")));
    }

    #[test]
    fn digest_names_are_not_secret_names() {
        for name in ["commit_sha256", "integrity", "fileChecksum", "etag", "revision_token"] {
            assert!(is_non_secret_name(name.as_bytes()), "{name}");
        }
        assert!(!is_non_secret_name(b"oauth_token") && !is_non_secret_name(b"secret_key_base"));
    }
}
