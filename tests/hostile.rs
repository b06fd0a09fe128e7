//! Hostile inputs: whatever depeche is fed, every input gives one record (or one error
//! record), the run ends, and nothing crashes. Each test is one case of the list in the
//! README's "Robustness" section.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use depeche::input::{InputFormat, InputPath, Origin, Reader};
use serde_json::Value;

/// Runs `depeche extract ARGS`; returns (records, stderr, exit code, wall time).
fn extract(args: &[&str], paths: &[&Path]) -> (Vec<Value>, String, i32, Duration) {
    let start = Instant::now();
    let output = Command::new(env!("CARGO_BIN_EXE_depeche"))
        .arg("extract")
        .args(["--progress", "never"])
        .args(args)
        .args(paths)
        .stdin(Stdio::null())
        .output()
        .expect("depeche runs");
    let elapsed = start.elapsed();
    let stdout = String::from_utf8(output.stdout).expect("records are UTF-8");
    let records = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("every line is one JSON record"))
        .collect();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    (records, stderr, output.status.code().unwrap_or(-1), elapsed)
}

/// Deterministic pseudo-random bytes (a linear congruential generator).
fn noise(len: usize, mut seed: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) as u8
        })
        .collect()
}

/// Checks that every span of every list of an `ok` record lies inside its text.
fn spans_inside(record: &Value) {
    let chars = record["stats"]["chars"].as_u64().unwrap();
    for list in ["dates", "places", "actors", "quotes", "sources"] {
        for item in record[list].as_array().unwrap() {
            let (start, end) = (
                item["start"].as_u64().unwrap(),
                item["end"].as_u64().unwrap(),
            );
            assert!(
                start <= end && end <= chars,
                "{list} span {start}..{end} of {chars}"
            );
        }
    }
}

const PARAGRAPH: &str =
    "Le ministre de l'Intérieur, Jean Marin, a déclaré mardi 3 mai à Lyon : « Nous \
    ne céderons rien. » Selon une source proche du dossier, la réunion du 12 juin 2025 a été \
    reportée. Les syndicats estiment que le projet « menace l'emploi ».\n\n";

