//! Keeps `depeche schema` in sync with the record types: records, hand-built or
//! produced from the fixtures, validate against the printed schema, and the schema
//! declares every property a record has.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use depeche::record::{
    ActorKind, ActorMention, DateMention, Language, PlaceKind, PlaceMention, Quote, QuoteKind,
    Record, Resolution, SourceKind, SourceMention, Stats, Status, TemporalModifier, TemporalType,
    SCHEMA_VERSION,
};
use depeche::{ArticleMeta, Document};
use serde_json::{Map, Value};

const DRAFT_2020_12: &str = "https://json-schema.org/draft/2020-12/schema";

fn depeche() -> Command {
    let mut command = Command::cargo_bin("depeche").expect("the depeche binary is built");
    command.current_dir(env!("CARGO_MANIFEST_DIR"));
    command
}

/// The schema `depeche schema` prints.
fn printed_schema() -> Value {
    let output = depeche().arg("schema").output().expect("depeche runs");
    assert!(
        output.status.success(),
        "depeche schema failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).expect("the schema is UTF-8");
    serde_json::from_str(&stdout).expect("the schema is JSON")
}

// ---------------------------------------------------------------------------------
// A small JSON Schema validator: exactly the keywords the generated schema uses.
// ---------------------------------------------------------------------------------

/// Keywords that only annotate: they constrain nothing the validator checks.
const ANNOTATIONS: &[&str] = &["$schema", "$id", "$defs", "title", "description", "format"];

/// Keywords the validator applies.
const ASSERTIONS: &[&str] = &[
    "$ref",
    "type",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "enum",
    "const",
    "oneOf",
    "anyOf",
    "allOf",
    "minimum",
];

struct Validator<'s> {
    root: &'s Value,
}

impl<'s> Validator<'s> {
    fn new(root: &'s Value) -> Validator<'s> {
        Validator { root }
    }

    /// The schema a `$ref` points to: only `#/$defs/...` (or any local JSON pointer).
    fn resolve(&self, reference: &str) -> &'s Value {
        let pointer = reference
            .strip_prefix('#')
            .unwrap_or_else(|| panic!("only local references are supported: {reference}"));
        self.root
            .pointer(pointer)
            .unwrap_or_else(|| panic!("dangling reference {reference}"))
    }

    /// Every violation of `schema` by `value`, as `path: message` lines.
    fn errors(&self, schema: &'s Value, value: &Value) -> Vec<String> {
        let mut errors = Vec::new();
        self.check(schema, value, "$", &mut errors);
        errors
    }

    fn is_valid(&self, schema: &'s Value, value: &Value) -> bool {
        self.errors(schema, value).is_empty()
    }

    fn check(&self, schema: &'s Value, value: &Value, path: &str, errors: &mut Vec<String>) {
        let schema = match schema {
            Value::Bool(true) => return,
            Value::Bool(false) => {
                errors.push(format!("{path}: no value is allowed here"));
                return;
            }
            Value::Object(schema) => schema,
            other => panic!("{path}: a schema must be an object or a boolean, not {other}"),
        };
        for keyword in schema.keys() {
            assert!(
                ANNOTATIONS.contains(&keyword.as_str()) || ASSERTIONS.contains(&keyword.as_str()),
                "{path}: the test validator does not support the keyword `{keyword}`: teach it"
            );
        }
        if let Some(reference) = schema.get("$ref") {
            let reference = reference.as_str().expect("$ref is a string");
            self.check(self.resolve(reference), value, path, errors);
        }
        if let Some(types) = schema.get("type") {
            let types: Vec<&str> = match types {
                Value::String(t) => vec![t.as_str()],
                Value::Array(ts) => ts
                    .iter()
                    .map(|t| t.as_str().expect("type names are strings"))
                    .collect(),
                other => panic!("{path}: bad `type` {other}"),
            };
            if !types.iter().any(|t| has_type(value, t)) {
                errors.push(format!("{path}: {value} is not of type {types:?}"));
                return;
            }
        }
        if let Some(expected) = schema.get("const") {
            if value != expected {
                errors.push(format!("{path}: {value} is not {expected}"));
            }
        }
        if let Some(values) = schema.get("enum") {
            let values = values.as_array().expect("enum is an array");
            if !values.contains(value) {
                errors.push(format!("{path}: {value} is not one of {values:?}"));
            }
        }
        if let Some(minimum) = schema.get("minimum") {
            let minimum = minimum.as_f64().expect("minimum is a number");
            if let Some(n) = value.as_f64() {
                if n < minimum {
                    errors.push(format!("{path}: {n} is below the minimum {minimum}"));
                }
            }
        }
        if let Some(branches) = schema.get("allOf") {
            for branch in branches.as_array().expect("allOf is an array") {
                self.check(branch, value, path, errors);
            }
        }
        if let Some(branches) = schema.get("anyOf") {
            let branches = branches.as_array().expect("anyOf is an array");
            if !branches.iter().any(|b| self.is_valid_at(b, value, path)) {
                errors.push(format!("{path}: {value} matches no branch of anyOf"));
            }
        }
        if let Some(branches) = schema.get("oneOf") {
            let branches = branches.as_array().expect("oneOf is an array");
            let matching = branches
                .iter()
                .filter(|b| self.is_valid_at(b, value, path))
                .count();
            if matching != 1 {
                errors.push(format!(
                    "{path}: {value} matches {matching} branches of oneOf, not exactly 1"
                ));
            }
        }
        if let Value::Object(object) = value {
            self.check_object(schema, object, path, errors);
        }
        if let (Value::Array(items), Some(item_schema)) = (value, schema.get("items")) {
            for (i, item) in items.iter().enumerate() {
                self.check(item_schema, item, &format!("{path}[{i}]"), errors);
            }
        }
    }

