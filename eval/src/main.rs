//! `interdict-eval`: measures interdict's matching quality on published
//! labelled sets (nomenklatura, yente, Watchman, OFAC parity captures) and
//! prints it beside the peer's (nomenklatura logic-v2) on the same pairs.
//!
//! The only part of the project that reads `../shared/data/eval` (by
//! default; `--data` points elsewhere). See `eval/README.md`.

mod engine;
mod evaluate;
mod gold;
mod goods;
mod link_audit;
mod link_sample;
mod metrics;
mod names;
mod ours;
mod peer;
mod report;
mod scripts;
mod sets;

use anyhow::{bail, Result};
use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "interdict-eval",
    about = "Matching quality harness for interdict, with the nomenklatura logic-v2 peer."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Name/party matching: P/R/F1, curves, recall@k and false-positive rates.
    Names(NamesArgs),
    /// Goods: the labelled set, then the blind set per part and language
    /// (HS-6 and heading accuracy, verdicts per jurisdiction, unclassified share).
    Goods(GoodsArgs),
    /// Shipments: confusion matrix of decisions on labelled JSONL, with the real engines.
    Shipments(ShipmentsArgs),
    /// Scores one pair of names and prints the explanation (error analysis).
    Pair(PairArgs),
    /// Writes a seeded random sample of merged clusters and near-miss pairs
    /// (same name, not merged) for a blind audit of record linking.
    LinkSample(LinkSampleArgs),
    /// Re-scores the blind link audit against the current linker:
    /// precision and recall of merges per part (dev, holdout).
    LinkAudit(LinkAuditArgs),
}

#[derive(clap::Args)]
struct LinkAuditArgs {
    /// The audit folder (sample.key.jsonl, labels.jsonl).
    #[arg(long, default_value = "eval/link")]
    dir: PathBuf,
    /// List the dev part's misses and wrong merges (never the holdout's).
    #[arg(long)]
    show_errors: bool,
    /// Also write every merged party (members, reasons) as JSON lines here.
    #[arg(long, value_name = "FILE")]
    parties: Option<PathBuf>,
}

#[derive(clap::Args)]
struct LinkSampleArgs {
    /// Where the sample goes (the key goes beside it, `.key.jsonl`).
    #[arg(long, default_value = "eval/link/sample.jsonl")]
    out: PathBuf,
    /// Clusters and near-miss pairs, each.
    #[arg(long, default_value_t = 300)]
    n: usize,
    #[arg(long, default_value_t = 20261206)]
    seed: u64,
}

#[derive(clap::Args)]
struct PairArgs {
    /// The query name.
    query: String,
    /// The candidate (listed) name.
    candidate: String,
    /// Schema of both sides.
    #[arg(long, default_value = "Person")]
    schema: String,
}

#[derive(clap::Args)]
struct GoodsArgs {
    /// Labelled goods lines [default: crates/interdict-goods/testdata/labelled_goods.csv].
    #[arg(long)]
    labelled: Option<PathBuf>,
    /// Blind set directory with one folder per part (dev, holdout, ...)
    /// holding <language>.csv files [default: eval/blind/goods, if present].
    #[arg(long)]
    blind: Option<PathBuf>,
    /// List up to N misses of the `dev` part (never of other parts).
    #[arg(long, default_value_t = 0)]
    show_errors: usize,
}

#[derive(clap::Args)]
struct ShipmentsArgs {
    /// Labelled shipments (JSONL with an `expected` decision per line)
    /// [default: the committed set and the examples/ cases].
    labelled: Vec<PathBuf>,
}

