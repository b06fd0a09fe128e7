//! Records into a SQLite database (`depeche extract --sqlite FILE.db`): one table of
//! articles and one per list, with the fields of `SPEC.md`, keyed by article id.
//!
//! Each batch of records is one transaction, and the database is in WAL mode: a run
//! that is killed leaves every batch before the last one whole and the file readable.
//! An article already in the database is replaced, lists included (re-running on the
//! same input never duplicates rows).

use std::path::Path;

use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{
    params, params_from_iter, CachedStatement, Connection, OpenFlags, ToSql, Transaction,
};

use crate::record::{Record, Span};

/// The tables and schema version of the database (`depeche schema --sql` prints them
/// and [`INDEXES`]).
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
  key INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
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
  article INTEGER NOT NULL REFERENCES articles (key) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  article_id TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  sentence INTEGER NOT NULL,
  text TEXT NOT NULL,
  type TEXT NOT NULL,
  value TEXT,
  resolved TEXT NOT NULL,
  mod TEXT,
  end_value TEXT,
  PRIMARY KEY (article, idx)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS places (
  article INTEGER NOT NULL REFERENCES articles (key) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  article_id TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  sentence INTEGER NOT NULL,
  text TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  country TEXT,
  geonames INTEGER,
  PRIMARY KEY (article, idx)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS actors (
  article INTEGER NOT NULL REFERENCES articles (key) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  article_id TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  sentence INTEGER NOT NULL,
  text TEXT NOT NULL,
  kind TEXT NOT NULL,
  name TEXT,
  role TEXT,
  affiliation TEXT,
  PRIMARY KEY (article, idx)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sources (
  article INTEGER NOT NULL REFERENCES articles (key) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  article_id TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  sentence INTEGER NOT NULL,
  text TEXT NOT NULL,
  kind TEXT NOT NULL,
  qualifier TEXT,
  PRIMARY KEY (article, idx)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS quotes (
  article INTEGER NOT NULL REFERENCES articles (key) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  article_id TEXT NOT NULL,
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
  PRIMARY KEY (article, idx),
  FOREIGN KEY (article, source_idx) REFERENCES sources (article, idx)
    ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (article, actor_idx) REFERENCES actors (article, idx)
    ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
) WITHOUT ROWID;
INSERT OR IGNORE INTO depeche (key, value) VALUES ('schema', 'depeche/1');
"#;

/// The indexes of names and of the lists' article ids. A run that starts on an empty
/// database builds them at its end, in one sort each, rather than row by row.
pub const INDEXES: &str = r#"CREATE INDEX IF NOT EXISTS places_name ON places (name);
CREATE INDEX IF NOT EXISTS actors_name ON actors (name);
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
        // One thread writes: no mutex around each call.
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(path, flags)?;
        // 32 KiB pages (a new database only; SQLite's default is 4 KiB): rows of a
        // few hundred bytes fill fewer pages, so inserts split, balance and log fewer
        // of them (7 % fewer instructions per insert than with 4 KiB pages).
        conn.pragma_update(None, "page_size", 32768)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        // WAL with `NORMAL` loses no committed batch in a crash of the process, only
        // perhaps the last ones in a crash of the machine; the file stays consistent.
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        // The writer keeps the keys right itself (articles first, sources before the
        // quotes that point to them, lists deleted with their article): checking each
        // row's parent would double the cost of an insert. The keys are declared for
        // the readers.
        conn.pragma_update(None, "foreign_keys", "OFF")?;
        // A 64 MiB page cache and a 64 MiB log between checkpoints: inserts land in
        // the B-trees' pages in memory rather than reading them back from the file.
        conn.pragma_update(None, "cache_size", -65536)?;
        conn.pragma_update(None, "wal_autocheckpoint", 2048)?;
        // The index builds at the end sort with helper threads, in memory.
        conn.pragma_update(None, "threads", 4)?;
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        // Every statement of a batch stays prepared from one batch to the next.
        conn.set_prepared_statement_cache_capacity(64);
        conn.execute_batch(DDL)?;
        let holds_articles: bool =
            conn.query_row("SELECT EXISTS (SELECT 1 FROM articles)", [], |r| r.get(0))?;
        if holds_articles {
            // Rows replaced in a database that has its indexes keep them up to date.
            conn.execute_batch(INDEXES)?;
        }
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
        {
            let mut batch = Batch::new(&tx)?;
            for record in records {
                batch.write(&tx, record)?;
            }
        }
        tx.commit()
    }

    /// Builds the indexes, checkpoints the write-ahead log into the database file and
    /// closes it.
    pub fn close(self) -> rusqlite::Result<()> {
        self.conn.execute_batch(INDEXES)?;
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        self.conn.close().map_err(|(_, e)| e)
    }
}

/// A text column: the string, or null.
fn text(value: Option<&str>) -> Column<'_> {
    value.map_or(Null, Ref)
}

