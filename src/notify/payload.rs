//! The JSON body of a notice (documented in README.md, "Revoke webhook"). It identifies the key by
//! prefix, last four characters, length and sha256; the raw token only when the webhook asks for it.

use serde_json::{json, Value};

use crate::finding::{secret_sha256, Finding};

/// Version of the notice body's format, sent in it as `schema_version`.
pub const SCHEMA_VERSION: u32 = 1;

/// The notice body for `f`, found by a rule of `provider`; the raw token only with `include_token`.
/// `redact` is applied to text from the scanned tree (path, commit message, author).
pub fn body(f: &Finding, provider: &str, include_token: bool, redact: &dyn Fn(&str) -> String) -> String {
    let commit = f.origin.commit().map(|c| {
        json!({ "sha": c.sha, "author_name": redact(&c.author_name), "author_email": redact(&c.author_email), "date": c.date, "summary": redact(&c.summary) })
    });
    let mut secret = json!({
        "prefix": f.secret.prefix(),
        "last4": f.secret.last4(),
        "length": f.secret.len(),
        "sha256": secret_sha256(&f.secret),
    });
    if include_token {
        secret["token"] = Value::String(f.secret.expose().to_string());
    }
    let v = json!({
        "schema_version": SCHEMA_VERSION,
        "event": "secret.leaked",
        "tool": { "name": "leakhound", "version": env!("CARGO_PKG_VERSION") },
        "idempotency_key": f.fingerprints.secret,
        "rule": { "id": f.rule_id, "name": f.rule_name, "provider": provider, "severity": f.severity.as_str() },
        "confidence": f.confidence.as_str(),
        "provider_evidence": f.attribution.as_ref().map(|a| redact(&a.evidence)),
        "location": {
            "origin": f.origin.kind(),
            "path": redact(f.origin.path()),
            "line": f.line,
            "column": f.column,
            "commit": commit,
            "decoded": f.decoded.map(|e| e.as_str()),
        },
        "secret": secret,
    });
    v.to_string()
}

/// The body with any raw token replaced, for logs and `--revoke-dry-run`.
pub fn redacted_body(body: &str) -> String {
    match serde_json::from_str::<Value>(body) {
        Ok(mut v) => {
            if let Some(t) = v.pointer_mut("/secret/token") {
                let shown = t.as_str().map(|s| crate::redact::Secret::new(s).redacted()).unwrap_or_default();
                *t = Value::String(shown);
            }
            v.to_string()
        }
        Err(_) => "<unparsable body>".into(),
    }
}
