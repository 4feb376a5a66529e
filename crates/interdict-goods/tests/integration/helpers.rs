use interdict_goods::{GoodsLine, GoodsReport, GoodsScreener, Status};
use std::sync::OnceLock;

pub fn screener() -> &'static GoodsScreener {
    static S: OnceLock<GoodsScreener> = OnceLock::new();
    S.get_or_init(|| GoodsScreener::bundled().expect("bundled data loads"))
}

pub fn line(description: &str, destination: &str) -> GoodsLine {
    GoodsLine {
        description: description.into(),
        destination: destination.into(),
        ..GoodsLine::default()
    }
}

pub fn assess(l: &GoodsLine) -> GoodsReport {
    screener().assess(l).expect("line assesses")
}

pub fn status(r: &GoodsReport, j: &str) -> Status {
    r.verdict(j).expect("verdict present").status
}

/// Every provision named for a jurisdiction: the deciding one and the others.
pub fn provisions(r: &GoodsReport, j: &str) -> Vec<String> {
    let v = r.verdict(j).expect("verdict present");
    let mut out: Vec<String> = v
        .instrument
        .iter()
        .zip(v.provision.iter())
        .map(|(i, p)| format!("{i} {p}"))
        .collect();
    out.extend(
        v.also
            .iter()
            .map(|a| format!("{} {}", a.instrument, a.provision)),
    );
    out
}
