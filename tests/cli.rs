//! Runs the real `depeche` binary on the bundled fixtures and on files made here:
//! one record per article, in order, with the right statuses, reasons and encodings.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command as StdCommand, Stdio};

use assert_cmd::Command;
use serde_json::Value;

fn depeche() -> Command {
    Command::cargo_bin("depeche").unwrap()
}

/// Runs `depeche ARGS` from the crate root; returns (records, stderr, exit code).
fn run(args: &[&str], stdin: Option<&[u8]>) -> (Vec<Value>, String, i32) {
    let mut cmd = depeche();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR")).args(args);
    if let Some(input) = stdin {
        cmd.write_stdin(input.to_vec());
    }
    let output = cmd.output().unwrap();
    let stdout = String::from_utf8(output.stdout).expect("output is UTF-8");
    let records = stdout
        .lines()
        .map(|line| serde_json::from_str(line).expect("every output line is one JSON record"))
        .collect();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    (records, stderr, output.status.code().unwrap_or(-1))
}

fn field<'a>(records: &'a [Value], key: &str) -> Vec<&'a str> {
    records
        .iter()
        .map(|r| r[key].as_str().unwrap_or("<null>"))
        .collect()
}

#[test]
fn jsonl_dump_gives_one_record_per_line_in_order() {
    let (records, stderr, code) = run(&["extract", "fixtures/dumps/articles.jsonl"], None);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        field(&records, "id"),
        [
            "fr-01",
            "fr-02",
            "fr-03",
            "fr-04",
            "fr-05",
            "fr-06",
            "fr-07",
            "fr-08",
            "fr-09",
            "fr-10",
            "en-01",
            "brief-01",
            "brief-02",
            "fixtures/dumps/articles.jsonl:14",
            "empty-01"
        ]
    );
    let statuses = field(&records, "status");
    assert_eq!(statuses.iter().filter(|s| **s == "ok").count(), 13);
    assert_eq!(records[10]["status"], "skipped");
    assert_eq!(records[10]["reason"], "not French (en, 1.00)");
    assert_eq!(records[10]["language"]["code"], "en");
    assert_eq!(records[14]["status"], "skipped");
    assert_eq!(records[14]["reason"], "empty text");
    for record in &records {
        assert_eq!(record["schema"], "depeche/1");
        assert_eq!(record["source"], "fixtures/dumps/articles.jsonl");
        for list in ["dates", "places", "actors", "quotes", "sources"] {
            assert!(record[list].is_array(), "{list} present");
        }
        assert!(
            record.get("sentences").is_none(),
            "sentences only when asked"
        );
    }
    // Timestamps are cut to their date; titles and URLs are passed through.
    assert_eq!(records[1]["published"], "2025-03-18");
    assert_eq!(records[0]["published"], "2025-03-12");
    assert!(records[0]["title"]
        .as_str()
        .unwrap()
        .starts_with("Mer Noire"));
    assert!(records[0]["url"].as_str().unwrap().starts_with("https://"));
    assert_eq!(records[0]["language"]["code"], "fr");
    assert_eq!(records[0]["stats"]["chars"], 4981);
}

#[test]
fn output_is_identical_whatever_the_jobs() {
    let one = depeche()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["extract", "--sentences", "-j", "1", "fixtures"])
        .output()
        .unwrap();
    let four = depeche()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["extract", "--sentences", "-j", "4", "fixtures"])
        .output()
        .unwrap();
    assert!(!one.stdout.is_empty());
    assert_eq!(one.stdout, four.stdout);
}

#[test]
fn bad_lines_become_error_records_among_good_ones() {
    let (records, stderr, code) = run(&["extract", "fixtures/dumps/bad-lines.jsonl"], None);
    assert_eq!(
        code, 0,
        "bad lines are records, not unreadable input: {stderr}"
    );
    let summary: Vec<(&str, &str)> = records
        .iter()
        .map(|r| (r["id"].as_str().unwrap(), r["status"].as_str().unwrap()))
        .collect();
    assert_eq!(
        summary,
        [
            ("bad-01", "ok"),
            ("fixtures/dumps/bad-lines.jsonl:2", "error"),
            ("bad-02", "ok"),
            ("no-text", "error"),
            ("fixtures/dumps/bad-lines.jsonl:6", "error"),
            ("bad-03", "ok"),
        ]
    );
    assert!(records[1]["reason"]
        .as_str()
        .unwrap()
        .starts_with("bad JSON line: EOF while parsing a string"));
    assert_eq!(records[3]["reason"], "no \"text\" field");
    assert_eq!(records[4]["reason"], "line is not a JSON object");
    for error in [&records[1], &records[3], &records[4]] {
        assert!(error["language"].is_null());
        assert_eq!(error["dates"], serde_json::json!([]));
    }
}