/// A column's value, borrowed from the record.
#[derive(Clone, Copy)]
enum Column<'a> {
    Null,
    Int(i64),
    Ref(&'a str),
}
use Column::{Int, Null, Ref};

impl ToSql for Column<'_> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Borrowed(match *self {
            Null => ValueRef::Null,
            Int(n) => ValueRef::Integer(n),
            Ref(s) => ValueRef::Text(s.as_bytes()),
        }))
    }
}

/// The columns of each list table after the span, in the order [`Batch::insert`]
/// binds them.
const DATE_COLUMNS: [&str; 5] = ["type", "value", "resolved", "mod", "end_value"];
const PLACE_COLUMNS: [&str; 4] = ["name", "kind", "country", "geonames"];
const ACTOR_COLUMNS: [&str; 4] = ["kind", "name", "role", "affiliation"];
const SOURCE_COLUMNS: [&str; 2] = ["kind", "qualifier"];
const QUOTE_COLUMNS: [&str; 8] = [
    "kind",
    "speaker_text",
    "speaker_start",
    "speaker_end",
    "anonymous",
    "verb",
    "source_idx",
    "actor_idx",
];

/// The `INSERT` of one row into a list table.
struct ListInsert<'c> {
    statement: CachedStatement<'c>,
}

impl<'c> ListInsert<'c> {
    fn new(tx: &'c Transaction, table: &str, columns: &[&str]) -> rusqlite::Result<Self> {
        let names = columns.join(", ");
        let marks = vec!["?"; 7 + columns.len()].join(", ");
        let statement = tx.prepare_cached(&format!(
            "INSERT INTO {table} (article, idx, article_id, start, \"end\", sentence, text, \
             {names}) VALUES ({marks})"
        ))?;
        Ok(ListInsert { statement })
    }

    /// Inserts the items of one list of an article: its key and id, each item's
    /// position and span, then the values `fields` gives for the table's columns.
    fn insert<'r, T, const N: usize>(
        &mut self,
        (key, id): (i64, &str),
        items: &'r [T],
        span: impl Fn(&'r T) -> &'r Span,
        fields: impl Fn(&'r T) -> [Column<'r>; N],
    ) -> rusqlite::Result<()> {
        for (i, item) in items.iter().enumerate() {
            let s = span(item);
            let head = [
                Int(key),
                Int(i as i64),
                Ref(id),
                Int(s.start as i64),
                Int(s.end as i64),
                Int(s.sentence as i64),
                Ref(s.text.as_str()),
            ];
            self.statement
                .execute(params_from_iter(head.iter().chain(fields(item).iter())))?;
        }
        Ok(())
    }
}

/// The statements of one transaction, prepared once for all its records.
struct Batch<'c> {
    insert_article: CachedStatement<'c>,
    find_article: CachedStatement<'c>,
    delete_article: CachedStatement<'c>,
    /// One per table of [`LISTS`], in its order.
    delete_lists: Vec<CachedStatement<'c>>,
    dates: ListInsert<'c>,
    places: ListInsert<'c>,
    actors: ListInsert<'c>,
    sources: ListInsert<'c>,
    quotes: ListInsert<'c>,
}

