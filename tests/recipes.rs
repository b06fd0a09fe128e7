//! The README's database recipes (`scripts/recipes/*.sql`), run by
//! `scripts/recipes.sh` with each tool found on the machine: the SQLite file's
//! queries, DuckDB's `read_json` and PostgreSQL's `COPY` into `jsonb`. A tool that is
//! missing is skipped with its reason, printed.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

/// The output of each `== section` of the script, and its `SKIP` lines.
fn sections(output: &str) -> (BTreeMap<String, Vec<String>>, Vec<String>) {
    let mut sections = BTreeMap::new();
    let mut skipped = Vec::new();
    let mut current = None;
    for line in output.lines() {
        if let Some(name) = line.strip_prefix("== ") {
            current = Some(name.to_string());
            sections.insert(name.to_string(), Vec::new());
        } else if line.starts_with("SKIP ") {
            skipped.push(line.to_string());
            current = None;
        } else if let Some(name) = &current {
            sections.get_mut(name).unwrap().push(line.to_string());
        }
    }
    (sections, skipped)
}

/// Every file of `scripts/recipes/`: the SQL ones here, the Spark command in
/// `tests/spark.rs`.
#[test]
fn the_readme_shows_every_recipe_word_for_word() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    for entry in std::fs::read_dir(root.join("scripts/recipes")).unwrap() {
        let path = entry.unwrap().path();
        let sql = std::fs::read_to_string(&path).unwrap();
        assert!(
            readme.contains(sql.trim_end()),
            "{} not in the README",
            path.display()
        );
    }
}

#[test]
fn the_recipes_run_and_agree() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = Command::new("bash")
        .arg(root.join("scripts/recipes.sh"))
        .arg(env!("CARGO_BIN_EXE_depeche"))
        .output()
        .expect("bash runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let (sections, skipped) = sections(&stdout);
    for line in &skipped {
        eprintln!("recipes: {line}");
    }
    for (name, rows) in &sections {
        assert!(!rows.is_empty(), "{name} gave no rows");
        assert!(rows.iter().all(|r| r.contains('|')), "{name}: {rows:?}");
    }
    // The same question asked of the SQLite tables and of the JSON records in
    // PostgreSQL gets the same answer.
    if let (Some(sqlite), Some(postgres)) = (
        sections.get("sqlite: top anonymous-source qualifiers"),
        sections.get("postgresql: top anonymous-source qualifiers"),
    ) {
        assert_eq!(sqlite, postgres);
    }
    if let Some(places) = sections.get("duckdb: places by country") {
        assert!(places[0].starts_with("FR|"), "French press: {places:?}");
    }
    assert_eq!(
        sections.len() + skipped.len(),
        4,
        "four recipes, run or skipped: {stdout}"
    );
}
