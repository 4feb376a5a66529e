//! Realistic synthetic shipments for benchmarks and load tests: varied goods
//! (real HS codes, plausible unit values), routes over real UN/LOCODE ports
//! with ordinary transshipment hubs, generated company names per country,
//! and a small share of shipments carrying red flags (DPRK destination,
//! luxury gifts, dark periods, renamed vessels, third-country payers,
//! destination mismatches). Deterministic for a seed. Never used to decide.

use crate::reference::Reference;
use crate::rules::km;
use crate::shipment::{
    FormerName, GoodsLine, Leg, Mode, Party, Place, Purpose, Role, Shipment, TrackingGap, Vessel,
};
use interdict_model::rng::SplitMix64 as Rng;
use interdict_model::{PartialDate, Schema};

/// Major ports (UN/LOCODE) and transit times are plausible, not schedules.
const PORTS: [&str; 40] = [
    "CNSGH", "CNNSA", "HKHKG", "SGSIN", "KRPUS", "KRINC", "JPTYO", "JPYOK", "JPOSA", "JPNGO",
    "TWKHH", "VNHPH", "VNSGN", "THBKK", "THLCH", "MYPKG", "IDJKT", "PHMNL", "INNSA", "INMAA",
    "LKCMB", "BDCGP", "AEJEA", "EGPSD", "TRIST", "GRPIR", "ITGOA", "ESVLC", "ESALG", "FRLEH",
    "FRMRS", "BEANR", "NLRTM", "DEHAM", "DEBRV", "GBFXT", "USLAX", "USOAK", "USSAV", "BRSSZ",
];
const HUBS: [&str; 8] = [
    "SGSIN", "HKHKG", "KRPUS", "AEJEA", "NLRTM", "BEANR", "CNSGH", "MYPKG",
];

/// (description, HS code, unit, unit value in USD, luxury)
const GOODS: [(&str, &str, &str, f64, bool); 36] = [
    ("smartphone chargers", "850440", "unit", 8.0, false),
    ("laptop computers", "847130", "unit", 650.0, false),
    ("integrated circuits", "854231", "unit", 30.0, false),
    ("LED lamps", "853952", "unit", 3.0, false),
    ("cotton T-shirts", "610910", "unit", 3.0, false),
    ("men's leather shoes", "640399", "pair", 25.0, false),
    ("wooden dining chairs", "940161", "unit", 60.0, false),
    ("plastic toy figures", "950300", "unit", 1.5, false),
    ("hot-rolled steel coils", "720839", "t", 700.0, false),
    ("aluminium sheets", "760612", "t", 3200.0, false),
    ("polyethylene granules", "390120", "t", 1300.0, false),
    ("tyres for cars", "401110", "unit", 45.0, false),
    ("brake pads", "870830", "set", 20.0, false),
    ("gearboxes for cars", "870840", "unit", 700.0, false),
    ("centrifugal pumps", "841370", "unit", 900.0, false),
    ("air conditioners", "841510", "unit", 400.0, false),
    ("CNC milling machine", "845961", "unit", 190000.0, false),
    ("hydraulic excavator", "842952", "unit", 150000.0, false),
    ("paracetamol tablets", "300490", "pack", 0.5, false),
    ("green coffee beans", "090111", "kg", 4.4, false),
    ("rice, milled", "100630", "t", 520.0, false),
    ("wheat flour", "110100", "t", 450.0, false),
    ("frozen mackerel", "030354", "t", 2000.0, false),
    ("soya beans", "120190", "t", 550.0, false),
    ("palm oil, refined", "151190", "t", 900.0, false),
    ("paper cups", "482369", "unit", 0.12, false),
    ("bed linen", "630231", "unit", 13.0, false),
    ("red wine, Bordeaux", "220421", "bottle", 15.0, false),
    ("Scotch whisky", "220830", "bottle", 40.0, true),
    ("Swiss wristwatch, steel", "910221", "unit", 4000.0, true),
    ("gold jewellery", "711319", "unit", 2500.0, true),
    ("Toyota Land Cruiser", "870333", "unit", 60000.0, true),
    ("Mercedes-Benz S-Class", "870324", "unit", 115000.0, true),
    ("Lexus LX 600", "870324", "unit", 90000.0, true),
    ("Rolls-Royce Ghost", "870324", "unit", 340000.0, true),
    ("sports yacht", "890392", "unit", 900000.0, true),
];