#[test]
fn gzip_dump_reads_like_the_plain_one() {
    let (plain, _, _) = run(&["extract", "fixtures/dumps/articles.jsonl"], None);
    let (gz, _, code) = run(&["extract", "fixtures/dumps/articles.jsonl.gz"], None);
    assert_eq!(code, 0);
    assert_eq!(plain.len(), gz.len());
    for (p, g) in plain.iter().zip(&gz) {
        assert_eq!(p["status"], g["status"]);
        assert_eq!(p["stats"], g["stats"]);
        assert_eq!(g["source"], "fixtures/dumps/articles.jsonl.gz");
    }
    assert_eq!(gz[13]["id"], "fixtures/dumps/articles.jsonl.gz:14");
}

#[test]
fn windows_1252_is_decoded_and_said() {
    let (records, _, code) = run(&["extract", "fixtures/encoding/cp1252.txt"], None);
    assert_eq!(code, 0);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["encoding"], "windows-1252");
    assert_eq!(records[0]["status"], "ok");
    assert_eq!(records[0]["stats"]["chars"], 1418);
    assert_eq!(records[0]["id"], "fixtures/encoding/cp1252.txt");
}

#[test]
fn bom_is_stripped_and_crlf_kept() {
    let (records, _, _) = run(
        &["extract", "--sentences", "fixtures/encoding/bom-crlf.txt"],
        None,
    );
    let record = &records[0];
    let bytes =
        fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/encoding/bom-crlf.txt"))
            .unwrap();
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    assert!(text.contains("\r\n"));
    let chars: Vec<char> = text.chars().collect();
    assert_eq!(record["encoding"], "utf-8");
    assert_eq!(record["stats"]["chars"], chars.len());
    let sentences = record["sentences"].as_array().unwrap();
    assert_eq!(
        sentences.len(),
        record["stats"]["sentences"].as_u64().unwrap() as usize
    );
    for s in sentences {
        let (start, end) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        let sentence: String = chars[start..end].iter().collect();
        assert!(
            !sentence.contains('\r') && !sentence.contains('\n'),
            "{sentence:?}"
        );
        assert_eq!(sentence.trim(), sentence);
    }
    assert!(chars[..sentences[0]["end"].as_u64().unwrap() as usize]
        .iter()
        .all(|&c| c != '\u{feff}'));
}

#[test]
fn stdin_jsonl_and_text() {
    let jsonl = b"{\"id\": \"a\", \"text\": \"Le maire de Brest a d\xc3\xa9missionn\xc3\xa9 hier soir.\"}\n\n{\"text\": \"Il pleut sur Nantes depuis le d\xc3\xa9but de la semaine.\"}";
    let (records, _, code) = run(&["extract"], Some(jsonl));
    assert_eq!(code, 0);
    assert_eq!(field(&records, "id"), ["a", "stdin:3"]);
    assert_eq!(field(&records, "source"), ["stdin", "stdin"]);

    let (records, _, _) = run(
        &["extract", "-"],
        Some("Titre\n\nLe texte d'un article, sur une ligne.".as_bytes()),
    );
    assert_eq!(field(&records, "id"), ["stdin"]);
    assert_eq!(records[0]["stats"]["paragraphs"], 2);

    let (records, _, code) = run(&["extract"], Some(b""));
    assert_eq!(
        (records.len(), code),
        (0, 0),
        "empty stdin: no article, no record"
    );

    let (records, _, _) = run(
        &["extract", "--input-format", "text", "-"],
        Some(b"{\"text\": \"forc\xc3\xa9 en texte\"}"),
    );
    assert_eq!(field(&records, "id"), ["stdin"]);
}

#[test]
fn missing_path_is_an_error_record_and_the_run_goes_on() {
    let (records, stderr, code) = run(
        &[
            "extract",
            "fixtures/nope.txt",
            "fixtures/encoding/cp1252.txt",
        ],
        None,
    );
    assert_eq!(code, 1, "some input could not be read");
    assert_eq!(
        field(&records, "id"),
        ["fixtures/nope.txt", "fixtures/encoding/cp1252.txt"]
    );
    assert_eq!(records[0]["status"], "error");
    assert_eq!(records[0]["reason"], "no such file or directory");
    assert_eq!(records[1]["status"], "ok");
    assert!(
        stderr.contains("depeche: fixtures/nope.txt: no such file or directory"),
        "{stderr}"
    );
}

