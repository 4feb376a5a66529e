//! Test doubles of the two engines, answering from fixed tables so that the
//! screening rules can be tested without the matcher or the goods engine.
//! Shared by the integration tests and the benchmark (`#[path]` include).
//! The lists are small stand-ins: real hits come from the real engines.

use interdict_model::PartialDate;
use interdict_screen::{
    GoodsAssessment, GoodsLine, GoodsScreening, GoodsVerdict, Party, PartyHit, PartyScreening,
};
use std::collections::HashMap;

fn fold(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A party whose folded name is exactly a table key is a hit with that score.
pub struct TableParties {
    names: HashMap<String, (String, f64, &'static str)>,
    imos: HashMap<String, String>,
}

impl TableParties {
    pub fn new() -> Self {
        let mut names = HashMap::new();
        // Real listings (OFAC SDN / UN 1718), recorded here only as test data.
        for (n, caption, score, program) in [
            ("kim jong un", "KIM, Jong Un", 1.0, "DPRK4"),
            ("kim yo jong", "KIM, Yo Jong", 1.0, "DPRK3"),
            (
                "vladimir putin",
                "PUTIN, Vladimir Vladimirovich",
                0.95,
                "RUSSIA-EO14024",
            ),
            (
                "korea mining development trading corporation",
                "KOREA MINING DEVELOPMENT TRADING CORPORATION",
                1.0,
                "DPRK",
            ),
            (
                "ocean maritime management company",
                "OCEAN MARITIME MANAGEMENT COMPANY, LIMITED",
                1.0,
                "DPRK",
            ),
            (
                "dandong hongxiang industrial development co ltd",
                "DANDONG HONGXIANG INDUSTRIAL DEVELOPMENT CO LTD",
                1.0,
                "NPWMD",
            ),
            // On the UN list only (programme as the UN list writes it: "DPRK").
            (
                "korea kwangson banking corporation",
                "KOREA KWANGSON BANKING CORPORATION",
                1.0,
                "UN-DPRK",
            ),
            // On a user-loaded list whose law is not tabulated.
            ("own list party", "OWN LIST PARTY", 1.0, "OWN"),
            // A fuzzy near-miss: scores under every role threshold.
            ("kim jong", "KIM, Jong Il (deceased)", 0.5, "DPRK"),
            // A mid-score match: above the consignee threshold, below the critical score.
            (
                "tanchon commercial",
                "TANCHON COMMERCIAL BANK",
                0.82,
                "DPRK3",
            ),
        ] {
            names.insert(n.to_string(), (caption.to_string(), score, program));
        }
        let mut imos = HashMap::new();
        imos.insert("8905490".to_string(), "WISE HONEST".to_string());
        imos.insert("7937317".to_string(), "CHONG CHON GANG".to_string());
        imos.insert("9999999".to_string(), "TEST LISTED VESSEL".to_string());
        TableParties { names, imos }
    }
}

/// The list a stand-in programme belongs to: UN regime names as the UN list
/// writes them, OFAC tags otherwise; "test_table" for a list whose law is
/// not tabulated.
fn dataset_of(program: &str) -> &'static str {
    match program {
        "DPRK" | "DPRK3" | "DPRK4" | "NPWMD" | "RUSSIA-EO14024" => "us_ofac_sdn",
        "UN-DPRK" => "un_sc_sanctions",
        _ => "test_table",
    }
}

impl Default for TableParties {
    fn default() -> Self {
        Self::new()
    }
}

impl PartyScreening for TableParties {
    fn screen_party(&self, party: &Party) -> Vec<PartyHit> {
        match self.names.get(&fold(&party.name)) {
            Some((caption, score, program)) => vec![PartyHit {
                entity_id: format!("test:{}", fold(caption).replace(' ', "-")),
                caption: caption.clone(),
                schema: party.schema.to_string(),
                score: *score,
                datasets: vec![dataset_of(program).into()],
                programs: vec![program.trim_start_matches("UN-").to_string()],
                explanation: vec![format!("exact folded name {:?}", fold(&party.name))],
            }],
            None => Vec::new(),
        }
    }

    fn vessel_by_imo(&self, imo: &str) -> Vec<PartyHit> {
        self.imos
            .get(imo)
            .map(|name| PartyHit {
                entity_id: format!("test:imo-{imo}"),
                caption: name.clone(),
                schema: "Vessel".into(),
                score: 1.0,
                datasets: vec!["test_table".into()],
                programs: vec!["DPRK".into()],
                explanation: vec![format!("IMO {imo}")],
            })
            .into_iter()
            .collect()
    }
}

/// UN DPRK measures in miniature: HS 84-89 and a few luxury headings are
/// prohibited to `kp`; US rules prohibit any HS 84-89 item to `kp` too;
/// everything else is not controlled. Luxury: the headings below.
pub struct TableGoods;

const LUXURY: [&str; 8] = [
    "8703", "9101", "9102", "7113", "8903", "2208", "9307", "7101",
];

impl GoodsScreening for TableGoods {
    fn assess(
        &self,
        line: &GoodsLine,
        destination: &str,
        _origin: Option<&str>,
        _date: Option<PartialDate>,
    ) -> GoodsAssessment {
        let hs: String = line
            .hs_code
            .as_deref()
            .unwrap_or_default()
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        let mismatch = mismatch(line, &hs);
        let luxury = LUXURY.iter().any(|p| hs.starts_with(p)) || mismatch.is_some();
        let chapter: u32 = hs.get(..2).and_then(|c| c.parse().ok()).unwrap_or(0);
        let mut verdicts = Vec::new();
        if destination == "kp" {
            let machinery = (84..=89).contains(&chapter);
            if machinery || luxury {
                verdicts.push(GoodsVerdict {
                    jurisdiction: "UN".into(),
                    status: "prohibited".into(),
                    rule: Some(if machinery {
                        "un-2397-op7".into()
                    } else {
                        "un-1718-luxury".into()
                    }),
                    instrument: Some(if machinery {
                        "UNSCR 2397 (2017)".into()
                    } else {
                        "UNSCR 1718 (2006)".into()
                    }),
                    provision: Some(if machinery {
                        "op. 7".into()
                    } else {
                        "op. 8(a)(iii)".into()
                    }),
                    verified: None,
                    reason: format!("HS {hs} to the DPRK"),
                });
            }
            if machinery {
                verdicts.push(GoodsVerdict {
                    jurisdiction: "US".into(),
                    status: "prohibited".into(),
                    rule: Some("ear-746.4".into()),
                    instrument: Some("15 CFR 746.4".into()),
                    provision: None,
                    verified: None,
                    reason: "EAR items to North Korea".into(),
                });
            }
        }
        if verdicts.is_empty() {
            verdicts.push(GoodsVerdict {
                jurisdiction: "UN".into(),
                status: "not_controlled".into(),
                rule: None,
                instrument: None,
                provision: None,
                verified: None,
                reason: "no measure".into(),
            });
        }
        GoodsAssessment {
            // Like the real engine, the description's heading wins over a disagreeing code.
            hs_code: match &mismatch {
                Some(m) => Some(m.described.clone()),
                None => (!hs.is_empty()).then_some(hs),
            },
            heading: None,
            luxury,
            unit_value_usd: unit_value_usd(line),
            verdicts,
            warnings: Vec::new(),
            mismatch,
        }
    }
}

/// The stand-in's currency conversion: fixed round rates, enough for the
/// undervaluation tests (the real engine converts with its cited table).
fn unit_value_usd(line: &GoodsLine) -> Option<interdict_screen::UsdValue> {
    let rate = match line.currency.as_deref()? {
        "USD" => 1.0,
        "EUR" => 1.08,
        "JPY" => 0.0071,
        _ => return None,
    };
    let qty = line.quantity.filter(|q| *q > 0.0).unwrap_or(1.0);
    Some(interdict_screen::UsdValue {
        usd: line.value? * rate / qty,
        basis: "test stand-in rate".into(),
    })
}

/// The stand-in's description reading: a luxury car make in the description
/// means HS 8703, whatever code was declared.
fn mismatch(line: &GoodsLine, hs: &str) -> Option<interdict_screen::DeclarationMismatch> {
    const MAKES: [&str; 6] = [
        "maybach",
        "rolls royce",
        "bentley",
        "lexus",
        "aurus",
        "mercedes",
    ];
    let text = fold(&line.description);
    let car = MAKES.iter().any(|m| text.contains(m));
    (car && !hs.is_empty() && !hs.starts_with("8703")).then(|| {
        interdict_screen::DeclarationMismatch {
            kind: "heading".into(),
            declared: hs.to_string(),
            described: "8703".into(),
            detail: format!("declared HS {hs} but the description reads as 8703"),
        }
    })
}