const WORDS: [&str; 24] = [
    "Pacific", "Golden", "Harbor", "Eastern", "Northern", "Bright", "Union", "Global", "Summit",
    "Silver", "Crescent", "Lotus", "Delta", "Orion", "Meridian", "Cedar", "Phoenix", "Atlas",
    "Coral", "Emerald", "Horizon", "Pioneer", "Sterling", "Jade",
];
const TRADES: [&str; 12] = [
    "Trading",
    "Import",
    "Export",
    "Logistics",
    "Industries",
    "Supply",
    "Commerce",
    "Distribution",
    "Motors",
    "Electronics",
    "Foods",
    "Materials",
];

fn suffix(country: &str) -> &'static str {
    match country {
        "jp" => "KK",
        "de" | "at" | "ch" => "GmbH",
        "cn" | "hk" | "kr" | "tw" | "vn" | "th" | "ph" | "id" | "in" | "lk" | "bd" => "Co Ltd",
        "sg" | "my" => "Pte Ltd",
        "us" => "LLC",
        "gb" => "Ltd",
        "fr" => "SAS",
        "it" => "Srl",
        "es" => "SL",
        "nl" | "be" => "BV",
        "br" => "Ltda",
        "ae" => "FZE",
        "tr" => "AS",
        "gr" | "eg" => "SA",
        _ => "Ltd",
    }
}

fn company(rng: &mut Rng, role: Role, country: &str) -> Party {
    Party {
        role,
        schema: Schema::Company,
        name: format!(
            "{} {} {}",
            rng.pick_of(&WORDS),
            rng.pick_of(&TRADES),
            suffix(country)
        ),
        country: Some(country.to_string()),
        address: None,
        identifiers: Default::default(),
        nationality: None,
        position: None,
        birth_date: None,
    }
}

fn date_from_day(day: i64) -> PartialDate {
    // The generator only produces days of recent years, always in range.
    PartialDate::from_day_number(day).unwrap_or(PartialDate {
        year: 2024,
        month: Some(1),
        day: Some(1),
    })
}

/// (a→via + via→b) / a→b, great-circle; infinite when a coordinate is unknown.
fn detour(a: &str, via: &str, b: &str) -> f64 {
    let r = Reference::get();
    let c = |code: &str| r.location(code).and_then(|l| l.trusted_coords());
    match (c(a), c(via), c(b)) {
        (Some(a), Some(v), Some(b)) => (km(a, v) + km(v, b)) / km(a, b).max(1.0),
        _ => f64::INFINITY,
    }
}

fn cc(locode: &str) -> String {
    locode[..2].to_ascii_lowercase()
}

fn vessel(rng: &mut Rng) -> Vessel {
    Vessel {
        name: format!(
            "{} {}",
            rng.pick_of(&WORDS).to_uppercase(),
            rng.below(30) + 1
        ),
        imo: Some(format!("IMO{}", 9_000_000 + rng.below(900_000))),
        flag: Some(
            rng.pick_of(&[
                "pa", "lr", "mh", "sg", "hk", "mt", "gr", "cn", "jp", "kr", "de", "bs",
            ])
            .to_string(),
        ),
        former_names: Vec::new(),
        former_flags: Vec::new(),
    }
}