    fn is_valid_at(&self, schema: &'s Value, value: &Value, path: &str) -> bool {
        let mut errors = Vec::new();
        self.check(schema, value, path, &mut errors);
        errors.is_empty()
    }

    fn check_object(
        &self,
        schema: &'s Map<String, Value>,
        object: &Map<String, Value>,
        path: &str,
        errors: &mut Vec<String>,
    ) {
        let empty = Map::new();
        let properties = match schema.get("properties") {
            Some(Value::Object(properties)) => properties,
            Some(other) => panic!("{path}: bad `properties` {other}"),
            None => &empty,
        };
        if let Some(required) = schema.get("required") {
            for name in required.as_array().expect("required is an array") {
                let name = name.as_str().expect("required names are strings");
                if !object.contains_key(name) {
                    errors.push(format!("{path}: required property `{name}` is missing"));
                }
            }
        }
        for (name, value) in object {
            let path = format!("{path}.{name}");
            match (properties.get(name), schema.get("additionalProperties")) {
                (Some(property), _) => self.check(property, value, &path, errors),
                (None, Some(additional)) => self.check(additional, value, &path, errors),
                (None, None) => {}
            }
        }
    }

    /// Walks `value` along `schema` and reports object keys the schema does not
    /// declare (`undeclared`) and declared properties the value lacks (`absent`),
    /// whether or not the schema allows additional properties.
    fn coverage(
        &self,
        schema: &'s Value,
        value: &Value,
        path: &str,
        undeclared: &mut Vec<String>,
        absent: &mut Vec<String>,
    ) {
        let Value::Object(schema) = schema else {
            return;
        };
        if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
            self.coverage(self.resolve(reference), value, path, undeclared, absent);
        }
        for combinator in ["allOf", "anyOf", "oneOf"] {
            if let Some(branches) = schema.get(combinator).and_then(Value::as_array) {
                for branch in branches {
                    if self.is_valid_at(branch, value, path) {
                        self.coverage(branch, value, path, undeclared, absent);
                    }
                }
            }
        }
        if let (Value::Object(object), Some(Value::Object(properties))) =
            (value, schema.get("properties"))
        {
            for (name, property_value) in object {
                let path = format!("{path}.{name}");
                match properties.get(name) {
                    Some(property) => {
                        self.coverage(property, property_value, &path, undeclared, absent)
                    }
                    None => undeclared.push(path),
                }
            }
            for name in properties.keys() {
                if !object.contains_key(name) {
                    absent.push(format!("{path}.{name}"));
                }
            }
        }
        if let (Value::Array(items), Some(item_schema)) = (value, schema.get("items")) {
            for (i, item) in items.iter().enumerate() {
                self.coverage(
                    item_schema,
                    item,
                    &format!("{path}[{i}]"),
                    undeclared,
                    absent,
                );
            }
        }
    }
}

