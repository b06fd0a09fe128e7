//! The README's Spark recipe (`scripts/recipes/spark-local.sh`: `spark_extract.py` in
//! Spark's local mode, two cores) on dumps split into many partitions, some of them
//! empty or compressed: its records, in JSONL and in Parquet, are those of one
//! `depeche extract` run on the same files. `pyspark` comes from PyPI when Python does
//! not have it; the test is skipped, with the reason printed, when Java is missing or
//! `pyspark` cannot be installed.

use std::env;
use std::ffi::{OsStr, OsString};
use std::fs;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

/// The `PATH` under which `python3` imports `pyspark` and `spark-submit` runs: the
/// caller's own, else one with a virtual environment in `target/tmp` where `pyspark` is
/// installed from PyPI (once; later runs reuse it). `Err` says why Spark cannot run.
fn spark_path() -> Result<OsString, String> {
    let java = Command::new("java").arg("-version").output();
    if !java.is_ok_and(|o| o.status.success()) {
        return Err("no java on the PATH".into());
    }
    let path = env::var_os("PATH").unwrap_or_default();
    if imports_pyspark(&path) {
        return Ok(path);
    }
    let venv = Path::new(env!("CARGO_TARGET_TMPDIR")).join("spark-venv");
    let bin = venv.join("bin");
    let with_venv =
        env::join_paths(std::iter::once(bin.clone()).chain(env::split_paths(&path))).unwrap();
    if imports_pyspark(&with_venv) {
        return Ok(with_venv);
    }
    let created = Command::new("python3")
        .args(["-m", "venv"])
        .arg(&venv)
        .output()
        .map_err(|e| format!("python3: {e}"))?;
    if !created.status.success() {
        return Err(format!(
            "python3 -m venv failed: {}",
            String::from_utf8_lossy(&created.stderr).trim()
        ));
    }
    eprintln!("installing pyspark from PyPI into {}", venv.display());
    let installed = Command::new(bin.join("python3"))
        .args(["-m", "pip", "install", "--quiet", "pyspark"])
        .output()
        .map_err(|e| format!("pip: {e}"))?;
    if !installed.status.success() {
        let stderr = String::from_utf8_lossy(&installed.stderr);
        let last = stderr.lines().last().unwrap_or("").to_string();
        return Err(format!("pip install pyspark failed: {last}"));
    }
    if imports_pyspark(&with_venv) {
        Ok(with_venv)
    } else {
        Err("pyspark installed but not importable".into())
    }
}

/// Whether `python3` imports `pyspark` and `spark-submit` is found, under `path`.
fn imports_pyspark(path: &OsStr) -> bool {
    let import = Command::new("python3")
        .args(["-c", "import pyspark"])
        .env("PATH", path)
        .output();
    let submit = Command::new("spark-submit")
        .arg("--version")
        .env("PATH", path)
        .output();
    import.is_ok_and(|o| o.status.success()) && submit.is_ok_and(|o| o.status.success())
}

/// The records of JSONL text, sorted by id then source (ids repeat across dumps).
fn sorted_records(jsonl: &str) -> Vec<Value> {
    let mut records: Vec<Value> = jsonl
        .lines()
        .map(|line| serde_json::from_str(line).expect("one JSON record a line"))
        .collect();
    records.sort_by_key(|r| (r["id"].to_string(), r["source"].to_string()));
    records
}

/// A record without its null fields, as Spark's `toJSON` writes a row.
fn without_nulls(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k.clone(), without_nulls(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(without_nulls).collect()),
        other => other.clone(),
    }
}

/// Reads a Parquet directory back with Spark, one row a JSON line.
const READ_PARQUET: &str = r#"
import sys
from pyspark.sql import SparkSession
spark = SparkSession.builder.master("local[1]").appName("check").getOrCreate()
for row in spark.read.parquet(sys.argv[1]).toJSON().collect():
    print(row)
spark.stop()
"#;

#[test]
fn spark_local_mode_gives_the_records_of_a_single_run() {
    let path = match spark_path() {
        Ok(path) => path,
        Err(reason) => {
            eprintln!("SKIPPED spark_local_mode_gives_the_records_of_a_single_run: {reason}");
            return;
        }
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let dumps = dir.path().join("dumps");
    fs::create_dir(&dumps).unwrap();
    for name in ["articles.jsonl", "articles.jsonl.gz", "bad-lines.jsonl"] {
        fs::copy(root.join("fixtures/dumps").join(name), dumps.join(name)).unwrap();
    }
    // An empty dump has no partition; one line longer than a partition leaves the
    // partitions after its first one empty.
    fs::write(dumps.join("empty.jsonl"), "").unwrap();
    let paragraph = "Le conseil départemental du Finistère a voté jeudi à Quimper un plan \
                     de 12 millions d'euros pour les routes, a indiqué son président. ";
    let long = serde_json::json!({"id": "long", "text": paragraph.repeat(25_000)});
    fs::write(dumps.join("long.jsonl"), format!("{long}\n")).unwrap();
    // About 2,600 articles, which Spark cuts into several partitions.
    let made = Command::new("python3")
        .arg(root.join("scripts/make_dump.py"))
        .args(["--set", "dense", "12"])
        .arg(dumps.join("generated.jsonl"))
        .status()
        .unwrap();
    assert!(made.success());
    let records = dir.path().join("records");

    let spark = Command::new("bash")
        .arg(root.join("scripts/recipes/spark-local.sh"))
        .current_dir(root)
        .env("PATH", &path)
        .env("DEPECHE", env!("CARGO_BIN_EXE_depeche"))
        .env("DUMPS", &dumps)
        .env("RECORDS", &records)
        .output()
        .unwrap();
    assert!(
        spark.status.success(),
        "{}",
        String::from_utf8_lossy(&spark.stderr)
    );

    let single = Command::new(env!("CARGO_BIN_EXE_depeche"))
        .arg("extract")
        .arg(&dumps)
        .output()
        .unwrap();
    assert!(single.status.success());
    let expected = sorted_records(&String::from_utf8(single.stdout).unwrap());
    assert!(expected.len() > 2_500, "{} records", expected.len());

    let mut parts = Vec::new();
    for entry in fs::read_dir(records.join("jsonl")).unwrap() {
        let path = entry.unwrap().path();
        if path
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("part-")
        {
            parts.push(fs::read_to_string(path).unwrap());
        }
    }
    assert!(parts.len() > 8, "{} partitions", parts.len());
    assert!(parts.iter().any(String::is_empty), "an empty partition");
    let got = sorted_records(&parts.concat());
    assert_eq!(got.len(), expected.len(), "no article lost or duplicated");
    for (got, expected) in got.iter().zip(&expected) {
        assert_eq!(got, expected);
    }

    let parquet = Command::new("python3")
        .env("PATH", &path)
        .args(["-c", READ_PARQUET])
        .arg(records.join("parquet"))
        .output()
        .unwrap();
    assert!(
        parquet.status.success(),
        "{}",
        String::from_utf8_lossy(&parquet.stderr)
    );
    let rows = sorted_records(&String::from_utf8(parquet.stdout).unwrap());
    assert_eq!(rows.len(), expected.len());
    for (row, record) in rows.iter().zip(&expected) {
        assert_eq!(row, &without_nulls(record));
    }
}
