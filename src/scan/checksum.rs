//! Named validators a rule can require of its secret (`checksum = "…"`): a structural or checksum test
//! that a random string of the right shape almost never passes.

use base64::Engine;

use crate::rules::Checksum;

/// Whether a failed check still leaves a credential-shaped value worth reporting. GitHub and npm token
/// checksums tell a token GitHub issued from one typed by hand (test fixtures, planted samples), but
/// the shape alone is already specific; the other checks are structural (a JWT that does not decode is
/// not a JWT), so failing them means no finding.
pub fn failure_is_soft(check: Checksum) -> bool {
    check == Checksum::GithubCrc32
}

/// Whether `secret` passes the validator `check`.
pub(crate) fn check(check: Checksum, secret: &[u8]) -> bool {
    match check {
        Checksum::GithubCrc32 => github_crc32(secret),
        Checksum::Jwt => jwt(secret),
        Checksum::Base58Of64 => bs58::decode(secret).into_vec().is_ok_and(|v| v.len() == 64),
        Checksum::ByteArrayOf64 => byte_array_64(secret),
        Checksum::Base64UserPass => base64_user_pass(secret),
    }
}

const BASE62: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// GitHub (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`) and npm (`npm_`) tokens: 4-character prefix, 30 random
/// base62 characters, then the CRC32 of those 30 characters in base62, zero-padded to 6.
fn github_crc32(token: &[u8]) -> bool {
    if token.len() != 40 {
        return false;
    }
    let (body, sum) = token[4..].split_at(30);
    base62_6(crc32fast::hash(body)) == sum
}

/// `n` as six base62 digits, zero-padded: the checksum suffix of GitHub and npm tokens.
pub fn base62_6(mut n: u32) -> [u8; 6] {
    let mut out = [b'0'; 6];
    for slot in out.iter_mut().rev() {
        *slot = BASE62[(n % 62) as usize];
        n /= 62;
    }
    out
}

/// A JWT whose header is base64url JSON naming an algorithm and whose payload is base64url JSON.
fn jwt(token: &[u8]) -> bool {
    let mut parts = token.split(|&b| b == b'.');
    let (Some(h), Some(p)) = (parts.next(), parts.next()) else {
        return false;
    };
    let json = |part: &[u8]| -> Option<serde_json::Value> {
        let raw =
            base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(part.strip_suffix(b"=").unwrap_or(part)).ok()?;
        serde_json::from_slice(&raw).ok()
    };
    matches!(json(h), Some(serde_json::Value::Object(m)) if m.contains_key("alg") || m.contains_key("typ"))
        && matches!(json(p), Some(serde_json::Value::Object(_)))
}

/// Base64 of `user:password` (HTTP basic auth, Docker's config.json `auth`), both parts printable.
fn base64_user_pass(s: &[u8]) -> bool {
    // Padding is optional: Docker writes it, hand-made configs and some tools do not.
    const LENIENT: base64::engine::GeneralPurpose = base64::engine::GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        base64::engine::GeneralPurposeConfig::new()
            .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent),
    );
    let Ok(raw) = LENIENT.decode(s) else {
        return false;
    };
    let Ok(text) = std::str::from_utf8(&raw) else {
        return false;
    };
    match text.split_once(':') {
        Some((user, pass)) => {
            !user.is_empty()
                && pass.len() >= 3
                && text.chars().all(|c| c.is_ascii_graphic() || c == ' ')
                && !is_dummy_password(pass)
        }
        None => false,
    }
}

/// Documentation values (`user:password`, `admin:changeme`, `me:<token>`), not credentials.
fn is_dummy_password(pass: &str) -> bool {
    const WORDS: &[&str] = &["password", "passwd", "pass", "pwd", "secret", "test", "admin", "root", "token", "apikey"];
    WORDS.contains(&pass.to_ascii_lowercase().as_str()) || super::filters::is_placeholder(pass.as_bytes())
}

/// `[12, 255, …]`: exactly 64 integers, each 0-255 (a Solana CLI keypair file), not all alike.
fn byte_array_64(s: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(s) else {
        return false;
    };
    let inner = text.trim().trim_start_matches('[').trim_end_matches(']');
    let nums: Vec<u32> = match inner.split(',').map(|x| x.trim().parse::<u32>()).collect() {
        Ok(v) => v,
        Err(_) => return false,
    };
    nums.len() == 64
        && nums.iter().all(|&n| n <= 255)
        && nums.iter().collect::<std::collections::HashSet<_>>().len() > 16
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Builds a token with a correct checksum, as GitHub would.
    pub fn github_token(prefix: &str, body: &str) -> String {
        let sum = base62_6(crc32fast::hash(body.as_bytes()));
        format!("{prefix}{body}{}", std::str::from_utf8(&sum).unwrap())
    }

    #[test]
    fn github_checksum_accepts_valid_and_rejects_altered() {
        let t = github_token("ghp_", "aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1");
        assert!(check(Checksum::GithubCrc32, t.as_bytes()));
        let mut bad = t.into_bytes();
        bad[10] = if bad[10] == b'x' { b'y' } else { b'x' };
        assert!(!check(Checksum::GithubCrc32, &bad));
    }

    #[test]
    fn jwt_needs_json_header_and_payload() {
        let jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJl";
        assert!(check(Checksum::Jwt, jwt.as_bytes()));
        assert!(!check(Checksum::Jwt, b"eyJhbGciOi.bm90anNvbg.sig"));
    }

    #[test]
    fn base64_user_pass_needs_a_colon_and_printable_text() {
        assert!(check(Checksum::Base64UserPass, b"ZGVwbG95OnMzY3JldC12YWx1ZQ=="));
        assert!(!check(Checksum::Base64UserPass, b"b2F1dGgy"));
        // user:password and admin:<token> are documentation, not credentials.
        assert!(!check(Checksum::Base64UserPass, b"dXNlcjpwYXNzd29yZA=="));
        assert!(!check(Checksum::Base64UserPass, b"YWRtaW46PHRva2VuPg=="));
    }

    #[test]
    fn byte_array_needs_64_bytes() {
        let arr: Vec<String> = (0..64).map(|i| ((i * 37) % 256).to_string()).collect();
        assert!(check(Checksum::ByteArrayOf64, format!("[{}]", arr.join(",")).as_bytes()));
        assert!(!check(Checksum::ByteArrayOf64, format!("[{}]", arr[..63].join(",")).as_bytes()));
        assert!(!check(Checksum::ByteArrayOf64, b"[300,1,2]"));
    }
}
