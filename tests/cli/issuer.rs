//! The full loop an API vendor runs: an issuer that keeps only bcrypt hashes and display prefixes of its
//! keys receives leakhound's webhook, verifies the signature, finds the key by prefix, checks it against
//! the hash and revokes it; afterwards its API answers 401 for the key.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::support::*;

const SIGNING_KEY: &str = "issuer-shared-signing-key-5b1f";

struct StoredKey {
    prefix: String,
    hash: String,
    revoked: bool,
}

/// The issuer's HTTP service: `GET /v1/me` (the API) and `POST /leak` (the webhook).
fn issuer(keys: Vec<StoredKey>, life: Duration) -> (String, Arc<Mutex<Vec<StoredKey>>>) {
    let srv = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let base = format!("http://{}", srv.server_addr().to_ip().unwrap());
    let db = Arc::new(Mutex::new(keys));
    let store = Arc::clone(&db);
    std::thread::spawn(move || {
        let deadline = Instant::now() + life;
        let mut seen_keys: HashMap<String, ()> = HashMap::new();
        while Instant::now() < deadline {
            let Ok(Some(mut req)) = srv.recv_timeout(Duration::from_millis(50)) else { continue };
            let header = |name: &str| {
                req.headers()
                    .iter()
                    .find(|h| h.field.as_str().as_str().eq_ignore_ascii_case(name))
                    .map(|h| h.value.to_string())
            };
            let (status, text) = match req.url() {
                "/v1/me" => {
                    let token = header("Authorization").unwrap_or_default().trim_start_matches("Bearer ").to_string();
                    let ok = store
                        .lock()
                        .unwrap()
                        .iter()
                        .any(|k| !k.revoked && bcrypt::verify(&token, &k.hash).unwrap_or(false));
                    if ok {
                        (200, "{\"ok\":true}")
                    } else {
                        (401, "{\"error\":\"invalid api key\"}")
                    }
                }
                "/leak" => {
                    let sig = header("X-Leakhound-Signature").unwrap_or_default();
                    let idem = header("Idempotency-Key").unwrap_or_default();
                    let mut body = String::new();
                    let _ = req.as_reader().read_to_string(&mut body);
                    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
                    if !leakhound::notify::sign::verify(SIGNING_KEY.as_bytes(), &sig, &body, now, 300) {
                        (401, "bad signature")
                    } else if seen_keys.insert(idem, ()).is_some() {
                        (200, "duplicate")
                    } else {
                        let v: serde_json::Value = serde_json::from_str(&body).unwrap_or_default();
                        let token = v["secret"]["token"].as_str().unwrap_or_default().to_string();
                        let mut db = store.lock().unwrap();
                        // Look up by display prefix, confirm with the hash, revoke.
                        match db
                            .iter_mut()
                            .find(|k| token.starts_with(&k.prefix) && bcrypt::verify(&token, &k.hash).unwrap_or(false))
                        {
                            Some(k) => {
                                k.revoked = true;
                                (200, "revoked")
                            }
                            None => (404, "unknown key"),
                        }
                    }
                }
                _ => (404, "not found"),
            };
            let _ = req.respond(tiny_http::Response::from_string(text).with_status_code(status));
        }
    });
    (base, db)
}

fn call_api(base: &str, token: &str) -> u16 {
    let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
    agent
        .get(format!("{base}/v1/me"))
        .header("Authorization", format!("Bearer {token}"))
        .call()
        .unwrap()
        .status()
        .as_u16()
}

#[test]
fn a_leaked_key_is_revoked_by_its_issuer_within_the_scan() {
    let key = stripe_key(300);
    let other = stripe_key(301);
    let stored = |k: &str| StoredKey { prefix: k[..12].to_string(), hash: bcrypt::hash(k, 4).unwrap(), revoked: false };
    let (base, db) = issuer(vec![stored(&key), stored(&other)], Duration::from_secs(20));
    assert_eq!(call_api(&base, &key), 200, "the key works before the leak is found");

    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "deploy/prod.env", format!("PAYMENTS_KEY={key}\n"));
    // The user's own config (never one inside the scanned tree) may send the token to its issuer.
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("leakhound.toml");
    std::fs::write(
        &config,
        format!("[[webhooks]]\nurl = \"{base}/leak\"\nrules = [\"stripe-live-secret-key\"]\ninclude_token = true\nsecret_env = \"ISSUER_SIGNING_KEY\"\n"),
    )
    .unwrap();
    let o = leakhound()
        .current_dir(dir.path())
        .args(["scan", "--no-git", "--format", "json", "--config"])
        .arg(&config)
        .arg(".")
        .env("ISSUER_SIGNING_KEY", SIGNING_KEY)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let r: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(r["findings"][0]["delivery"][0]["status"], "delivered");

    assert_eq!(call_api(&base, &key), 401, "the leaked key no longer works");
    assert_eq!(call_api(&base, &other), 200, "other keys are untouched");
    assert!(db.lock().unwrap().iter().filter(|k| k.revoked).count() == 1);
}
