//! Classifies each stdin line and prints heading, confidence and deciding words.
use interdict_goods::GoodsScreener;
use std::io::BufRead;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let s = GoodsScreener::bundled()?;
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        let c = s.classify(&line);
        println!(
            "{:<6} {:.2} lux={} {:<45} {:?}",
            c.code().unwrap_or("-"),
            c.confidence,
            u8::from(c.luxury),
            line,
            c.decisive
        );
    }
    Ok(())
}
