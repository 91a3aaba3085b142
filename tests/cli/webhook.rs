//! The revoke webhook against real HTTP servers on 127.0.0.1 started by the tests.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use leakhound::notify::sign;

use crate::support::*;

pub const KEY: &str = "whk_test_signing_key_0123456789";

/// One request the server saw.
#[derive(Clone, Debug)]
pub struct Seen {
    pub headers: HashMap<String, String>,
    pub body: String,
}

pub enum Reply {
    Status(u16),
    /// Hold the connection without answering.
    Hang(Duration),
}

/// A bounded test server: answers with `replies` in order (then 200), for at most `life`.
pub struct Server {
    pub url: String,
    pub seen: Arc<Mutex<Vec<Seen>>>,
}

pub fn server(replies: Vec<Reply>, life: Duration) -> Server {
    let srv = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let url = format!("http://{}/leak", srv.server_addr().to_ip().unwrap());
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = Arc::clone(&seen);
    std::thread::spawn(move || {
        let deadline = Instant::now() + life;
        let mut replies = replies.into_iter();
        while Instant::now() < deadline {
            let Ok(Some(mut req)) = srv.recv_timeout(Duration::from_millis(50)) else { continue };
            let mut body = String::new();
            let _ = req.as_reader().read_to_string(&mut body);
            let headers = req
                .headers()
                .iter()
                .map(|h| (h.field.as_str().as_str().to_ascii_lowercase(), h.value.to_string()))
                .collect();
            log.lock().unwrap().push(Seen { headers, body });
            match replies.next().unwrap_or(Reply::Status(200)) {
                Reply::Status(code) => {
                    let _ = req.respond(tiny_http::Response::from_string("ok").with_status_code(code));
                }
                Reply::Hang(d) => {
                    std::thread::sleep(d);
                    drop(req);
                }
            }
        }
    });
    Server { url, seen }
}

fn repo_with_key(seed: u64) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let key = stripe_key(seed);
    write(dir.path(), "config/settings.py", format!("STRIPE_KEY = \"{key}\"\n"));
    (dir, key)
}

/// The user's own config file (outside the scanned tree), with its outbox in the same place; returns
/// the `--config` arguments and the outbox path.
pub fn user_config(text: &str) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let home = tempfile::tempdir().unwrap();
    let outbox = home.path().join("outbox.sqlite3");
    let text = text.replace("[[webhooks]]\n", &format!("[[webhooks]]\noutbox = {:?}\n", outbox.to_str().unwrap()));
    let config = home.path().join("leakhound.toml");
    std::fs::write(&config, text).unwrap();
    (home, config, outbox)
}

/// Bytes of an outbox database and its write-ahead log, for "the token is (not) in it" checks.
pub fn outbox_bytes(path: &Path) -> Vec<u8> {
    let mut b = std::fs::read(path).unwrap_or_default();
    b.extend(std::fs::read(path.with_extension("sqlite3-wal")).unwrap_or_default());
    b
}

pub fn waiting(path: &Path) -> usize {
    leakhound::notify::outbox::Outbox::open_existing(path).unwrap().len().unwrap()
}

pub fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

fn scan_with(dir: &Path, args: &[&str], env_key: Option<&str>) -> std::process::Output {
    let mut c = leakhound();
    c.current_dir(dir).args(["scan", "--no-git", "--format", "json"]).args(args).arg(".");
    if let Some(k) = env_key {
        c.env("LEAKHOUND_WEBHOOK_SECRET", k);
    }
    c.output().unwrap()
}

fn report(o: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}{}", stdout(o), stderr(o)))
}

#[test]
fn signed_notice_verifies_with_the_key_and_not_another() {
    let (dir, key) = repo_with_key(200);
    let srv = server(vec![], Duration::from_secs(10));
    let o = scan_with(dir.path(), &["--revoke-webhook", &srv.url], Some(KEY));
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let seen = srv.seen.lock().unwrap().clone();
    assert_eq!(seen.len(), 1);
    let s = &seen[0];
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    let sig = &s.headers["x-leakhound-signature"];
    assert!(sign::verify(KEY.as_bytes(), sig, &s.body, now, 300));
    assert!(!sign::verify(b"another key", sig, &s.body, now, 300));
    assert_eq!(s.headers["content-type"], "application/json");
    assert!(s.headers["user-agent"].starts_with("leakhound/"));
    let body: serde_json::Value = serde_json::from_str(&s.body).unwrap();
    let r = report(&o);
    assert_eq!(s.headers["idempotency-key"], r["findings"][0]["fingerprints"]["secret"].as_str().unwrap());
    assert_eq!(body["schema_version"], 1);
    assert_eq!(body["rule"]["id"], "stripe-live-secret-key");
    assert_eq!(body["rule"]["provider"], "stripe");
    assert_eq!(body["location"]["path"], "config/settings.py");
    assert_eq!(body["secret"]["prefix"], "sk_live_");
    assert_eq!(body["secret"]["last4"], &key[key.len() - 4..]);
    assert_eq!(body["secret"]["length"], key.len());
    assert!(body["secret"].get("token").is_none());
    assert!(!s.body.contains(&key) && !stderr(&o).contains(&key) && !stdout(&o).contains(&key));
    assert_eq!(r["findings"][0]["delivery"][0]["status"], "delivered");
}

