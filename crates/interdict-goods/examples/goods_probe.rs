//! Prints the report for one goods line: `goods_probe DESCRIPTION [DEST] [HS] [DATE] [VALUE CURRENCY QTY]`.
use interdict_goods::{GoodsLine, GoodsScreener};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let s = GoodsScreener::bundled()?;
    let arg = |i: usize| args.get(i).filter(|a| !a.is_empty() && *a != "-").cloned();
    let line = GoodsLine {
        description: arg(0).unwrap_or_default(),
        destination: arg(1).unwrap_or_else(|| "kp".into()),
        hs_code: arg(2),
        date: arg(3),
        value: arg(4).map(|v| v.parse()).transpose()?,
        currency: arg(5),
        quantity: arg(6).map(|v| v.parse()).transpose()?,
        ..GoodsLine::default()
    };
    let report = s.assess(&line)?;
    println!("{}", serde_json::to_string_pretty(&report)?);
    Ok(())
}
