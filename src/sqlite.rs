//! Records into a SQLite database (`depeche extract --sqlite FILE.db`): one table of
//! articles and one per list, with the fields of `SPEC.md`, keyed by article id.
//!
//! Each batch of records is one transaction, and the database is in WAL mode: a run
//! that is killed leaves every batch before the last one whole and the file readable.
//! An article already in the database is replaced, lists included (re-running on the
//! same input never duplicates rows).

use std::path::Path;

use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, Transaction};

use crate::record::{Record, Span, Status};

/// The tables, indexes and schema version of the database (`depeche schema --sql`).
///
/// Every list table has the article's id, the item's position in the record's list
/// (`idx`), its span (`start`, `end` in code points, `sentence`, `text`) and its fields.
/// `quotes.source_idx` and `quotes.actor_idx` point into `sources` and `actors` of the
/// same article.
pub const DDL: &str = r#"CREATE TABLE IF NOT EXISTS depeche (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS articles (
  id TEXT PRIMARY KEY,
  source TEXT,
  title TEXT,
  published TEXT,
  url TEXT,
  status TEXT NOT NULL CHECK (status IN ('ok', 'skipped', 'error')),
  reason TEXT,
  encoding TEXT NOT NULL,
  language TEXT,
  confidence REAL,
  reliable INTEGER,
  chars INTEGER NOT NULL,
  paragraphs INTEGER NOT NULL,
  sentences INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS dates (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  sentence INTEGER NOT NULL,
  text TEXT NOT NULL,
  type TEXT NOT NULL,
  value TEXT,
  resolved TEXT NOT NULL,
  mod TEXT,
  end_value TEXT,
  PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS places (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  sentence INTEGER NOT NULL,
  text TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  country TEXT,
  geonames INTEGER,
  PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS actors (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  sentence INTEGER NOT NULL,
  text TEXT NOT NULL,
  kind TEXT NOT NULL,
  name TEXT,
  role TEXT,
  affiliation TEXT,
  PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sources (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  sentence INTEGER NOT NULL,
  text TEXT NOT NULL,
  kind TEXT NOT NULL,
  qualifier TEXT,
  PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS quotes (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  sentence INTEGER NOT NULL,
  text TEXT NOT NULL,
  kind TEXT NOT NULL,
  speaker_text TEXT,
  speaker_start INTEGER,
  speaker_end INTEGER,
  anonymous INTEGER NOT NULL,
  verb TEXT,
  source_idx INTEGER,
  actor_idx INTEGER,
  PRIMARY KEY (article_id, idx),
  FOREIGN KEY (article_id, source_idx) REFERENCES sources (article_id, idx)
    ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (article_id, actor_idx) REFERENCES actors (article_id, idx)
    ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS places_name ON places (name);
CREATE INDEX IF NOT EXISTS actors_name ON actors (name);
CREATE INDEX IF NOT EXISTS sources_kind ON sources (kind, qualifier);
INSERT OR IGNORE INTO depeche (key, value) VALUES ('schema', 'depeche/1');
"#;

/// The list tables, children of `articles`, in the order rows are deleted.
const LISTS: [&str; 5] = ["quotes", "sources", "actors", "places", "dates"];

/// A SQLite database being written.
pub struct Sqlite {
    conn: Connection,
}

impl Sqlite {
    /// Opens (or creates) the database at `path`, in WAL mode, with the tables.
    pub fn open(path: &Path) -> rusqlite::Result<Sqlite> {
        let conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        // WAL with `NORMAL` loses no committed batch in a crash of the process, only
        // perhaps the last ones in a crash of the machine; the file stays consistent.
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        conn.execute_batch(DDL)?;
        let version: String =
            conn.query_row("SELECT value FROM depeche WHERE key = 'schema'", [], |r| {
                r.get(0)
            })?;
        if version != crate::record::SCHEMA_VERSION {
            return Err(rusqlite::Error::InvalidParameterName(format!(
                "the database holds records of schema {version}, not {}",
                crate::record::SCHEMA_VERSION
            )));
        }
        Ok(Sqlite { conn })
    }

    /// Writes `records` in one transaction, each replacing any article of its id.
    pub fn write(&mut self, records: &[Record]) -> rusqlite::Result<()> {
        let tx = self.conn.transaction()?;
        for record in records {
            write_record(&tx, record)?;
        }
        tx.commit()
    }

    /// Checkpoints the write-ahead log into the database file and closes it.
    pub fn close(self) -> rusqlite::Result<()> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        self.conn.close().map_err(|(_, e)| e)
    }
}

fn status(status: Status) -> &'static str {
    match status {
        Status::Ok => "ok",
        Status::Skipped => "skipped",
        Status::Error => "error",
    }
}

/// The JSON name of an enum value of the record (`"city"`, `"direct"`).
fn name<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// A text column: the string, or null.
fn text(value: Option<&str>) -> Value {
    value.map_or(Value::Null, |v| Value::Text(v.to_string()))
}

/// Inserts the items of one list of an article: its id, each item's position and span,
/// then the values `fields` gives for `columns`.
fn insert_list<T>(
    tx: &Transaction,
    id: &str,
    table: &str,
    columns: &[&str],
    items: &[T],
    span: impl Fn(&T) -> &Span,
    fields: impl Fn(&T) -> Vec<Value>,
) -> rusqlite::Result<()> {
    if items.is_empty() {
        return Ok(());
    }
    let names = columns.join(", ");
    let marks = vec!["?"; 6 + columns.len()].join(", ");
    let mut insert = tx.prepare_cached(&format!(
        "INSERT INTO {table} (article_id, idx, start, \"end\", sentence, text, {names}) \
         VALUES ({marks})"
    ))?;
    for (i, item) in items.iter().enumerate() {
        let s = span(item);
        let mut values = vec![
            Value::Text(id.to_string()),
            Value::Integer(i as i64),
            Value::Integer(s.start as i64),
            Value::Integer(s.end as i64),
            Value::Integer(s.sentence as i64),
            Value::Text(s.text.clone()),
        ];
        values.extend(fields(item));
        insert.execute(params_from_iter(values))?;
    }
    Ok(())
}

fn write_record(tx: &Transaction, r: &Record) -> rusqlite::Result<()> {
    let id = r.id.as_str();
    let exists = tx
        .prepare_cached("SELECT 1 FROM articles WHERE id = ?1")?
        .exists([id])?;
    if exists {
        for table in LISTS {
            tx.prepare_cached(&format!("DELETE FROM {table} WHERE article_id = ?1"))?
                .execute([id])?;
        }
        tx.prepare_cached("DELETE FROM articles WHERE id = ?1")?
            .execute([id])?;
    }
    let language = r.language.as_ref();
    tx.prepare_cached(
        "INSERT INTO articles (id, source, title, published, url, status, reason, encoding, \
         language, confidence, reliable, chars, paragraphs, sentences) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?
    .execute(params![
        id,
        r.source,
        r.title,
        r.published,
        r.url,
        status(r.status),
        r.reason,
        name(&r.encoding),
        language.map(|l| l.code.as_str()),
        language.map(|l| l.confidence),
        language.map(|l| l.reliable),
        r.stats.chars as i64,
        r.stats.paragraphs as i64,
        r.stats.sentences as i64,
    ])?;
    insert_list(
        tx,
        id,
        "dates",
        &["type", "value", "resolved", "mod", "end_value"],
        &r.dates,
        |d| &d.span,
        |d| {
            vec![
                Value::Text(name(&d.kind)),
                text(d.value.as_deref()),
                Value::Text(name(&d.resolved)),
                text(d.modifier.as_ref().map(name).as_deref()),
                text(d.end_value.as_deref()),
            ]
        },
    )?;
    insert_list(
        tx,
        id,
        "places",
        &["name", "kind", "country", "geonames"],
        &r.places,
        |p| &p.span,
        |p| {
            vec![
                Value::Text(p.name.to_string()),
                Value::Text(name(&p.kind)),
                text(p.country.as_deref()),
                p.geonames.map_or(Value::Null, |g| Value::Integer(g as i64)),
            ]
        },
    )?;
    insert_list(
        tx,
        id,
        "actors",
        &["kind", "name", "role", "affiliation"],
        &r.actors,
        |a| &a.span,
        |a| {
            vec![
                Value::Text(name(&a.kind)),
                text(a.name.as_deref()),
                text(a.role.as_deref()),
                text(a.affiliation.as_deref()),
            ]
        },
    )?;
    // Sources before quotes, which point to them.
    insert_list(
        tx,
        id,
        "sources",
        &["kind", "qualifier"],
        &r.sources,
        |s| &s.span,
        |s| vec![Value::Text(name(&s.kind)), text(s.qualifier.as_deref())],
    )?;
    let index = |i: Option<usize>| i.map_or(Value::Null, |i| Value::Integer(i as i64));
    insert_list(
        tx,
        id,
        "quotes",
        &[
            "kind",
            "speaker_text",
            "speaker_start",
            "speaker_end",
            "anonymous",
            "verb",
            "source_idx",
            "actor_idx",
        ],
        &r.quotes,
        |q| &q.span,
        |q| {
            let speaker = q.speaker.as_ref();
            vec![
                Value::Text(name(&q.kind)),
                text(speaker.map(|s| s.text.as_str())),
                index(speaker.map(|s| s.start)),
                index(speaker.map(|s| s.end)),
                Value::Integer(i64::from(q.anonymous)),
                text(q.verb.as_deref()),
                index(q.source),
                index(q.actor),
            ]
        },
    )?;
    Ok(())
}
