//! `depeche extract --sqlite`: the database holds the same articles and lists as the
//! JSONL records of the same run, a second run replaces rows instead of adding them,
//! and a run killed midway leaves a readable, consistent database.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags};
use serde_json::Value;

fn depeche(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_depeche"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .expect("depeche runs")
}

fn records(jsonl: &Path) -> Vec<Value> {
    fs::read_to_string(jsonl)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn open(db: &Path) -> Connection {
    Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap()
}

fn count(conn: &Connection, sql: &str, id: &str) -> usize {
    conn.query_row(sql, [id], |r| r.get::<_, i64>(0)).unwrap() as usize
}

/// A JSON value as SQLite gives it back: text, integer, real or null.
fn column(row: &rusqlite::Row, i: usize) -> Value {
    use rusqlite::types::ValueRef;
    match row.get_ref(i).unwrap() {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(n) => Value::from(n),
        ValueRef::Real(x) => Value::from(x),
        ValueRef::Text(t) => Value::from(String::from_utf8(t.to_vec()).unwrap()),
        ValueRef::Blob(_) => panic!("no blobs"),
    }
}

/// Checks every row of `table` for the article `id` against the record's list, field
/// by field (`fields` are (column, JSON path) pairs).
fn check_list(conn: &Connection, record: &Value, table: &str, fields: &[(&str, &[&str])]) {
    let id = record["id"].as_str().unwrap();
    let list = record[table].as_array().unwrap();
    let columns: Vec<_> = fields.iter().map(|(c, _)| format!("\"{c}\"")).collect();
    let sql = format!(
        "SELECT {} FROM {table} WHERE article_id = ?1 ORDER BY idx",
        columns.join(", ")
    );
    let mut statement = conn.prepare(&sql).unwrap();
    let rows: Vec<Vec<Value>> = statement
        .query_map([id], |row| {
            Ok((0..fields.len()).map(|i| column(row, i)).collect())
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rows.len(), list.len(), "{table} of {id}");
    for (row, item) in rows.iter().zip(list) {
        for ((name, path), got) in fields.iter().zip(row) {
            let mut want = item;
            for key in *path {
                want = &want[*key];
            }
            let want = match want {
                Value::Bool(b) => Value::from(i64::from(*b)),
                other => other.clone(),
            };
            assert_eq!(got, &want, "{table}.{name} of {id}: {item}");
        }
    }
}

fn check_database(db: &Path, jsonl: &Path) -> usize {
    let records = records(jsonl);
    let conn = open(db);
    let articles = count(&conn, "SELECT count(*) FROM articles WHERE ?1 = ?1", "");
    assert_eq!(articles, records.len());
    for record in &records {
        let id = record["id"].as_str().unwrap();
        let (status, chars, language): (String, i64, Option<String>) = conn
            .query_row(
                "SELECT status, chars, language FROM articles WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        assert_eq!(status, record["status"].as_str().unwrap());
        assert_eq!(chars, record["stats"]["chars"].as_i64().unwrap());
        assert_eq!(language.as_deref(), record["language"]["code"].as_str());
        let span: [(&str, &[&str]); 4] = [
            ("start", &["start"]),
            ("end", &["end"]),
            ("sentence", &["sentence"]),
            ("text", &["text"]),
        ];
        let with = |more: &[(&'static str, &'static [&'static str])]| {
            let mut all = span.to_vec();
            all.extend_from_slice(more);
            all
        };
        check_list(
            &conn,
            record,
            "dates",
            &with(&[
                ("type", &["type"]),
                ("value", &["value"]),
                ("resolved", &["resolved"]),
            ]),
        );
        check_list(
            &conn,
            record,
            "places",
            &with(&[
                ("name", &["name"]),
                ("kind", &["kind"]),
                ("country", &["country"]),
            ]),
        );
        check_list(
            &conn,
            record,
            "actors",
            &with(&[
                ("kind", &["kind"]),
                ("name", &["name"]),
                ("role", &["role"]),
                ("affiliation", &["affiliation"]),
            ]),
        );
        check_list(
            &conn,
            record,
            "sources",
            &with(&[("kind", &["kind"]), ("qualifier", &["qualifier"])]),
        );
        check_list(
            &conn,
            record,
            "quotes",
            &with(&[
                ("kind", &["kind"]),
                ("speaker_text", &["speaker", "text"]),
                ("speaker_start", &["speaker", "start"]),
                ("anonymous", &["anonymous"]),
                ("verb", &["verb"]),
                ("source_idx", &["source"]),
                ("actor_idx", &["actor"]),
            ]),
        );
    }
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let broken: usize = conn
        .prepare("PRAGMA foreign_key_check")
        .unwrap()
        .query_map([], |_| Ok(()))
        .unwrap()
        .count();
    assert_eq!(broken, 0, "every quote's source and actor exist");
    records.len()
}

#[test]
fn the_database_holds_what_the_records_say() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("depeche.db");
    let jsonl = dir.path().join("records.jsonl");
    let inputs = [
        "fixtures/fr",
        "fixtures/dumps/articles.jsonl.gz",
        "fixtures/encoding",
    ];
    let mut args = vec!["extract", "--sqlite", db.to_str().unwrap(), "-o"];
    args.push(jsonl.to_str().unwrap());
    args.extend(inputs);
    let out = depeche(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let n = check_database(&db, &jsonl);
    assert!(n > 20);
    let conn = open(&db);
    let quotes = count(&conn, "SELECT count(*) FROM quotes WHERE ?1 = ?1", "");
    assert!(quotes > 100, "the fixtures hold quotes");
    // A new database has 32 KiB pages and stays in WAL mode after the run.
    let pragma = |name: &str| -> String {
        conn.query_row(&format!("PRAGMA {name}"), [], |r| {
            r.get::<_, rusqlite::types::Value>(0)
        })
        .map(|v| match v {
            rusqlite::types::Value::Integer(n) => n.to_string(),
            rusqlite::types::Value::Text(t) => t,
            other => format!("{other:?}"),
        })
        .unwrap()
    };
    assert_eq!(pragma("page_size"), "32768");
    assert_eq!(pragma("journal_mode"), "wal");
    // The same run again replaces every article: no row is added.
    drop(conn);
    let out = depeche(&args);
    assert!(out.status.success());
    assert_eq!(check_database(&db, &jsonl), n);
    let conn = open(&db);
    assert_eq!(
        count(&conn, "SELECT count(*) FROM quotes WHERE ?1 = ?1", ""),
        quotes
    );
}

#[test]
fn a_rerun_with_changed_articles_replaces_their_rows() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    let dump = dir.path().join("dump.jsonl");
    let write = |texts: &[(&str, &str)]| {
        let mut f = fs::File::create(&dump).unwrap();
        for (id, text) in texts {
            writeln!(f, "{}", serde_json::json!({ "id": id, "text": text })).unwrap();
        }
    };
    write(&[
        (
            "a",
            "Le maire de Lyon a déclaré jeudi : « Nous tiendrons. » Il part à Paris.",
        ),
        (
            "b",
            "Selon une source proche du dossier, le ministre quittera Rome lundi.",
        ),
    ]);
    let args = [
        "extract",
        "--sqlite",
        db.to_str().unwrap(),
        dump.to_str().unwrap(),
    ];
    assert!(depeche(&args).status.success());
    write(&[("a", "Le préfet de Nantes a parlé vendredi.")]);
    let out = depeche(&args);
    assert!(out.status.success());
    assert!(out.stdout.is_empty(), "with --sqlite alone, no JSONL");
    let conn = open(&db);
    assert_eq!(
        count(&conn, "SELECT count(*) FROM articles WHERE ?1 = ?1", ""),
        2
    );
    let places: Vec<String> = conn
        .prepare("SELECT name FROM places WHERE article_id = 'a' ORDER BY idx")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(places, ["Nantes"], "a's rows are the new ones only");
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM quotes WHERE article_id = ?1",
            "a"
        ),
        0
    );
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM sources WHERE article_id = ?1",
            "b"
        ),
        1
    );
}

