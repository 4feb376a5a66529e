//! `interdict asset VIN|IMO|REGISTRATION`: what an identifier says (a
//! VIN's maker, country, model year, check digit and flagged marques; an
//! IMO number's check digit; an aircraft mark's State of Registry), the
//! listed vessels or aircraft that carry it, and whether it is watched. A
//! malformed identifier is reported as such (`error[vin_malformed]` or
//! `error[imo_malformed]`, exit code 2) and still looked
//! up by what it gives.

use super::{Context, Format};
use clap::{Args, ValueEnum};
use interdict_assets::{AssetKind, Identified};
use interdict_engine::{AssetAnswer, ListedAsset, SourceSnapshot};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    Vin,
    Imo,
    Registration,
}

#[derive(Args)]
pub struct AssetArgs {
    /// A VIN, an IMO number (`IMO 9114555` or 7 digits), or an aircraft
    /// registration or serial number (`P-632`).
    id: String,
    /// Read the identifier as this kind instead of detecting it.
    #[arg(long, value_enum)]
    kind: Option<KindArg>,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Watched assets (JSON lines: kind, id, why), besides
    /// `$INTERDICT_HOME/watched_assets.jsonl`.
    #[arg(long = "assets", value_name = "FILE")]
    assets: Option<PathBuf>,
}

pub fn run(ctx: &Context, args: AssetArgs) -> anyhow::Result<ExitCode> {
    let watchlist = ctx.watchlist(args.assets.as_deref())?;
    let mut answer = AssetAnswer::identify(&args.id, args.kind.map(kind), &watchlist);
    if answer.needs_lists() {
        answer.look_up(ctx.engine()?, &args.id, crate::output::today());
    }
    let text = match args.format {
        Format::Json => serde_json::to_string_pretty(&answer.to_json())? + "\n",
        Format::Table => to_text(&answer),
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(match &answer.problem {
        Some((code, message)) => {
            eprintln!("error[{code}]: {message}");
            ExitCode::from(code.exit_status())
        }
        None => ExitCode::SUCCESS,
    })
}

fn kind(k: KindArg) -> AssetKind {
    match k {
        KindArg::Vin => AssetKind::Vin,
        KindArg::Imo => AssetKind::Imo,
        KindArg::Registration => AssetKind::Registration,
    }
}

fn to_text(a: &AssetAnswer) -> String {
    let mut s = format!("kind: {}\n", a.identified.kind().as_str());
    if let Some((_, p)) = &a.problem {
        s.push_str(&format!("MALFORMED: {p}\n"));
    }
    match &a.identified {
        Identified::Vin(Ok(r)) => s.push_str(&vin_text(r)),
        Identified::Imo(Ok(digits)) => s.push_str(&format!("imo: {digits} (check digit valid)\n")),
        Identified::Aircraft(r) => match &r.nationality {
            Some(n) => s.push_str(&format!(
                "registration: {} — mark {} = {} ({})\n",
                r.registration, n.mark, n.name, n.country
            )),
            None => s.push_str(&format!(
                "registration or serial: {} — no known nationality mark\n",
                r.registration
            )),
        },
        Identified::Vin(Err(_)) | Identified::Imo(Err(_)) => {}
    }
    if let Some(w) = &a.watched {
        s.push_str(&format!(
            "WATCHED: {} {} — {}\n",
            w.kind.as_str(),
            w.id,
            w.why
        ));
    }
    if a.identified.kind() != AssetKind::Vin {
        s.push_str(&listed_text(&a.listed));
        s.push_str(&format!(
            "lists: {}\n",
            crate::output::sources_text(&a.sources)
        ));
        for w in a.sources.iter().filter_map(SourceSnapshot::warning) {
            s.push_str(&format!("warning: {w}\n"));
        }
    }
    s
}

fn vin_text(r: &interdict_assets::VinReport) -> String {
    use interdict_assets::vin::CheckDigit;
    let mut s = format!("vin: {}\nwmi: {} ({})\n", r.vin, r.wmi, r.region);
    if let Some(c) = &r.country {
        s.push_str(&format!("country: {} ({})\n", c.name, c.code));
    }
    match &r.manufacturer {
        Some(m) => s.push_str(&format!(
            "maker: {} [{}], {}{}\n",
            m.name,
            m.makes.join(", "),
            m.vehicle_type,
            if m.country.is_empty() {
                String::new()
            } else {
                format!(", registered in {}", m.country)
            }
        )),
        None => s.push_str("maker: WMI not in the NHTSA vPIC table\n"),
    }
    if let Some(m) = &r.model {
        s.push_str(&format!("model: {m} (vPIC pattern)\n"));
    }
    s.push_str(&format!("descriptor (4-8): {}\n", r.vds));
    s.push_str(&match r.check_digit {
        CheckDigit::Valid { digit } => format!("check digit: {digit} valid (49 CFR 565.15)\n"),
        CheckDigit::Invalid { found, expected } => {
            format!("check digit: {found} INVALID, expected {expected}\n")
        }
        CheckDigit::NotUsed { found, computed } => format!(
            "check digit: not used in this region (position 9 is {found}; 49 CFR 565.15 would give {computed})\n"
        ),
    });
    s.push_str(&format!("model year: {}\n", r.model_year.basis));
    s.push_str(&format!("plant: {}\nserial: {}\n", r.plant, r.serial));
    for f in &r.flags {
        s.push_str(&format!(
            "FLAG {} ({}): {} [{}]\n",
            f.make,
            f.categories.join(", "),
            f.note,
            f.source
        ));
    }
    s
}

fn listed_text(listed: &[ListedAsset]) -> String {
    if listed.is_empty() {
        return "listed: none on the loaded lists\n".to_string();
    }
    let mut s = String::new();
    for l in listed {
        s.push_str(&format!(
            "LISTED: {} ({}) {} on {} [records {}]\n",
            l.caption,
            l.schema,
            l.id,
            l.datasets.join(", "),
            l.records.join(", ")
        ));
        if !l.former_names.is_empty() {
            s.push_str(&format!("  former names: {}\n", l.former_names.join("; ")));
        }
        for (p, values) in &l.facts {
            s.push_str(&format!("  {p}: {}\n", values.join("; ")));
        }
    }
    s
}