#[test]
fn directories_are_walked_sorted_without_hidden_files() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("sub/deeper")).unwrap();
    fs::create_dir_all(root.join(".git")).unwrap();
    let brief = "Le conseil municipal de Caen a voté jeudi le budget de la ville pour l'année.";
    for name in [
        "b.txt",
        "a.txt",
        ".hidden.txt",
        "sub/c.txt",
        "sub/deeper/d.md",
        ".git/x.txt",
        "z.json",
    ] {
        fs::write(root.join(name), brief).unwrap();
    }
    #[cfg(unix)]
    std::os::unix::fs::symlink(root, root.join("sub/loop")).unwrap();
    let out = depeche().arg("extract").arg(root).output().unwrap();
    assert!(out.status.success());
    let ids: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let root = root.to_string_lossy();
    let expected: Vec<String> = ["a.txt", "b.txt", "sub/c.txt", "sub/deeper/d.md", "z.json"]
        .iter()
        .map(|name| format!("{root}/{name}"))
        .collect();
    assert_eq!(
        ids, expected,
        "sorted, hidden skipped, symlink loop walked once"
    );
}

#[test]
fn publication_date_option_and_field_mapping() {
    let dir = tempfile::tempdir().unwrap();
    let dump = dir.path().join("export.ndjson");
    fs::write(
        &dump,
        "{\"uid\": 7, \"body\": \"Le préfet du Var a levé l'alerte orange ce matin.\", \"day\": \"2024-06-01\"}\n\
         {\"uid\": 8, \"body\": \"La mairie de Toulon a fermé les plages pour la journée.\"}\n",
    )
    .unwrap();
    let out = depeche()
        .args([
            "extract",
            "--text-field",
            "body",
            "--id-field",
            "uid",
            "--date-field",
            "day",
        ])
        .args(["--date", "2024-06-02"])
        .arg(&dump)
        .output()
        .unwrap();
    let records: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(field(&records, "id"), ["7", "8"]);
    assert_eq!(field(&records, "published"), ["2024-06-01", "2024-06-02"]);
    assert_eq!(field(&records, "status"), ["ok", "ok"]);
}

#[test]
fn english_is_skipped_unless_all_languages() {
    let (records, _, _) = run(&["extract", "fixtures/en/01-english-article.txt"], None);
    assert_eq!(records[0]["status"], "skipped");
    assert_eq!(records[0]["reason"], "not French (en, 1.00)");
    let (records, _, _) = run(
        &[
            "extract",
            "--all-languages",
            "fixtures/en/01-english-article.txt",
        ],
        None,
    );
    assert_eq!(records[0]["status"], "ok");
    assert_eq!(records[0]["language"]["code"], "en");
    assert!(records[0]["stats"]["sentences"].as_u64().unwrap() > 5);
}

#[test]
fn output_file_option() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("records.jsonl");
    depeche()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["extract", "-o"])
        .arg(&out)
        .arg("fixtures/fr")
        .assert()
        .success()
        .stdout("");
    let fixtures = fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/fr"))
        .unwrap()
        .count();
    assert_eq!(fs::read_to_string(&out).unwrap().lines().count(), fixtures);
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["extract", "--date", "2025-13-01"][..],
        &["extract", "--jobs", "0"],
        &["extract", "--input-format", "csv"],
        &["extract", "--no-such-flag"],
    ] {
        depeche().args(args).assert().code(2);
    }
}

#[test]
fn closed_pipe_ends_the_run_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let dump = dir.path().join("big.jsonl");
    let mut file = fs::File::create(&dump).unwrap();
    for i in 0..20_000 {
        writeln!(
            file,
            "{{\"id\": \"{i}\", \"text\": \"Le maire de Rouen a présenté jeudi le nouveau plan de circulation du centre-ville.\"}}"
        )
        .unwrap();
    }
    drop(file);
    let mut child = StdCommand::new(env!("CARGO_BIN_EXE_depeche"))
        .args(["extract", "-j", "2"])
        .arg(&dump)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.contains("\"id\":\"0\""));
    // The reader is dropped: stdout is closed, as `| head -1` does.
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "exit status {:?}", output.status);
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn write_error_exits_1_with_one_message() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    let full = fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let output = StdCommand::new(env!("CARGO_BIN_EXE_depeche"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["extract", "fixtures/fr"])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("depeche: cannot write records: no space left on device"),
        "{stderr}"
    );
}