#[derive(clap::Args)]
struct NamesArgs {
    /// Evaluation data directory [default: ../shared/data/eval from the workspace root].
    #[arg(long)]
    data: Option<PathBuf>,
    /// Blind sets directory, holding dev/ and holdout/ CSV files
    /// [default: eval/blind/names]. Held-back sets in the same layout run
    /// the same way; their rows are counted, never listed, outside dev/.
    #[arg(long)]
    blind: Option<PathBuf>,
    /// Match threshold: a pair is a match when its score is >= this.
    #[arg(long, default_value_t = 0.70)]
    threshold: f64,
    /// Only these sets (repeat or comma-separate): name_bench, entity_bench,
    /// cross_script, un_positives, negatives, ofac_parity, blind.
    #[arg(long = "set", value_delimiter = ',')]
    sets: Vec<String>,
    /// Put the peer's (nomenklatura logic-v2) scores beside ours: reads
    /// --peer-csv if present, else runs eval/peer/run_peer.sh to make it.
    #[arg(long)]
    peer: bool,
    /// Re-run the peer script even if its CSV exists (implies --peer).
    #[arg(long)]
    peer_rerun: bool,
    /// The peer's scores [default: eval/peer/peer_scores.csv].
    #[arg(long)]
    peer_csv: Option<PathBuf>,
    /// Read at most this many rows of each 50k negatives file.
    #[arg(long)]
    negatives_limit: Option<usize>,
    /// Also write the report to this file (e.g. eval/reports/names.md).
    #[arg(long)]
    out: Option<PathBuf>,
}

fn eval_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

mod shipments;

fn main() -> Result<()> {
    match Cli::parse().command {
        Command::Names(args) => names_command(args),
        Command::Goods(args) => {
            let path = args.labelled.unwrap_or_else(|| {
                eval_dir().join("../crates/interdict-goods/testdata/labelled_goods.csv")
            });
            let report = interdict_goods::evaluate(&path)
                .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
            println!("goods: {}\n{report}", path.display());
            let blind = args.blind.unwrap_or_else(|| eval_dir().join("blind/goods"));
            if blind.is_dir() {
                let screener = interdict_goods::GoodsScreener::bundled()?;
                print!("{}", goods::blind(&screener, &blind, args.show_errors)?);
            } else {
                println!("blind set {} not found: skipped", blind.display());
            }
            Ok(())
        }
        Command::Shipments(args) => shipments::run(args.labelled, &eval_dir()),
        Command::LinkSample(args) => link_sample::run(&args.out, args.n, args.seed),
        Command::LinkAudit(args) => {
            link_audit::run(&args.dir, args.show_errors, args.parties.as_deref())
        }
        Command::Pair(args) => {
            let schema: interdict_model::Schema = args
                .schema
                .parse()
                .map_err(|_| anyhow::anyhow!("unknown schema {:?}", args.schema))?;
            for line in ours::explain_pair(schema, &args.query, &args.candidate) {
                println!("{line}");
            }
            Ok(())
        }
    }
}

fn names_command(args: NamesArgs) -> Result<()> {
    if !(0.0..=1.0).contains(&args.threshold) {
        bail!("--threshold must be within 0..1, got {}", args.threshold);
    }
    let data = args
        .data
        .unwrap_or_else(|| eval_dir().join("../../shared/data/eval"));
    // Without the data directory only the blind sets can run: the others
    // are skipped (or refused when asked for by name).
    if !data.is_dir() {
        eprintln!(
            "evaluation data directory {} not found (use --data)",
            data.display()
        );
    }
    let data = data.canonicalize().unwrap_or(data);
    let blind = args.blind.unwrap_or_else(|| eval_dir().join("blind/names"));
    let blind = blind.canonicalize().unwrap_or(blind);
    let peer = if args.peer || args.peer_rerun {
        let csv = args
            .peer_csv
            .unwrap_or_else(|| eval_dir().join("peer/peer_scores.csv"));
        if args.peer_rerun || !csv.exists() {
            // The peer ranks the UN positives over the same UN snapshot we index.
            let un = eval_dir().join("peer/un_entities.ftm.json");
            ours::export_un(&un)?;
            peer::run_script(&eval_dir().join("peer/run_peer.sh"), &data, &csv, Some(&un))?;
        }
        Some(peer::PeerScores::read(&csv)?)
    } else {
        None
    };
    let opts = names::Options {
        data,
        blind,
        threshold: args.threshold,
        sets: args.sets,
        peer,
        negatives_limit: args.negatives_limit,
    };
    let report = names::run(&opts, &ours::Ours)?;
    print!("{report}");
    if let Some(path) = args.out {
        std::fs::write(&path, &report)?;
        eprintln!("report written to {}", path.display());
    }
    Ok(())
}
