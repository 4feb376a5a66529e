//! Classification throughput over realistic customs descriptions, and the
//! start-up cost of loading the tables and building the retrieval index.
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use interdict_goods::GoodsScreener;
use std::hint::black_box;

const LINES: &[&str] = &[
    "Aurus Senat armoured limousine, black, 1 unit",
    "Mercedes-Maybach S600 Guard VR10 saloon",
    "Lexus LX 570 sport utility vehicle, 2019 model year",
    "Rolls-Royce Phantom VIII extended wheelbase",
    "Vodka Russian Standard Platinum 0.7 l x 12 bottles",
    "Swiss wristwatches Rolex Submariner stainless steel",
    "Ladies mink fur coats, length 110 cm",
    "Cosmetics: Sulwhasoo skin care sets",
    "Spare parts for Toyota Land Cruiser 200: brake pads, filters",
    "Frozen pollock fillets, 20 kg cartons",
    "Hot rolled steel coils SS400 2.0mm",
    "Wheat flour 50 kg bags, humanitarian aid",
    "Автомобиль легковой Тойота Ленд Крузер 300",
    "豪华轿车 劳斯莱斯 幻影 1辆",
    "고급 승용차 벤츠 마이바흐 S600",
    "高級腕時計 ロレックス デイトナ",
    "Used excavator Komatsu PC200-8",
    "Paracetamol 500mg tablets, 10x10 blister",
    "Sea-Doo personal watercraft GTX 300",
    "Hennessy XO cognac gift boxes",
];

fn bench(c: &mut Criterion) {
    let s = GoodsScreener::bundled().expect("bundled data");
    let mut g = c.benchmark_group("classify");
    g.throughput(Throughput::Elements(LINES.len() as u64));
    g.bench_function("20 descriptions", |b| {
        b.iter(|| {
            for l in LINES {
                black_box(s.classify(black_box(l)));
            }
        })
    });
    g.finish();
}

/// Start-up: loading every table and building the retrieval index.
fn load(c: &mut Criterion) {
    let mut g = c.benchmark_group("load");
    g.sample_size(10);
    g.bench_function("GoodsScreener::bundled", |b| {
        b.iter(|| black_box(GoodsScreener::bundled().expect("bundled data")))
    });
    g.finish();
}

criterion_group!(benches, bench, load);
criterion_main!(benches);