#[test]
fn server_errors_are_retried_with_the_same_idempotency_key() {
    let (dir, _) = repo_with_key(201);
    let srv = server(vec![Reply::Status(503), Reply::Status(503), Reply::Status(200)], Duration::from_secs(15));
    let (_home, config, outbox) = user_config(&format!("[[webhooks]]\nurl = \"{}\"\n", srv.url));
    let o = scan_with(dir.path(), &["--config", config.to_str().unwrap()], Some(KEY));
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let seen = srv.seen.lock().unwrap().clone();
    assert_eq!(seen.len(), 3);
    assert!(seen.iter().all(|s| s.headers["idempotency-key"] == seen[0].headers["idempotency-key"]));
    assert!(seen.iter().all(|s| s.body == seen[0].body), "the same body every attempt");
    let d = &report(&o)["findings"][0]["delivery"][0];
    assert_eq!(
        (d["status"].as_str(), d["attempts"].as_u64(), d["http_status"].as_u64()),
        (Some("delivered"), Some(3), Some(200))
    );
    assert_eq!(waiting(&outbox), 0, "delivered notices leave the outbox");
}

#[test]
fn client_error_is_not_retried_and_goes_to_report_and_outbox() {
    let (dir, key) = repo_with_key(202);
    let srv = server(vec![Reply::Status(400)], Duration::from_secs(10));
    let (_home, config, outbox) = user_config(&format!("[[webhooks]]\nurl = \"{}\"\n", srv.url));
    let o = scan_with(dir.path(), &["--config", config.to_str().unwrap()], Some(KEY));
    assert_eq!(o.status.code(), Some(3), "a failed delivery has its own exit code: {}", stderr(&o));
    assert_eq!(srv.seen.lock().unwrap().len(), 1, "no retry on 400");
    let d = &report(&o)["findings"][0]["delivery"][0];
    assert_eq!((d["status"].as_str(), d["http_status"].as_u64()), (Some("failed"), Some(400)));
    assert_eq!(waiting(&outbox), 1);
    assert!(!contains(&outbox_bytes(&outbox), &key), "no raw token in the outbox unless configured");
    assert!(stderr(&o).contains("FAILED"), "{}", stderr(&o));
}

#[test]
fn a_server_that_never_answers_hits_the_timeout() {
    let (dir, _) = repo_with_key(203);
    let srv =
        server(vec![Reply::Hang(Duration::from_secs(4)), Reply::Hang(Duration::from_secs(4))], Duration::from_secs(12));
    let (_home, config, _) =
        user_config(&format!("[[webhooks]]\nurl = \"{}\"\ntimeout_secs = 1\nmax_attempts = 1\n", srv.url));
    let started = Instant::now();
    let o = scan_with(dir.path(), &["--config", config.to_str().unwrap()], Some(KEY));
    assert!(started.elapsed() < Duration::from_secs(4), "gave up at the timeout, not when the server did");
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    let d = &report(&o)["findings"][0]["delivery"][0];
    assert_eq!(d["status"], "failed");
    assert!(d["error"].as_str().unwrap().to_lowercase().contains("timeout"), "{d}");
}

#[test]
fn connection_refused_goes_to_the_outbox_and_notify_delivers_it_later() {
    let (dir, key) = repo_with_key(204);
    // A port with nothing listening: bind, note the port, close.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let url = format!("http://127.0.0.1:{port}/leak");
    let (_home, config, outbox) =
        user_config(&format!("[[webhooks]]\nurl = \"{url}\"\nmax_attempts = 2\ninclude_token = true\n"));
    let o = scan_with(dir.path(), &["--config", config.to_str().unwrap()], Some(KEY));
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    assert!(contains(&outbox_bytes(&outbox), &key), "configured to carry the token, so the outbox does");
    assert!(!stderr(&o).contains(&key), "but logs never do");
    // The receiver comes back on that port; `notify` delivers and empties the outbox.
    let srv = tiny_http::Server::http(format!("127.0.0.1:{port}")).unwrap();
    let got = Arc::new(Mutex::new(Vec::new()));
    let g = Arc::clone(&got);
    let t = std::thread::spawn(move || {
        if let Ok(Some(mut req)) = srv.recv_timeout(Duration::from_secs(10)) {
            let mut body = String::new();
            let _ = req.as_reader().read_to_string(&mut body);
            g.lock().unwrap().push(body);
            let _ = req.respond(tiny_http::Response::from_string("ok"));
        }
    });
    let o = leakhound()
        .current_dir(dir.path())
        .args(["notify", "--outbox"])
        .arg(&outbox)
        .env("LEAKHOUND_WEBHOOK_SECRET", KEY)
        .output()
        .unwrap();
    t.join().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("1 delivered, 0 still waiting"), "{}", stderr(&o));
    assert_eq!(waiting(&outbox), 0);
    let body: serde_json::Value = serde_json::from_str(&got.lock().unwrap()[0]).unwrap();
    assert_eq!(body["secret"]["token"], key.as_str());
}