impl<'c> Batch<'c> {
    fn new(tx: &'c Transaction) -> rusqlite::Result<Batch<'c>> {
        Ok(Batch {
            // A new id, the common case, costs one insert; an id already there is
            // found by the insert changing no row, and replaced.
            insert_article: tx.prepare_cached(
                "INSERT INTO articles (id, source, title, published, url, status, reason, \
                 encoding, language, confidence, reliable, chars, paragraphs, sentences) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) \
                 ON CONFLICT (id) DO NOTHING",
            )?,
            find_article: tx.prepare_cached("SELECT key FROM articles WHERE id = ?1")?,
            delete_article: tx.prepare_cached("DELETE FROM articles WHERE key = ?1")?,
            delete_lists: LISTS
                .iter()
                .map(|table| tx.prepare_cached(&format!("DELETE FROM {table} WHERE article = ?1")))
                .collect::<rusqlite::Result<_>>()?,
            dates: ListInsert::new(tx, "dates", &DATE_COLUMNS)?,
            places: ListInsert::new(tx, "places", &PLACE_COLUMNS)?,
            actors: ListInsert::new(tx, "actors", &ACTOR_COLUMNS)?,
            sources: ListInsert::new(tx, "sources", &SOURCE_COLUMNS)?,
            quotes: ListInsert::new(tx, "quotes", &QUOTE_COLUMNS)?,
        })
    }

    /// Writes one record, replacing any article of its id.
    fn write(&mut self, tx: &Transaction, r: &Record) -> rusqlite::Result<()> {
        let id = r.id.as_str();
        if self.insert_article(r)? == 0 {
            let key: i64 = self.find_article.query_row([id], |row| row.get(0))?;
            for delete in &mut self.delete_lists {
                delete.execute([key])?;
            }
            self.delete_article.execute([key])?;
            self.insert_article(r)?;
        }
        // A new key, after every other: the lists' rows are appended to their tables.
        let article = (tx.last_insert_rowid(), id);
        self.dates.insert(
            article,
            &r.dates,
            |d| &d.span,
            |d| {
                [
                    Ref(d.kind.name()),
                    text(d.value.as_deref()),
                    Ref(d.resolved.name()),
                    text(d.modifier.map(|m| m.name())),
                    text(d.end_value.as_deref()),
                ]
            },
        )?;
        self.places.insert(
            article,
            &r.places,
            |p| &p.span,
            |p| {
                [
                    Ref(p.name.as_ref()),
                    Ref(p.kind.name()),
                    text(p.country.as_deref()),
                    p.geonames.map_or(Null, |g| Int(g as i64)),
                ]
            },
        )?;
        self.actors.insert(
            article,
            &r.actors,
            |a| &a.span,
            |a| {
                [
                    Ref(a.kind.name()),
                    text(a.name.as_deref()),
                    text(a.role.as_deref()),
                    text(a.affiliation.as_deref()),
                ]
            },
        )?;
        // Sources before quotes, which point to them.
        self.sources.insert(
            article,
            &r.sources,
            |s| &s.span,
            |s| [Ref(s.kind.name()), text(s.qualifier.as_deref())],
        )?;
        let index = |i: Option<usize>| i.map_or(Null, |i| Int(i as i64));
        self.quotes.insert(
            article,
            &r.quotes,
            |q| &q.span,
            |q| {
                let speaker = q.speaker.as_ref();
                [
                    Ref(q.kind.name()),
                    text(speaker.map(|s| s.text.as_str())),
                    index(speaker.map(|s| s.start)),
                    index(speaker.map(|s| s.end)),
                    Int(i64::from(q.anonymous)),
                    text(q.verb.as_deref()),
                    index(q.source),
                    index(q.actor),
                ]
            },
        )
    }

    /// Inserts the article's own row unless its id is taken; returns the rows inserted.
    fn insert_article(&mut self, r: &Record) -> rusqlite::Result<usize> {
        let language = r.language.as_ref();
        self.insert_article.execute(params![
            r.id,
            r.source,
            r.title,
            r.published,
            r.url,
            r.status.name(),
            r.reason,
            r.encoding.name(),
            language.map(|l| l.code.as_str()),
            language.map(|l| l.confidence),
            language.map(|l| l.reliable),
            r.stats.chars as i64,
            r.stats.paragraphs as i64,
            r.stats.sentences as i64,
        ])
    }
}
