//! `leakhound config import-gitleaks` / `import-betterleaks`.

use std::path::Path;

use anyhow::{bail, Context, Result};

use super::*;

pub(super) fn import_gitleaks(file: &Path, output: &Path, force: bool) -> Result<Outcome> {
    let text = std::fs::read_to_string(file).with_context(|| format!("{}: cannot read", file.display()))?;
    let imported = leakhound::gitleaks_import::convert(&file.display().to_string(), &text)?;
    for n in &imported.notes {
        eprintln!("leakhound: note: {n}");
    }
    if output == Path::new("-") {
        print!("{}", imported.toml);
    } else {
        if output.exists() && !force {
            bail!("{}: already exists (pass --force to overwrite, or -o - to print)", output.display());
        }
        std::fs::write(output, &imported.toml).with_context(|| format!("{}: cannot write", output.display()))?;
        eprintln!("leakhound: wrote {} rule(s) to {}", imported.rules, output.display());
    }
    Ok(Outcome::Clean)
}