#[test]
fn plain_http_to_a_remote_host_is_refused_before_connecting() {
    let (dir, _) = repo_with_key(205);
    let o = scan_with(dir.path(), &["--revoke-webhook", "http://hooks.example.com/leak"], Some(KEY));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("plain http is allowed only for loopback"), "{}", stderr(&o));
    assert!(o.stdout.is_empty(), "refused before scanning results are sent anywhere");
}

#[test]
fn dry_run_shows_redacted_notices_and_sends_nothing() {
    let (dir, key) = repo_with_key(206);
    let srv = server(vec![], Duration::from_secs(5));
    let (_home, config, _) = user_config(&format!("[[webhooks]]\nurl = \"{}\"\ninclude_token = true\n", srv.url));
    let o = scan_with(dir.path(), &["--revoke-dry-run", "--config", config.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    std::thread::sleep(Duration::from_millis(200));
    assert!(srv.seen.lock().unwrap().is_empty());
    assert!(stderr(&o).contains("dry run: would POST"), "{}", stderr(&o));
    assert!(!stderr(&o).contains(&key));
    assert_eq!(report(&o)["findings"][0]["delivery"][0]["status"], "dry-run");
}

#[test]
fn a_missing_signing_key_is_a_clear_error() {
    let (dir, _) = repo_with_key(207);
    let o = scan_with(dir.path(), &["--revoke-webhook", "http://127.0.0.1:9/leak"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("LEAKHOUND_WEBHOOK_SECRET is not set"), "{}", stderr(&o));
}

#[test]
fn without_a_webhook_no_socket_is_ever_opened() {
    let (dir, _) = repo_with_key(208);
    let trace = dir.path().join("trace.txt");
    let o = std::process::Command::new("strace")
        .args(["-f", "-e", "trace=socket,connect", "-o"])
        .arg(&trace)
        .arg(env!("CARGO_BIN_EXE_leakhound"))
        .args(["scan", "--no-git", "--format", "json"])
        .arg(dir.path().join("config"))
        .output()
        .expect("strace is installed (.ci/run installs it)");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let t = std::fs::read_to_string(&trace).unwrap();
    assert!(!t.contains("socket("), "no socket may be opened without a webhook:\n{t}");
}

#[test]
fn a_webhook_receives_only_the_keys_its_providers_filter_attributes_to_it() {
    let dir = tempfile::tempdir().unwrap();
    let (theirs, stripes) = (stripe_key(210), stripe_key(211));
    write(dir.path(), "billing/.env", format!("METIGAN_API_KEY={theirs}\nSTRIPE_SECRET_KEY={stripes}\n"));
    let srv = server(vec![], Duration::from_secs(10));
    let (_home, config, _outbox) =
        user_config(&format!("[[webhooks]]\nurl = {:?}\nproviders = [\"metigan\"]\n", srv.url));
    let o = scan_with(dir.path(), &["--config", config.to_str().unwrap()], Some(KEY));
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let seen = srv.seen.lock().unwrap().clone();
    assert_eq!(seen.len(), 1, "{seen:?}");
    let body: serde_json::Value = serde_json::from_str(&seen[0].body).unwrap();
    assert_eq!(body["rule"]["provider"], "metigan");
    assert_eq!(body["provider_evidence"], "name METIGAN_API_KEY");
    assert_eq!(body["secret"]["last4"], &theirs[theirs.len() - 4..]);
    let r = report(&o);
    let providers: Vec<(&str, &str)> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["provider"].as_str().unwrap(), f["provider_evidence"].as_str().unwrap_or("")))
        .collect();
    assert!(providers.contains(&("metigan", "name METIGAN_API_KEY")), "{providers:?}");
    assert!(providers.contains(&("stripe", "name STRIPE_SECRET_KEY")), "{providers:?}");
}
