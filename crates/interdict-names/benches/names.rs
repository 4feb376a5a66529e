//! Hot paths the matcher calls on every list name and every query.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use interdict_names::{korean_keys, latin_forms, normalize, phonetic_key, tokenize};

fn names(c: &mut Criterion) {
    c.bench_function("normalize latin", |b| {
        b.iter(|| normalize(black_box("KIM Jong-Un (a.k.a. Ch'ŏng Ŭn)")))
    });
    c.bench_function("normalize ascii", |b| {
        b.iter(|| normalize(black_box("KOREA MINING DEVELOPMENT TRADING CORPORATION")))
    });
    c.bench_function("tokenize run-together", |b| {
        b.iter(|| tokenize(black_box("kim jongun")))
    });
    c.bench_function("tokenize english", |b| {
        b.iter(|| tokenize(black_box("korea mining development trading corporation")))
    });
    c.bench_function("korean_keys korean", |b| {
        b.iter(|| korean_keys(black_box("chong")))
    });
    c.bench_function("korean_keys english", |b| {
        b.iter(|| korean_keys(black_box("mining")))
    });
    c.bench_function("phonetic_key", |b| {
        b.iter(|| phonetic_key(black_box("schmidt")))
    });
    c.bench_function("latin_forms latin", |b| {
        b.iter(|| latin_forms(black_box("Korea Mining Development Trading Corporation")))
    });
    c.bench_function("latin_forms hangul", |b| {
        b.iter(|| latin_forms(black_box("김정은")))
    });
    c.bench_function("latin_forms han", |b| {
        b.iter(|| latin_forms(black_box("金正恩")))
    });
    c.bench_function("latin_forms cyrillic", |b| {
        b.iter(|| latin_forms(black_box("Ким Чен Ын")))
    });
}

criterion_group!(benches, names);
criterion_main!(benches);