fn one(rng: &mut Rng, n: u64) -> Shipment {
    let origin_port = *rng.pick_of(&PORTS);
    let mut dest_port = *rng.pick_of(&PORTS);
    while cc(dest_port) == cc(origin_port) {
        dest_port = *rng.pick_of(&PORTS);
    }
    let start = PartialDate {
        year: 2022,
        month: Some(1),
        day: Some(1),
    }
    .day_number()
        + rng.below(1400) as i64;
    let ports = route_ports(rng, origin_port, dest_port);
    let legs = sea_legs(rng, &ports, start);
    let (o, d) = (cc(origin_port), cc(dest_port));
    let mut parties = vec![
        company(rng, Role::Exporter, &o),
        company(rng, Role::Consignee, &d),
    ];
    if rng.chance(40) {
        parties.push(company(rng, Role::Forwarder, &o));
    }
    if rng.chance(20) {
        parties.push(company(rng, Role::NotifyParty, &d));
    }
    let goods = goods_lines(rng);
    let mut s = Shipment {
        id: format!("SYN-{n:08}"),
        date: date_from_day(start),
        declared_destination: d.clone(),
        purpose: Some(Purpose::Sale),
        parties,
        goods,
        legs,
        documents: Vec::new(),
        note: None,
        sources: Vec::new(),
        expected: None,
    };
    red_flags(rng, &mut s);
    s
}

/// Origin, up to two hubs on the way (with a small detour), destination.
fn route_ports(
    rng: &mut Rng,
    origin_port: &'static str,
    dest_port: &'static str,
) -> Vec<&'static str> {
    let mut ports = vec![origin_port];
    let stops = match rng.below(100) {
        0..=69 => 0,
        70..=94 => 1,
        _ => 2,
    };
    for _ in 0..stops {
        // Real carriers route through hubs on the way: try a few, keep one with a small detour.
        for _ in 0..4 {
            let hub = *rng.pick_of(&HUBS);
            let prev = ports.last().copied().unwrap_or(origin_port);
            if !ports.contains(&hub) && hub != dest_port && detour(prev, hub, dest_port) < 1.3 {
                ports.push(hub);
                break;
            }
        }
    }
    ports.push(dest_port);
    ports
}

/// One sea leg between consecutive ports, days apart as real voyages are.
fn sea_legs(rng: &mut Rng, ports: &[&str], start: i64) -> Vec<Leg> {
    let mut legs = Vec::with_capacity(ports.len() - 1);
    let mut day = start;
    for w in ports.windows(2) {
        let transit = 2 + rng.below(30) as i64;
        legs.push(Leg {
            mode: Mode::Sea,
            from: Place::Code(w[0].to_string()),
            to: Place::Code(w[1].to_string()),
            depart: Some(date_from_day(day)),
            arrive: Some(date_from_day(day + transit)),
            carrier: Some(
                rng.pick_of(&[
                    "Maersk",
                    "MSC",
                    "CMA CGM",
                    "COSCO",
                    "Hapag-Lloyd",
                    "ONE",
                    "Evergreen",
                    "HMM",
                ])
                .to_string(),
            ),
            flight: None,
            aircraft: None,
            vessel: Some(vessel(rng)),
            tracking_gaps: Vec::new(),
            note: None,
        });
        day += transit + 1 + rng.below(4) as i64;
    }
    legs
}

/// One to five goods lines at plausible unit values.
fn goods_lines(rng: &mut Rng) -> Vec<GoodsLine> {
    let lines = 1 + rng.below(5);
    let mut goods = Vec::with_capacity(lines);
    for _ in 0..lines {
        let (desc, hs, unit, uv, _) = *rng.pick_of(&GOODS);
        let qty = if uv > 10_000.0 {
            1 + rng.below(3)
        } else {
            10 + rng.below(5000)
        } as f64;
        goods.push(GoodsLine {
            description: desc.to_string(),
            declared_description: None,
            hs_code: Some(hs.to_string()),
            quantity: Some(qty),
            unit: Some(unit.to_string()),
            value: Some((qty * uv * (0.8 + 0.4 * rng.unit())).round()),
            currency: Some("USD".to_string()),
            vin: None,
        });
    }
    goods
}

