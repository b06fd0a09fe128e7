//! `depeche extract -` as Spark's `RDD.pipe`, Hadoop Streaming and GNU parallel
//! `--pipe` use it: JSONL in on standard input while records come out, in input order,
//! from partitions that are empty, cut short or very long, with exit status 0.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::Duration;

use serde_json::Value;

/// Starts `depeche extract ARGS -` with piped standard streams.
fn start(args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_depeche"))
        .arg("extract")
        .args(args)
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// The records of a child's stdout, one by one, as they are written.
fn records(child: &mut Child) -> Receiver<Value> {
    let stdout = BufReader::new(child.stdout.take().unwrap());
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        for line in stdout.lines() {
            let record = serde_json::from_str(&line.unwrap()).expect("one JSON record a line");
            if tx.send(record).is_err() {
                return;
            }
        }
    });
    rx
}

/// Runs `depeche extract ARGS -` on `input`; returns the records and the exit code.
fn run(args: &[&str], input: Vec<u8>) -> (Vec<Value>, i32) {
    let mut child = start(args);
    let mut stdin = child.stdin.take().unwrap();
    let writer = thread::spawn(move || stdin.write_all(&input));
    let records: Vec<Value> = records(&mut child).iter().collect();
    writer.join().unwrap().unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    assert!(stderr.is_empty(), "nothing on stderr: {stderr}");
    (records, status.code().unwrap_or(-1))
}

fn line(id: usize) -> String {
    format!(
        "{{\"id\": \"a{id}\", \"text\": \"Le conseil municipal de Lorient a voté mardi le budget de l'année.\"}}\n"
    )
}

fn ids(records: &[Value]) -> Vec<&str> {
    records.iter().map(|r| r["id"].as_str().unwrap()).collect()
}

fn send(stdin: &mut ChildStdin, lines: std::ops::Range<usize>) {
    for id in lines {
        stdin.write_all(line(id).as_bytes()).unwrap();
    }
    stdin.flush().unwrap();
}

#[test]
fn records_leave_before_the_input_ends() {
    let mut child = start(&["--input-format", "jsonl"]);
    let out = records(&mut child);
    let mut stdin = child.stdin.take().unwrap();
    let wait = Duration::from_secs(20);
    send(&mut stdin, 0..3);
    // Standard input stays open: the three records must come out all the same.
    let first: Vec<Value> = (0..3).map(|_| out.recv_timeout(wait).unwrap()).collect();
    assert_eq!(ids(&first), ["a0", "a1", "a2"]);
    send(&mut stdin, 3..5);
    let next: Vec<Value> = (0..2).map(|_| out.recv_timeout(wait).unwrap()).collect();
    assert_eq!(ids(&next), ["a3", "a4"]);
    drop(stdin);
    assert!(child.wait().unwrap().success());
    assert!(out.recv().is_err(), "no record after the end");
}

#[test]
fn a_partition_cut_short_keeps_its_whole_lines_and_says_what_was_cut() {
    // The writer stopped in the middle of the third line: no newline, no closing brace.
    let mut input = format!("{}{}", line(0), line(1)).into_bytes();
    input.extend_from_slice(br#"{"id": "a2", "text": "Le conseil munic"#);
    let (records, code) = run(&["--input-format", "jsonl"], input);
    assert_eq!(code, 0);
    assert_eq!(ids(&records), ["a0", "a1", "stdin:3"]);
    assert_eq!(records[0]["status"], "ok");
    assert_eq!(records[2]["status"], "error");
    assert!(records[2]["reason"]
        .as_str()
        .unwrap()
        .starts_with("bad JSON line"));

    // A whole last line without its newline is a whole article.
    let whole = line(7).trim_end().as_bytes().to_vec();
    let (records, code) = run(&["--input-format", "jsonl"], whole);
    assert_eq!((ids(&records), code), (vec!["a7"], 0));
    assert_eq!(records[0]["status"], "ok");
}

#[test]
fn empty_partitions_write_nothing_and_succeed() {
    for args in [&[][..], &["--input-format", "jsonl"][..]] {
        let (records, code) = run(args, Vec::new());
        assert_eq!((records.len(), code), (0, 0), "{args:?}");
    }
    let (records, code) = run(&["--input-format", "jsonl"], b"\n\r\n  \n".to_vec());
    assert_eq!((records.len(), code), (0, 0), "blank lines only");
}

#[test]
fn parts_of_a_split_input_give_distinct_ids() {
    let input = b"{\"text\": \"Brest.\"}\n{\"id\": \"b\", \"text\": \"Vannes.\"}\n".to_vec();
    let name = ["--input-format", "jsonl", "--stdin-name", "in/dump.jsonl"];
    let (first, _) = run(&[&name[..], &["--stdin-part", "0"]].concat(), input.clone());
    let (third, code) = run(&[&name[..], &["--stdin-part", "2"]].concat(), input);
    assert_eq!(code, 0);
    // The first part is numbered as a whole run numbers the file.
    assert_eq!(ids(&first), ["in/dump.jsonl:1", "b"]);
    assert_eq!(ids(&third), ["in/dump.jsonl#2:1", "b"]);
    for record in first.iter().chain(&third) {
        assert_eq!(record["source"], "in/dump.jsonl");
    }
}

/// Reads the peak resident memory of a running process, in kB.
fn peak_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn a_long_partition_streams_in_order_in_bounded_memory() {
    // About 60 MB, written while the records are read, as `RDD.pipe` does.
    let count = 120_000;
    let padding = " Les élus ont débattu pendant trois heures du financement des écoles.".repeat(6);
    let mut child = start(&["-j", "2", "--input-format", "jsonl"]);
    let pid = child.id();
    let mut stdin = child.stdin.take().unwrap();
    let writer = thread::spawn(move || {
        let mut buffer = Vec::new();
        for id in 0..count {
            buffer.clear();
            writeln!(
                buffer,
                "{{\"id\": \"p{id}\", \"text\": \"Le maire de Lorient a parlé.{padding}\"}}"
            )
            .unwrap();
            stdin.write_all(&buffer).unwrap();
        }
    });
    let out = records(&mut child);
    let mut peak = 0;
    let mut seen = 0;
    for record in out.iter() {
        assert_eq!(record["id"], format!("p{seen}"), "input order");
        seen += 1;
        if seen % 10_000 == 0 {
            peak = peak.max(peak_kb(pid).unwrap_or(0));
        }
    }
    writer.join().unwrap();
    assert!(child.wait().unwrap().success());
    assert_eq!(seen, count);
    assert!(peak > 0 && peak < 150_000, "peak memory {peak} kB");
}