#[test]
fn binary_files_give_one_record_each() {
    let dir = tempfile::tempdir().unwrap();
    let binary = dir.path().join("image.bin");
    fs::write(&binary, noise(256 * 1024, 7)).unwrap();
    let zeros = dir.path().join("zeros.txt");
    fs::write(&zeros, vec![0u8; 100_000]).unwrap();
    let text = dir.path().join("article.txt");
    fs::write(&text, PARAGRAPH).unwrap();
    let (records, stderr, code, _) = extract(&["--all-languages"], &[&binary, &zeros, &text]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(records.len(), 3);
    for record in &records {
        assert_ne!(record["status"], "error", "{record}");
        if record["status"] == "ok" {
            spans_inside(record);
        }
    }
    assert_eq!(records[2]["status"], "ok");
}

#[test]
fn nul_bytes_inside_an_article() {
    let dir = tempfile::tempdir().unwrap();
    let text = PARAGRAPH.replace(' ', " \0").replace("Lyon", "Ly\0on");
    let plain = dir.path().join("nul.txt");
    fs::write(&plain, &text).unwrap();
    let jsonl = dir.path().join("nul.jsonl");
    let line = serde_json::json!({ "id": "n", "text": text });
    fs::write(&jsonl, format!("{line}\n")).unwrap();
    let (records, stderr, code, _) = extract(&[], &[&plain, &jsonl]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(records.len(), 2);
    for record in &records {
        assert_eq!(record["status"], "ok", "{record}");
        assert_eq!(
            record["stats"]["chars"].as_u64().unwrap() as usize,
            text.chars().count()
        );
        spans_inside(record);
    }
}

#[test]
fn a_50_mb_single_line_article() {
    let dir = tempfile::tempdir().unwrap();
    let text = PARAGRAPH.repeat(50_000_000 / PARAGRAPH.len() + 1);
    let dump = dir.path().join("huge.jsonl");
    let mut file = fs::File::create(&dump).unwrap();
    serde_json::to_writer(
        &mut file,
        &serde_json::json!({ "id": "huge", "text": text }),
    )
    .unwrap();
    writeln!(file).unwrap();
    writeln!(
        file,
        "{}",
        serde_json::json!({ "id": "after", "text": PARAGRAPH })
    )
    .unwrap();
    drop(file);
    let (records, stderr, code, elapsed) = extract(&["-j", "2"], &[&dump]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["id"], "huge");
    assert_eq!(records[0]["status"], "ok");
    assert_eq!(
        records[0]["stats"]["chars"].as_u64().unwrap() as usize,
        text.chars().count()
    );
    assert!(records[0]["quotes"].as_array().unwrap().len() > 100_000);
    assert_eq!(records[1]["id"], "after");
    // About 10 MB/s on one core: a quadratic pass would take hours.
    assert!(elapsed < Duration::from_secs(60), "{elapsed:?}");
}

#[test]
fn two_hundred_thousand_opening_marks_and_no_closing_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("marks.txt");
    fs::write(&path, format!("{PARAGRAPH}{}", "« ".repeat(200_000))).unwrap();
    let (records, stderr, code, elapsed) = extract(&["--all-languages"], &[&path]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["status"], "ok");
    spans_inside(&records[0]);
    assert!(elapsed < Duration::from_secs(10), "{elapsed:?}");
}

#[test]
fn deeply_nested_json_is_an_error_record_not_a_stack_overflow() {
    let dir = tempfile::tempdir().unwrap();
    let dump = dir.path().join("nested.jsonl");
    let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    let lines = [
        // Nested in the text field: the line has no text.
        format!("{{\"id\": \"a\", \"text\": {}}}", deep(200_000)),
        // Nested in a field depeche skips: the article is read.
        format!(
            "{{\"id\": \"b\", \"extra\": {}, \"text\": \"{}\"}}",
            deep(200_000),
            "Le maire de Caen a parlé."
        ),
        // Nested objects all the way down.
        format!("{}1{}", "{\"a\":".repeat(200_000), "}".repeat(200_000)),
        // Nested and never closed.
        format!("{{\"id\": \"d\", \"text\": {}", "[".repeat(500_000)),
    ];
    fs::write(&dump, lines.join("\n")).unwrap();
    let (records, stderr, code, _) = extract(&[], &[&dump]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(records.len(), 4);
    assert_eq!(records[0]["status"], "error");
    assert_eq!(records[0]["reason"], "\"text\" is an array, not a string");
    assert_eq!(records[1]["status"], "ok");
    assert_eq!(records[2]["status"], "error");
    assert_eq!(records[3]["status"], "error");
    assert!(records[3]["reason"]
        .as_str()
        .unwrap()
        .starts_with("bad JSON line"));
}

#[test]
fn lone_surrogate_escapes_are_read_as_replacement_characters() {
    let dir = tempfile::tempdir().unwrap();
    let dump = dir.path().join("surrogates.jsonl");
    fs::write(
        &dump,
        "{\"id\": \"s\", \"text\": \"Le maire de Caen \\ud800 a parlé hier \\udfff soir.\"}\n",
    )
    .unwrap();
    let (records, stderr, code, _) = extract(&[], &[&dump]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(records[0]["id"], "s");
    assert_eq!(records[0]["status"], "ok");
    let text = "Le maire de Caen \u{fffd} a parlé hier \u{fffd} soir.";
    assert_eq!(
        records[0]["stats"]["chars"].as_u64().unwrap() as usize,
        text.chars().count()
    );
    assert_eq!(records[0]["dates"][0]["text"], "hier");
    assert_eq!(records[0]["places"][0]["text"], "Caen");
}

#[test]
fn a_text_that_is_a_number_and_empty_lines() {
    let dir = tempfile::tempdir().unwrap();
    let dump = dir.path().join("odd.jsonl");
    fs::write(
        &dump,
        "{\"id\": \"n\", \"text\": 42}\n\n   \n{\"id\": \"s\", \"text\": \"Le maire de Caen a parlé.\"}\n\n",
    )
    .unwrap();
    let (records, stderr, code, _) = extract(&[], &[&dump]);
    assert_eq!(code, 0, "{stderr}");
    // Blank lines are no articles; the others keep their line numbers' order.
    let ids: Vec<_> = records.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["n", "s"]);
    assert_eq!(records[0]["status"], "error");
    assert_eq!(records[0]["reason"], "\"text\" is a number, not a string");
    assert_eq!(records[1]["status"], "ok");
}

#[test]
fn ten_thousand_tiny_files() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..10_000 {
        fs::write(
            dir.path().join(format!("{i:05}.txt")),
            format!("Brève {i} : le maire de Caen a parlé."),
        )
        .unwrap();
    }
    let (records, stderr, code, _) = extract(&["-j", "2"], &[dir.path()]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(records.len(), 10_000);
    for (i, record) in records.iter().enumerate() {
        assert!(
            record["id"]
                .as_str()
                .unwrap()
                .ends_with(&format!("{i:05}.txt")),
            "input order kept"
        );
    }
}

#[test]
fn an_unreadable_file_is_an_error_record_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("a.txt");
    fs::write(&good, PARAGRAPH).unwrap();
    // A link to nothing is listed by the directory but cannot be opened.
    std::os::unix::fs::symlink(dir.path().join("gone.txt"), dir.path().join("b.txt")).unwrap();
    let (records, stderr, code, _) = extract(&[], &[dir.path()]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["status"], "ok");
    assert_eq!(records[1]["status"], "error");
    assert_eq!(records[1]["reason"], "no such file or directory");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    // Without read permission (not as root, who may read anything).
    let locked = dir.path().join("c.txt");
    fs::write(&locked, PARAGRAPH).unwrap();
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&locked).is_err() {
        let (records, _, code, _) = extract(&[], &[&locked]);
        assert_eq!(code, 1);
        assert_eq!(records[0]["reason"], "permission denied");
    }
}

