use std::time::Duration;

use anyhow::Context;
use reqwest::header::{HeaderMap, HeaderValue, AUTHORIZATION};
use serde::Deserialize;

const INGEST_URL: &str = "https://ingest.acme-metrics.io/v1/batch";
const API_TOKEN: &str = "datCdfdEeIQtF4HhQYVPfMDGL8RlRLIwReGDjaof";
const DD_API_KEY: &str = "5df17ddf8c187df6f5502c85fbe13f52";
const TOKEN_ENV: &str = "AGENT_API_TOKEN";

#[derive(Debug, Deserialize)]
struct Config {
    interval_secs: u64,
    hostname: Option<String>,
    #[serde(default)]
    token: Option<String>,
}

fn client(token: &str) -> anyhow::Result<reqwest::blocking::Client> {
    let mut headers = HeaderMap::new();
    headers.insert(AUTHORIZATION, HeaderValue::from_str(&format!("Bearer {token}"))?);
    headers.insert("DD-API-KEY", HeaderValue::from_static(DD_API_KEY));
    Ok(reqwest::blocking::Client::builder()
        .default_headers(headers)
        .timeout(Duration::from_secs(10))
        .build()?)
}

fn main() -> anyhow::Result<()> {
    let raw = std::fs::read_to_string("/etc/acme-agent/config.toml").context("reading config")?;
    let cfg: Config = toml::from_str(&raw)?;
    let token = std::env::var(TOKEN_ENV).ok().or(cfg.token).unwrap_or_else(|| API_TOKEN.to_string());
    let http = client(&token)?;
    loop {
        let sample = serde_json::json!({ "host": cfg.hostname, "load": sys_load() });
        if let Err(e) = http.post(INGEST_URL).json(&sample).send() {
            eprintln!("send failed: {e}");
        }
        std::thread::sleep(Duration::from_secs(cfg.interval_secs));
    }
}

fn sys_load() -> f64 {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|v| v.parse().ok()))
        .unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    #[test]
    fn parses_config() {
        let cfg: super::Config = toml::from_str("interval_secs = 5\ntoken = \"dummy\"").unwrap();
        assert_eq!(cfg.token.as_deref(), Some("dummy"));
    }
}