fn has_type(value: &Value, name: &str) -> bool {
    match name {
        "null" => value.is_null(),
        "boolean" => value.is_boolean(),
        "string" => value.is_string(),
        "array" => value.is_array(),
        "object" => value.is_object(),
        "number" => value.is_number(),
        "integer" => {
            value.is_i64()
                || value.is_u64()
                || value
                    .as_f64()
                    .is_some_and(|n| n.is_finite() && n.fract() == 0.0)
        }
        other => panic!("unknown JSON Schema type `{other}`"),
    }
}

fn assert_valid(validator: &Validator, schema: &Value, record: &Value, what: &str) {
    let errors = validator.errors(schema, record);
    assert!(
        errors.is_empty(),
        "{what} does not validate:\n  {}\nrecord: {record}",
        errors.join("\n  ")
    );
}

// ---------------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------------

const ARTICLE: &str = "Lyon, 3 mars 2025 – M. Jean Dupont, ministre de l’Intérieur, a démissionné \
mi-avril. « Je pars », a-t-il déclaré, selon une source proche du dossier. Été 😀 à Lyon.";

/// A record with every list non-empty and every optional field set.
fn full_record() -> Record {
    let doc = Document::new(ARTICLE);
    let find = |needle: &str| {
        let start = ARTICLE
            .find(needle)
            .unwrap_or_else(|| panic!("{needle} is in the article"));
        start..start + needle.len()
    };
    let meta = ArticleMeta {
        id: "full-1".to_string(),
        source: Some("dump.jsonl".to_string()),
        title: Some("Démission à Lyon".to_string()),
        published: Some("2025-03-03".to_string()),
        url: Some("https://example.org/lyon".to_string()),
        encoding: depeche::TextEncoding::Windows1252,
    };
    let mut record = Record::new(&meta, Status::Ok, Some("a reason, for the schema".into()));
    record.language = Some(Language {
        code: "fr".to_string(),
        confidence: 0.97,
        reliable: true,
    });
    record.stats = Stats {
        chars: doc.char_len(),
        paragraphs: doc.paragraphs().len(),
        sentences: doc.sentences().len(),
    };
    record.sentences = Some(doc.sentence_spans());
    record.dates = vec![
        DateMention {
            span: doc.span(find("mi-avril")),
            kind: TemporalType::Date,
            value: Some("2025-04".to_string()),
            resolved: Resolution::Relative,
            modifier: Some(TemporalModifier::Mid),
            end_value: Some("2025-04-20".to_string()),
        },
        DateMention {
            span: doc.span(find("3 mars 2025")),
            kind: TemporalType::Date,
            value: None,
            resolved: Resolution::Unresolved,
            modifier: None,
            end_value: None,
        },
    ];
    record.places = vec![PlaceMention {
        span: doc.span(find("Lyon")),
        name: "Lyon".into(),
        kind: PlaceKind::City,
        country: Some("FR".into()),
        geonames: Some(2996944),
    }];
    record.actors = vec![ActorMention {
        span: doc.span(find("M. Jean Dupont")),
        kind: ActorKind::Person,
        name: Some("Jean Dupont".to_string()),
        role: Some("ministre".to_string()),
        affiliation: Some("FR".to_string()),
    }];
    record.sources = vec![SourceMention {
        span: doc.span(find("une source proche du dossier")),
        kind: SourceKind::Anonymous,
        qualifier: Some("proche du dossier".to_string()),
    }];
    record.quotes = vec![Quote {
        span: doc.span(find("Je pars")),
        kind: QuoteKind::Direct,
        speaker: Some(doc.text_span(find("une source proche du dossier"))),
        anonymous: true,
        verb: Some("a-t-il déclaré".to_string()),
        source: Some(0),
        actor: Some(0),
    }];
    record
}

fn full_record_json() -> Value {
    let record = full_record();
    let json = serde_json::to_string(&record).expect("a record serializes");
    let back: Record = serde_json::from_str(&json).expect("a record parses back");
    assert_eq!(back, record, "the full record round-trips");
    serde_json::from_str(&json).expect("a record is JSON")
}

/// Every file under `dir`, recursively, sorted.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files.extend(files_under(&path));
        } else {
            files.push(path);
        }
    }
    files
}

/// The records `depeche extract --sentences` writes for one file.
fn extracted_records(file: &Path) -> Vec<Value> {
    let output = depeche()
        .args(["extract", "--sentences", "--progress", "never"])
        .arg(file)
        .output()
        .expect("depeche runs");
    assert!(
        output.status.success(),
        "depeche extract --sentences {} failed: {}",
        file.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).expect("records are UTF-8");
    stdout
        .lines()
        .map(|line| {
            serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("{}: bad record line {e}: {line}", file.display()))
        })
        .collect()
}

