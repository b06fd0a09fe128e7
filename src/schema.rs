//! The JSON Schema of a record, derived from the record types so it cannot drift.

use crate::record::Record;

/// The JSON Schema (draft 2020-12) of [`Record`], as pretty-printed JSON.
pub fn record_schema_json() -> String {
    let mut schema = schemars::schema_for!(Record);
    schema.insert(
        "$id".to_string(),
        "https://depeche.invalid/schema/record-1.json".into(),
    );
    serde_json::to_string_pretty(&schema).expect("a schema always serializes")
}