#[test]
fn relative_dates_resolve_against_the_publication_date() {
    let text = "Le maire a démissionné hier soir, deux jours avant le conseil du 12 avril.";
    let (records, _, code) = run(
        &["extract", "--date", "2025-04-10", "-"],
        Some(text.as_bytes()),
    );
    assert_eq!(code, 0);
    let dates = records[0]["dates"].as_array().expect("dates");
    let values: Vec<_> = dates.iter().map(|d| d["value"].as_str()).collect();
    assert_eq!(values[0], Some("2025-04-09TEV"));
    assert_eq!(dates[0]["resolved"], "relative");
    assert_eq!(values.last(), Some(&Some("2025-04-12")));
    // Without a publication date, relative expressions have no value.
    let (records, _, _) = run(&["extract", "-"], Some(text.as_bytes()));
    assert_eq!(records[0]["dates"][0]["resolved"], "unresolved");
    assert!(records[0]["dates"][0]["value"].is_null());
}

#[test]
fn actors_carry_full_names_roles_and_organizations() {
    let text =
        "Le procureur de Nanterre, Jean Marin, a requis. M. Marin a cité l'ONU et les enquêteurs.";
    let (records, _, code) = run(&["extract", "-"], Some(text.as_bytes()));
    assert_eq!(code, 0);
    let actors = records[0]["actors"].as_array().expect("actors");
    let got: Vec<(&str, &str, &str)> = actors
        .iter()
        .map(|a| {
            (
                a["text"].as_str().unwrap(),
                a["kind"].as_str().unwrap(),
                a["name"].as_str().or(a["role"].as_str()).unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("Jean Marin", "person", "Jean Marin"),
            ("M. Marin", "person", "Jean Marin"),
            ("ONU", "organization", "Organisation des Nations unies"),
            ("les enquêteurs", "group", "enquêteur"),
        ]
    );
    assert_eq!(actors[0]["role"], "procureur");
}

#[test]
fn stage_times_are_reported_on_stderr() {
    let mut cmd = Command::cargo_bin("depeche").unwrap();
    let out = cmd
        .args(["extract", "--stage-times", "-"])
        .write_stdin("Le ministre Jean Marin a déclaré que tout allait bien, selon une source proche du dossier.")
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    for stage in [
        "language",
        "segmentation",
        "dates",
        "places",
        "actors",
        "sources",
        "quotes",
        "serialization",
        "total",
        "adds",
    ] {
        assert!(stderr.contains(stage), "{stage} missing from {stderr}");
    }
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
}

#[test]
fn press_fixtures_give_full_records() {
    let (records, stderr, code) = run(&["extract", "fixtures/press"], None);
    assert_eq!(code, 0, "{stderr}");
    let files = fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/press"))
        .unwrap()
        .count();
    assert_eq!(records.len(), files);
    let count = |r: &Value, list: &str| r[list].as_array().map_or(0, Vec::len);
    for r in &records {
        let id = r["id"].as_str().unwrap();
        assert_eq!(r["status"], "ok", "{id}");
        assert_eq!(r["language"]["code"], "fr", "{id}");
        assert!(r["stats"]["sentences"].as_u64().unwrap() >= 10, "{id}");
        for list in ["dates", "places", "actors"] {
            assert!(count(r, list) > 0, "{id}: no {list}");
        }
    }
    // Ordinary press quotes someone by name in most articles.
    let named_quotes = records
        .iter()
        .filter(|r| {
            r["quotes"].as_array().unwrap().iter().any(|q| {
                q["kind"] == "direct"
                    && q["speaker"]["text"]
                        .as_str()
                        .is_some_and(|s| s.contains(' '))
            })
        })
        .count();
    assert!(
        named_quotes * 2 > records.len(),
        "{named_quotes} of {}",
        records.len()
    );

    // One article read closely: a court report from Lyon.
    let trial = records
        .iter()
        .find(|r| {
            r["id"]
                .as_str()
                .unwrap()
                .ends_with("03-proces-fraude-renovation.txt")
        })
        .unwrap();
    let date = |text: &str| {
        trial["dates"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["text"] == text)
            .map(|d| d["value"].as_str().unwrap().to_string())
    };
    assert_eq!(date("19 juin 2025").as_deref(), Some("2025-06-19"));
    assert_eq!(date("mercredi").as_deref(), Some("2025-06-18"));
    assert!(trial["actors"].as_array().unwrap().iter().any(|a| {
        a["kind"] == "person" && a["name"] == "Nathalie Brisson" && a["role"] == "procureur"
    }));
    assert!(trial["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|q| { q["kind"] == "direct" && q["speaker"]["text"] == "Nathalie Brisson" }));
    assert_eq!(
        trial["sources"][0]["text"],
        "une source proche de l’enquête"
    );
    assert_eq!(trial["sources"][0]["kind"], "anonymous");
}