/// About 5% of shipments get one red flag (and a few of those more than one).
fn red_flags(rng: &mut Rng, s: &mut Shipment) {
    if !rng.chance(5) {
        return;
    }
    match rng.below(6) {
        0 => {
            if let Some(leg) = s.legs.first_mut() {
                let from = leg.depart.map_or(0, |d| d.day_number());
                leg.tracking_gaps.push(TrackingGap {
                    from: date_from_day(from),
                    to: date_from_day(from + 3 + rng.below(15) as i64),
                });
                if let Some(a) = leg.arrive {
                    if a.day_number() < from + 20 {
                        leg.arrive = Some(date_from_day(from + 20));
                        // Keep later legs in order.
                        let mut day = from + 21;
                        for l in s.legs.iter_mut().skip(1) {
                            let len = match (l.depart, l.arrive) {
                                (Some(d), Some(a)) => a.day_number() - d.day_number(),
                                _ => 5,
                            };
                            l.depart = Some(date_from_day(day));
                            l.arrive = Some(date_from_day(day + len));
                            day += len + 1;
                        }
                    }
                }
            }
        }
        1 => {
            if let Some(v) = s.legs.last_mut().and_then(|l| l.vessel.as_mut()) {
                let until = s.date.day_number() - 10 - rng.below(100) as i64;
                v.former_names.push(FormerName {
                    name: format!("{} STAR", rng.pick_of(&WORDS).to_uppercase()),
                    until: Some(date_from_day(until)),
                });
            }
        }
        2 => {
            let c = rng.pick_of(&["ae", "sc", "vg", "pa"]).to_string();
            let mut p = company(rng, Role::Payer, &c);
            p.schema = Schema::Company;
            s.parties.push(p);
        }
        3 => {
            s.declared_destination = rng.pick_of(&["sg", "my", "th", "vn"]).to_string();
            if s.legs
                .last()
                .is_some_and(|l| l.to.country() == s.declared_destination)
            {
                s.declared_destination = "ph".into();
            }
        }
        4 => {
            s.purpose = Some(Purpose::Gift);
            let (desc, hs, unit, _, _) = GOODS[29 + rng.below(7)];
            s.goods.push(GoodsLine {
                description: desc.to_string(),
                declared_description: None,
                hs_code: Some(hs.to_string()),
                quantity: Some(1.0),
                unit: Some(unit.to_string()),
                value: Some(0.0),
                currency: Some("USD".into()),
                vin: None,
            });
        }
        _ => {
            // A last leg on to Nampo.
            if let Some(last) = s.legs.last() {
                let from = last.to.clone();
                let day = last.arrive.map_or(0, |a| a.day_number()) + 2;
                s.legs.push(Leg {
                    mode: Mode::Sea,
                    from,
                    to: Place::Code("KPNAM".into()),
                    depart: Some(date_from_day(day)),
                    arrive: Some(date_from_day(day + 4)),
                    carrier: None,
                    flight: None,
                    aircraft: None,
                    vessel: Some(vessel(rng)),
                    tracking_gaps: Vec::new(),
                    note: None,
                });
            }
        }
    }
}

/// An endless, deterministic stream of synthetic shipments (about three goods lines each).
pub fn generate(seed: u64) -> impl Iterator<Item = Shipment> {
    let mut rng = Rng::new(seed ^ 0x005E_ED0F_1D7E_4D1C);
    (0..u64::MAX).map(move |n| one(&mut rng, n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip() {
        for s in ["2022-01-01", "2024-02-29", "2025-12-31", "2023-03-01"] {
            let d: PartialDate = s.parse().expect("date");
            assert_eq!(date_from_day(d.day_number()), d);
        }
    }
}
