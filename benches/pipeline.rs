//! The whole pipeline (language, segmentation, extraction, serialization) on the
//! bundled French fixtures, article by article, then each stage alone: language,
//! segmentation (sentences, words and keys), dates, places, actors, sources, quotes,
//! serialization.
//!
//! `cargo bench --bench pipeline`. For a large dump, see the README's Performance
//! section (`scripts/bench.sh`).

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use depeche::{ArticleMeta, Extractor};

fn fixtures() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/fr");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures/fr exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

fn pipeline(c: &mut Criterion) {
    let articles = fixtures();
    let bytes: usize = articles.iter().map(String::len).sum();
    let extractor = Extractor::builder().sentences(true).build();
    let meta = ArticleMeta::with_id("bench");
    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("extract+serialize", |b| {
        b.iter(|| {
            for text in &articles {
                let record = extractor.extract(text, &meta);
                let mut line = Vec::new();
                record.write_json(&mut line);
                std::hint::black_box(line);
            }
        })
    });
    group.bench_function("segment", |b| {
        b.iter(|| {
            for text in &articles {
                let doc = depeche::Document::new(text);
                doc.words();
                std::hint::black_box(doc);
            }
        })
    });
    let documents: Vec<depeche::Document> =
        articles.iter().map(|t| depeche::Document::new(t)).collect();
    for doc in &documents {
        doc.words();
    }
    depeche::places::gazetteer();
    group.bench_function("places", |b| {
        b.iter(|| {
            for doc in &documents {
                std::hint::black_box(depeche::places::extract(doc));
            }
        })
    });
    group.bench_function("dates", |b| {
        b.iter(|| {
            for doc in &documents {
                std::hint::black_box(depeche::dates::extract(doc, Some("2025-04-10")));
            }
        })
    });
    let places: Vec<_> = documents.iter().map(depeche::places::extract).collect();
    depeche::actors::lexicon();
    group.bench_function("actors", |b| {
        b.iter(|| {
            for (doc, places) in documents.iter().zip(&places) {
                std::hint::black_box(depeche::actors::extract(doc, places));
            }
        })
    });
    let actors: Vec<_> = documents
        .iter()
        .zip(&places)
        .map(|(doc, places)| depeche::actors::find(doc, places))
        .collect();
    group.bench_function("sources", |b| {
        b.iter(|| {
            for doc in &documents {
                std::hint::black_box(depeche::sources::find(doc));
            }
        })
    });
    group.bench_function("quotes", |b| {
        b.iter(|| {
            for (doc, actors) in documents.iter().zip(&actors) {
                std::hint::black_box(depeche::quotes::extract(doc, actors));
            }
        })
    });
    let records: Vec<_> = articles
        .iter()
        .map(|text| extractor.extract(text, &meta))
        .collect();
    group.bench_function("serialize", |b| {
        b.iter(|| {
            for record in &records {
                let mut line = Vec::new();
                record.write_json(&mut line);
                std::hint::black_box(line);
            }
        })
    });
    group.bench_function("language", |b| {
        b.iter(|| {
            for text in &articles {
                std::hint::black_box(depeche::language::identify(text));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