// ---------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------

#[test]
fn schema_is_draft_2020_12() {
    let schema = printed_schema();
    assert_eq!(schema["$schema"], DRAFT_2020_12);
    assert_eq!(schema["type"], "object");
    let from_library: Value = serde_json::from_str(&depeche::schema::record_schema_json())
        .expect("the library's schema is JSON");
    assert_eq!(
        schema, from_library,
        "the binary prints the library's schema"
    );
}

#[test]
fn full_record_validates() {
    let schema = printed_schema();
    let validator = Validator::new(&schema);
    let record = full_record_json();
    assert_valid(&validator, &schema, &record, "the full record");
    assert_eq!(record["schema"], SCHEMA_VERSION);
    for list in [
        "sentences",
        "dates",
        "places",
        "actors",
        "quotes",
        "sources",
    ] {
        assert!(
            record[list].as_array().is_some_and(|l| !l.is_empty()),
            "the full record has {list}"
        );
    }
    for optional in ["mod", "end_value"] {
        assert!(record["dates"][0].get(optional).is_some(), "{optional}");
    }
    assert!(record["places"][0].get("geonames").is_some());
    for optional in ["speaker", "source", "actor"] {
        assert!(
            record["quotes"][0][optional].is_number() || record["quotes"][0][optional].is_object()
        );
    }
}

#[test]
fn minimal_records_validate() {
    let schema = printed_schema();
    let validator = Validator::new(&schema);
    let meta = ArticleMeta::with_id("m");
    for record in [
        Record::error(&meta, "unreadable"),
        Record::new(&meta, Status::Skipped, Some("empty text".into())),
        Record::new(&meta, Status::Ok, None),
        depeche::extract("", &meta),
        depeche::extract("The cat sat on the mat, as every morning.", &meta),
        depeche::Extractor::builder()
            .sentences(true)
            .build()
            .extract(ARTICLE, &meta),
    ] {
        let json = serde_json::to_value(&record).expect("a record serializes");
        assert_valid(&validator, &schema, &json, "a minimal record");
    }
}

#[test]
fn fixture_records_validate() {
    let schema = printed_schema();
    let validator = Validator::new(&schema);
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let files = files_under(&fixtures);
    assert!(files.len() >= 10, "fixtures found: {files:?}");
    let mut statuses = BTreeSet::new();
    let mut records = 0;
    for file in &files {
        let extracted = extracted_records(file);
        assert!(!extracted.is_empty(), "{} gives no record", file.display());
        for (i, record) in extracted.iter().enumerate() {
            assert_valid(
                &validator,
                &schema,
                record,
                &format!("record {i} of {}", file.display()),
            );
            // `--sentences` writes the spans of every extracted article, only of those.
            assert_eq!(
                record["sentences"].is_array(),
                record["status"] == "ok",
                "sentences of {record}"
            );
            statuses.insert(record["status"].as_str().unwrap_or_default().to_string());
            records += 1;
        }
    }
    assert_eq!(
        statuses,
        BTreeSet::from(["error".to_string(), "ok".into(), "skipped".into()]),
        "the fixtures give every status"
    );
    assert!(records > files.len(), "JSONL dumps give several records");
}

