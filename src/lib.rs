//! # depeche
//!
//! Reads French news articles and writes, for every article, one JSON record of what
//! it says: its language, its sentences, its dates, places, actors, quotes and
//! anonymous sources. The record format is [`Record`]; `depeche schema` prints its
//! JSON Schema.
//!
//! ```
//! use depeche::{extract, ArticleMeta, Status};
//!
//! let text = "Lyon, 3 mars 2025 – M. Dupont a démissionné. « Je pars », a-t-il dit.";
//! let record = extract(text, &ArticleMeta::with_id("brief-1"));
//! assert_eq!(record.status, Status::Ok);
//! assert_eq!(record.language.as_ref().unwrap().code, "fr");
//! assert_eq!(record.stats.sentences, 2);
//! let json = serde_json::to_string(&record).unwrap();
//! assert!(json.starts_with(r#"{"schema":"depeche/1","id":"brief-1""#));
//! ```
//!
//! The pipeline: a [`Document`] (text, paragraphs, sentences, offset map) is built
//! once per article and read by each extraction stage in turn. Offsets are bytes
//! inside and Unicode code points in records. The batch runner ([`runner`]) and the
//! input reader ([`input`]) know nothing of extraction; [`sqlite`] writes records into
//! a database.
#![deny(missing_docs)]

pub mod actors;
pub mod cli;
pub mod dates;
pub mod document;
mod extractor;
pub mod input;
pub mod language;
pub mod lexicon;
#[cfg(test)]
mod linear_time;
pub mod places;
pub mod progress;
pub mod quotes;
pub mod record;
pub mod runner;
pub mod schema;
pub mod segment;
pub mod sources;
pub mod sqlite;
pub mod stages;
mod swar;
pub mod words;

pub use document::Document;
pub use extractor::{extract, prepare, ArticleMeta, Extractor, ExtractorBuilder};
pub use record::{Record, Span, Status, TextEncoding};
