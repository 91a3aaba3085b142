//! `leakhound scan -`: standard input as one blob.

use std::io::Read;

use super::{Blob, Skip, SkipReason, Source, SourceError, Visitor};
use crate::finding::Origin;

/// Standard input, read whole, as one blob.
pub struct StdinSource {
    /// More than this many bytes is skipped rather than scanned.
    pub max_size: u64,
}

impl Source for StdinSource {
    fn visit(&self, visitor: &dyn Visitor) -> Result<(), SourceError> {
        let mut data = Vec::new();
        let limit = self.max_size.saturating_add(1);
        match std::io::stdin().lock().take(limit).read_to_end(&mut data) {
            Ok(_) if data.len() as u64 > self.max_size => visitor.skip(Skip {
                path: "<stdin>".into(),
                reason: SkipReason::TooLarge { size: data.len() as u64, limit: self.max_size },
            }),
            Ok(_) => visitor.blob(Blob { data: &data, origin: Origin::Stdin, lines: None, base: None, owned: None }),
            Err(e) => return Err(SourceError::Io { path: "<stdin>".into(), source: e }),
        }
        Ok(())
    }
}