#[test]
fn a_directory_symlink_loop_is_walked_once() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("a/b")).unwrap();
    fs::write(root.join("a/b/one.txt"), PARAGRAPH).unwrap();
    std::os::unix::fs::symlink(root, root.join("a/b/up")).unwrap();
    std::os::unix::fs::symlink(root.join("a"), root.join("a/b/again")).unwrap();
    let (records, stderr, code, elapsed) = extract(&[], &[root]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(records.len(), 1);
    assert!(elapsed < Duration::from_secs(10));
}

#[test]
fn a_path_that_vanishes_during_the_run() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a.txt", "b.txt", "c.txt"] {
        fs::write(dir.path().join(name), PARAGRAPH).unwrap();
    }
    let warnings = Arc::new(std::sync::Mutex::new(Vec::new()));
    let warn = {
        let warnings = Arc::clone(&warnings);
        Arc::new(move |m: &str| warnings.lock().unwrap().push(m.to_string()))
    };
    let mut reader = Reader::new(
        vec![InputPath::from_arg(dir.path())],
        InputFormat::Auto,
        warn,
    );
    // The directory is listed when its first file is read; then a file goes away.
    let first = reader.next().expect("a.txt");
    assert!(matches!(first.origin, Origin::TextFile { .. }));
    fs::remove_file(dir.path().join("b.txt")).unwrap();
    let rest: Vec<_> = reader.collect();
    assert_eq!(rest.len(), 2, "one article per listed file");
    match &rest[0].origin {
        Origin::Unreadable { path, reason } => {
            assert!(path.ends_with("b.txt"));
            assert_eq!(reason, "no such file or directory");
        }
        other => panic!("b.txt vanished: {other:?}"),
    }
    assert!(matches!(rest[1].origin, Origin::TextFile { .. }));
    assert_eq!(warnings.lock().unwrap().len(), 1);
}
