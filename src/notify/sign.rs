//! `X-Leakhound-Signature: t=<unix>,v1=<hex HMAC-SHA256(key, "<t>.<body>")>` (Stripe's scheme: the
//! timestamp inside the MAC lets receivers reject replays older than their window).

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// The `X-Leakhound-Signature` header value for `body` sent at `timestamp` (Unix seconds).
pub fn signature(key: &[u8], timestamp: u64, body: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body.as_bytes());
    format!("t={timestamp},v1={}", hex::encode(mac.finalize().into_bytes()))
}

/// Receiver side (tests and the README's example): constant-time check and a replay window.
pub fn verify(key: &[u8], header: &str, body: &str, now: u64, tolerance_secs: u64) -> bool {
    let mut t = None;
    let mut v1 = None;
    for part in header.split(',') {
        match part.split_once('=') {
            Some(("t", v)) => t = v.parse::<u64>().ok(),
            Some(("v1", v)) => v1 = hex::decode(v).ok(),
            _ => {}
        }
    }
    let (Some(t), Some(v1)) = (t, v1) else { return false };
    if now.abs_diff(t) > tolerance_secs {
        return false;
    }
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(t.to_string().as_bytes());
    mac.update(b".");
    mac.update(body.as_bytes());
    mac.verify_slice(&v1).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signature_verifies_with_the_key_only_and_within_the_window() {
        let h = signature(b"k1", 1_700_000_000, "{}");
        assert!(h.starts_with("t=1700000000,v1="));
        assert!(verify(b"k1", &h, "{}", 1_700_000_100, 300));
        assert!(!verify(b"k2", &h, "{}", 1_700_000_100, 300));
        assert!(!verify(b"k1", &h, "{ }", 1_700_000_100, 300));
        assert!(!verify(b"k1", &h, "{}", 1_700_000_400, 300));
    }
}
