//! The fingerprint key: `LEAKHOUND_FINGERPRINT_KEY`, else `[fingerprints] key_file` in the user's own
//! config, else a key file made once in the user's config directory. Share the key (a CI secret, a file
//! the team keeps) to share baselines and ignore files; it is never written into a report.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use leakhound::config::{ConfigFile, Trust};
use leakhound::finding::FingerprintKey;

pub const KEY_ENV: &str = "LEAKHOUND_FINGERPRINT_KEY";

pub fn fingerprint_key(configs: &[ConfigFile], warnings: &mut Vec<String>) -> Result<FingerprintKey> {
    if let Some(v) = std::env::var_os(KEY_ENV).filter(|v| !v.is_empty()) {
        return Ok(FingerprintKey::from_material(v.as_encoded_bytes()));
    }
    let configured = configs
        .iter()
        .filter(|c| c.trust == Trust::User)
        .filter_map(|c| c.config.fingerprints.key_file.clone())
        .next_back();
    if let Some(file) = configured {
        return read_key(&file);
    }
    let Some(file) = default_key_file() else {
        warnings.push(format!(
            "no user config directory: fingerprints use a one-off key and will differ on the next run (set {KEY_ENV})"
        ));
        return Ok(FingerprintKey::from_material(&rand::random::<[u8; 32]>()));
    };
    match read_or_create(&file) {
        Ok(k) => Ok(k),
        Err(e) => {
            warnings.push(format!(
                "{}: {e:#}: fingerprints use a one-off key and will differ on the next run (set {KEY_ENV})",
                file.display()
            ));
            Ok(FingerprintKey::from_material(&rand::random::<[u8; 32]>()))
        }
    }
}

fn default_key_file() -> Option<PathBuf> {
    dirs::config_dir().map(|d| d.join("leakhound").join("fingerprint.key"))
}

fn read_key(file: &Path) -> Result<FingerprintKey> {
    let bytes = std::fs::read(file).with_context(|| format!("{}: cannot read the fingerprint key", file.display()))?;
    anyhow::ensure!(!bytes.trim_ascii().is_empty(), "{}: the fingerprint key file is empty", file.display());
    Ok(FingerprintKey::from_material(&bytes))
}

/// The key file, made with a random key (readable by its owner only) when it does not exist yet; two
/// scans starting at once agree on one key (`create_new`, then read what won).
fn read_or_create(file: &Path) -> Result<FingerprintKey> {
    if file.exists() {
        return read_key(file);
    }
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("{}: cannot create", dir.display()))?;
    }
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let tmp = file.with_extension(format!("tmp{}", std::process::id()));
    let mut f = opts.open(&tmp).with_context(|| format!("{}: cannot create", tmp.display()))?;
    writeln!(f, "{}", hex::encode(rand::random::<[u8; 32]>()))?;
    f.sync_all()?;
    drop(f);
    // A hard link fails if another process made the key first: then its key is the one.
    let linked = std::fs::hard_link(&tmp, file);
    let _ = std::fs::remove_file(&tmp);
    if let Err(e) = linked {
        if e.kind() != std::io::ErrorKind::AlreadyExists {
            return Err(e).with_context(|| format!("{}: cannot create", file.display()));
        }
    }
    read_key(file)
}
