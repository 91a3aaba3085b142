#![deny(missing_docs)]
//! leakhound: a repository secret-leak scanner.
//!
//! Sources (`source`) yield blobs; the `scan::Scanner` turns each blob into `finding::Finding`s using the
//! `rules`; reporters (`report`) write them. Those parts meet only through the plain types in `finding`
//! and `source`.

pub mod baseline;
pub mod config;
pub mod delivery;
pub mod finding;
pub mod gitleaks_import;
pub mod group;
pub mod merge;
pub mod notify;
pub mod pipeline;
pub mod redact;
pub mod report;
pub mod rules;
pub mod scan;
pub mod source;
pub mod store;
pub mod text;