#[test]
fn a_killed_run_leaves_a_readable_consistent_database() {
    let dir = tempfile::tempdir().unwrap();
    let dump = dir.path().join("dump.jsonl");
    let mut f = fs::File::create(&dump).unwrap();
    let text = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/fr/01-istanbul-diplomatie.txt"),
    )
    .unwrap();
    for i in 0..6000 {
        writeln!(
            f,
            "{}",
            serde_json::json!({ "id": format!("a{i}"), "text": text })
        )
        .unwrap();
    }
    drop(f);
    let db = dir.path().join("killed.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_depeche"))
        .args(["extract", "-j", "2", "--sqlite"])
        .arg(&db)
        .arg(&dump)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill it once some batches are in.
    let start = Instant::now();
    loop {
        std::thread::sleep(Duration::from_millis(50));
        let written = Connection::open_with_flags(&db, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .and_then(|c| c.query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0)))
            .unwrap_or(0);
        if written > 0 || start.elapsed() > Duration::from_secs(60) {
            break;
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let conn = Connection::open(&db).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let articles = count(&conn, "SELECT count(*) FROM articles WHERE ?1 = ?1", "");
    assert!(articles > 0 && articles < 6000, "{articles} articles");
    // Every article written is whole: as many quotes as every other one.
    let per_article: Vec<i64> = conn
        .prepare("SELECT (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) FROM articles a")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(per_article[0] > 0);
    assert!(per_article.iter().all(|&n| n == per_article[0]));
    // And the next run completes it.
    drop(conn);
    let out = depeche(&[
        "extract",
        "--sqlite",
        db.to_str().unwrap(),
        dump.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    let conn = open(&db);
    assert_eq!(
        count(&conn, "SELECT count(*) FROM articles WHERE ?1 = ?1", ""),
        6000
    );
}

#[test]
fn schema_sql_creates_the_tables() {
    let out = depeche(&["schema", "--sql"]);
    assert!(out.status.success());
    let ddl = String::from_utf8(out.stdout).unwrap();
    let conn = Connection::open_in_memory().unwrap();
    conn.execute_batch(&ddl).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        tables,
        ["actors", "articles", "dates", "depeche", "places", "quotes", "sources"]
    );
    let version: String = conn
        .query_row("SELECT value FROM depeche WHERE key = 'schema'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(version, "depeche/1");
    // And `depeche schema` still prints the JSON Schema of records.
    let out = depeche(&["schema"]);
    let schema: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(schema["properties"]["quotes"].is_object());
}