#[test]
fn validator_rejects_invalid_records() {
    let schema = printed_schema();
    let validator = Validator::new(&schema);
    let valid = full_record_json();
    assert!(validator.is_valid(&schema, &valid));

    let mut missing = valid.clone();
    missing.as_object_mut().unwrap().remove("status");
    let errors = validator.errors(&schema, &missing);
    assert!(
        errors.iter().any(|e| e.contains("`status` is missing")),
        "a record without status is rejected: {errors:?}"
    );

    let mut wrong_enum = valid.clone();
    wrong_enum["status"] = "maybe".into();
    let errors = validator.errors(&schema, &wrong_enum);
    assert!(
        errors.iter().any(|e| e.starts_with("$.status:")),
        "status `maybe` is rejected: {errors:?}"
    );

    // More ways to be wrong, each caught.
    let mut cases: Vec<(&str, Value)> = Vec::new();
    let mut unknown = valid.clone();
    unknown["extra"] = true.into();
    cases.push(("an unknown top-level property", unknown));
    let mut wrong_type = valid.clone();
    wrong_type["stats"]["chars"] = "many".into();
    cases.push(("a string for a count", wrong_type));
    let mut negative = valid.clone();
    negative["stats"]["sentences"] = (-1).into();
    cases.push(("a negative count", negative));
    let mut wrong_kind = valid.clone();
    wrong_kind["places"][0]["kind"] = "planet".into();
    cases.push(("an unknown place kind", wrong_kind));
    let mut missing_nested = valid.clone();
    missing_nested["dates"][0]
        .as_object_mut()
        .unwrap()
        .remove("resolved");
    cases.push(("a date without resolution", missing_nested));
    let mut bad_speaker = valid.clone();
    bad_speaker["quotes"][0]["speaker"] = "someone".into();
    cases.push(("a string speaker", bad_speaker));
    let mut bad_language = valid.clone();
    bad_language["language"]["reliable"] = Value::Null;
    cases.push(("a null reliability", bad_language));
    let mut bad_sentence = valid.clone();
    bad_sentence["sentences"][0]["length"] = 3.into();
    cases.push(("a sentence span with an unknown field", bad_sentence));
    let mut not_list = valid;
    not_list["actors"] = Value::Null;
    cases.push(("null actors", not_list));
    for (what, record) in cases {
        assert!(
            !validator.is_valid(&schema, &record),
            "{what} is rejected: {record}"
        );
    }
}

#[test]
fn schema_declares_every_property() {
    let schema = printed_schema();
    let validator = Validator::new(&schema);
    let record = full_record_json();
    let mut undeclared = Vec::new();
    let mut absent = Vec::new();
    validator.coverage(&schema, &record, "$", &mut undeclared, &mut absent);
    assert!(
        undeclared.is_empty(),
        "properties of a record that the schema does not declare: {undeclared:?}"
    );
    // The full record sets every optional field (in the first item of each list), so
    // it has every declared property: a field added to the types but not to
    // `full_record` shows here.
    absent
        .retain(|path| !path.contains('[') || path.split('[').skip(1).all(|i| i.starts_with("0]")));
    assert!(
        absent.is_empty(),
        "properties the schema declares that the full record lacks: {absent:?}"
    );

    // Every property name of the record, at any depth, is declared somewhere.
    let mut declared = BTreeSet::new();
    collect_declared(&schema, &mut declared);
    let mut used = BTreeSet::new();
    collect_keys(&record, &mut used);
    let missing: Vec<_> = used.difference(&declared).collect();
    assert!(missing.is_empty(), "undeclared names: {missing:?}");
}

#[test]
fn every_required_property_is_serialized() {
    let schema = printed_schema();
    let required: Vec<&str> = schema["required"]
        .as_array()
        .expect("Record's schema lists required properties")
        .iter()
        .map(|name| name.as_str().expect("a property name"))
        .collect();
    for name in [
        "schema", "id", "status", "encoding", "stats", "dates", "places", "actors", "quotes",
        "sources",
    ] {
        assert!(required.contains(&name), "`{name}` is required");
    }
    let meta = ArticleMeta::with_id("r");
    let records = [
        full_record_json(),
        serde_json::to_value(Record::error(&meta, "unreadable")).unwrap(),
        serde_json::to_value(depeche::extract("", &meta)).unwrap(),
    ];
    for record in &records {
        let object = record.as_object().expect("a record is an object");
        for name in &required {
            assert!(object.contains_key(*name), "`{name}` missing from {record}");
        }
    }
    // Required properties of nested types appear too, wherever the type is used.
    let validator = Validator::new(&schema);
    for record in &records {
        assert_valid(&validator, &schema, record, "a record");
    }
}

fn collect_declared(schema: &Value, out: &mut BTreeSet<String>) {
    match schema {
        Value::Object(map) => {
            if let Some(Value::Object(properties)) = map.get("properties") {
                out.extend(properties.keys().cloned());
            }
            map.values().for_each(|v| collect_declared(v, out));
        }
        Value::Array(values) => values.iter().for_each(|v| collect_declared(v, out)),
        _ => {}
    }
}

fn collect_keys(value: &Value, out: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            out.extend(map.keys().cloned());
            map.values().for_each(|v| collect_keys(v, out));
        }
        Value::Array(values) => values.iter().for_each(|v| collect_keys(v, out)),
        _ => {}
    }
}
