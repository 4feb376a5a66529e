//! The request and response bodies and query parameters as OpenAPI sees
//! them. The handlers build their JSON from the engine's answers; these
//! types describe that JSON for `/openapi.json` (yente's names for yente's
//! shapes), and the tests validate real responses against them, so a shape
//! that drifts from its description fails a test.

use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;
use utoipa::{IntoParams, IntoResponses, ToSchema};

/// An entity in yente's shape: exactly these ten keys. Timestamps are
/// `YYYY-MM-DDTHH:MM:SS`; with nesting, property values that point at
/// another entity are that entity (one hop).
#[derive(Serialize, ToSchema)]
pub struct EntityResponse {
    /// Canonical id (a merged party's first record id).
    pub id: String,
    /// Display name.
    pub caption: String,
    /// FtM schema.
    pub schema: String,
    /// FtM properties: a list of values each (strings, or nested entities).
    pub properties: BTreeMap<String, Vec<Value>>,
    /// Datasets holding the entity.
    pub datasets: Vec<String>,
    /// Every record id merged into this entity.
    pub referents: Vec<String>,
    /// Whether the entity is a sanctions target.
    pub target: bool,
    /// When the entity was first seen (`YYYY-MM-DDTHH:MM:SS`).
    pub first_seen: Option<String>,
    /// When the entity was last seen.
    pub last_seen: Option<String>,
    /// When the entity last changed.
    pub last_change: Option<String>,
}

/// One feature of yente's `explanations`.
#[derive(Serialize, ToSchema)]
pub struct FeatureExplanation {
    /// The feature's numeric contribution.
    pub score: f64,
    /// The feature in words.
    pub detail: String,
}

/// yente's `ScoredEntityResponse`: the entity, its score and why, plus
/// interdict's explanation in words.
#[derive(Serialize, ToSchema)]
pub struct ScoredEntityResponse {
    /// Canonical id.
    pub id: String,
    /// Display name.
    pub caption: String,
    /// FtM schema.
    pub schema: String,
    /// FtM properties.
    pub properties: BTreeMap<String, Vec<Value>>,
    /// Datasets holding the entity.
    pub datasets: Vec<String>,
    /// Every record id merged into this entity.
    pub referents: Vec<String>,
    /// Whether the entity is a sanctions target.
    pub target: bool,
    /// When the entity was first seen.
    pub first_seen: Option<String>,
    /// When the entity was last seen.
    pub last_seen: Option<String>,
    /// When the entity last changed.
    pub last_change: Option<String>,
    /// Score in [0, 1].
    pub score: f64,
    /// The score reaches the threshold.
    #[serde(rename = "match")]
    pub is_match: bool,
    /// yente's per-feature explanations (yente 5.2 and later).
    pub explanations: BTreeMap<String, FeatureExplanation>,
    /// Per-feature scores, for clients older than yente 5.2.
    pub features: BTreeMap<String, f64>,
    /// interdict's explanation: name parts compared, adjustments, and
    /// `text`, the explanation in words.
    #[schema(value_type = Object)]
    pub explanation: Value,
    /// The clear that applies to this result, when the audit log has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub clearance: Option<Value>,
}

/// yente's `TotalSpec`.
#[derive(Serialize, ToSchema)]
pub struct TotalSpec {
    /// How many (for `/match`: results with `match: true`).
    pub value: u64,
    /// Always `eq`.
    pub relation: String,
}

/// An example entity to match (yente's `EntityExample`).
#[derive(Serialize, ToSchema)]
pub struct EntityExample {
    /// The caller's id for the example.
    pub id: Option<String>,
    /// FtM schema (`Person`, `Company`, `Vessel`, `Thing`...).
    pub schema: String,
    /// FtM properties: a value or a list of values each.
    pub properties: BTreeMap<String, Value>,
}

/// The body of `POST /match/{dataset}` (yente's `EntityMatchQuery`).
#[derive(Serialize, ToSchema)]
pub struct EntityMatchQuery {
    /// Up to 100 examples, by the caller's name for each.
    pub queries: BTreeMap<String, EntityExample>,
    /// Accepted for yente clients; the algorithm has no weights to set.
    pub weights: Option<BTreeMap<String, f64>>,
    /// Algorithm configuration: the algorithm takes none (any key is a 400).
    #[schema(value_type = Option<Object>)]
    pub config: Option<Value>,
}

/// The answer to one example (yente's `EntityMatches`).
#[derive(Serialize, ToSchema)]
pub struct EntityMatches {
    /// 200.
    pub status: u16,
    /// Results, best first.
    pub results: Vec<ScoredEntityResponse>,
    /// How many results are matches.
    pub total: TotalSpec,
    /// The example as cleaned (countries to codes, dates parsed).
    pub query: EntityExample,
    /// `hit`, `cleared` or `no hit`, when the audit log has clears.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision: Option<String>,
}

/// The answer to `POST /match/{dataset}` (yente's `EntityMatchResponse`).
#[derive(Serialize, ToSchema)]
pub struct EntityMatchResponse {
    /// One answer per example, by the example's name.
    pub responses: BTreeMap<String, EntityMatches>,
    /// Results per query.
    pub limit: u64,
}

/// One value of a search facet.
#[derive(Serialize, ToSchema)]
pub struct SearchFacetItem {
    /// The value.
    pub name: String,
    /// The value for people.
    pub label: String,
    /// Results with it.
    pub count: u64,
}

/// A search facet.
#[derive(Serialize, ToSchema)]
pub struct SearchFacet {
    /// The facet for people.
    pub label: String,
    /// Its values, most frequent first.
    pub values: Vec<SearchFacetItem>,
}

/// The answer to `GET /search/{dataset}` (yente's `SearchResponse`).
#[derive(Serialize, ToSchema)]
pub struct SearchResponse {
    /// One page of results.
    pub results: Vec<EntityResponse>,
    /// Facets asked for, by name.
    pub facets: BTreeMap<String, SearchFacet>,
    /// Results in all.
    pub total: TotalSpec,
    /// Page size.
    pub limit: u64,
    /// Page start.
    pub offset: u64,
}

/// A page of entities (`/entities/{id}/adjacent/{prop}`; yente's
/// `EntityResultsPage`).
#[derive(Serialize, ToSchema)]
pub struct EntityResultsPage {
    /// The entities of this page.
    pub results: Vec<EntityResponse>,
    /// Entities in all.
    pub total: TotalSpec,
    /// Page size.
    pub limit: u64,
    /// Page start.
    pub offset: u64,
}

/// An entity and its adjacent entities by property (yente's
/// `EntityAdjacentResponse`).
#[derive(Serialize, ToSchema)]
pub struct EntityAdjacentResponse {
    /// The entity, not nested.
    pub entity: EntityResponse,
    /// A page of adjacent entities per property.
    pub adjacent: BTreeMap<String, EntityResultsPage>,
}

/// A dataset or collection served (yente's `Dataset`).
#[derive(Serialize, ToSchema)]
pub struct Dataset {
    /// Dataset name (`us_ofac_sdn`, `default`...).
    pub name: String,
    /// Title for people.
    pub title: String,
    /// The datasets a collection holds (empty for a dataset).
    pub children: Vec<String>,
    /// Whether the dataset is loaded.
    pub load: bool,
    /// Snapshot version (`YYYYMMDDHHMMSS`).
    pub version: Option<String>,
    /// The `file://` URL it was loaded from, if any.
    pub entities_url: Option<String>,
    /// Entities in the dataset.
    pub entity_count: Option<u64>,
}

/// The answer to `GET /catalog` and `/manifest` (yente's `DataCatalogModel`).
#[derive(Serialize, ToSchema)]
pub struct DataCatalogModel {
    /// Datasets and collections.
    pub datasets: Vec<Dataset>,
    /// Datasets indexed at their current version.
    pub current: Vec<String>,
    /// Datasets indexed at an older version.
    pub outdated: Vec<String>,
    /// Whether the index is behind the catalogue.
    pub index_stale: bool,
}

/// One scoring algorithm and its features (yente's `Algorithm`).
#[derive(Serialize, ToSchema)]
pub struct Algorithm {
    /// `interdict-v1`.
    pub name: String,
    /// Other names resolving to it.
    pub aliases: Vec<String>,
    /// What it does.
    pub description: Option<String>,
    /// Its features: description and coefficient each.
    #[schema(value_type = Object)]
    pub features: Value,
    /// yente's documentation object.
    #[schema(value_type = Object)]
    pub docs: Value,
}

/// The answer to `GET /algorithms` (yente's `AlgorithmResponse`).
#[derive(Serialize, ToSchema)]
pub struct AlgorithmResponse {
    /// The algorithms.
    pub algorithms: Vec<Algorithm>,
    /// The algorithm `best` names.
    pub default: String,
    /// The algorithm `default` names.
    pub best: String,
}

/// A probe's answer (yente's `HealthzResponse`).
#[derive(Serialize, ToSchema)]
pub struct HealthzResponse {
    /// `ok`.
    pub status: String,
}

/// The server's own error (400, 403, 404, 503): `detail` is a string.
#[derive(Serialize, ToSchema)]
pub struct ErrorResponse {
    /// What went wrong.
    pub detail: String,
    /// Machine-readable error code.
    pub code: Option<String>,
}

/// One fault of a request that failed validation.
#[derive(Serialize, ToSchema)]
pub struct ValidationErrorItem {
    /// Where: `["body", "queries", "q1", "schema"]`, `["query", "limit"]`.
    pub loc: Vec<String>,
    /// What is wrong.
    pub msg: String,
    /// The kind of fault.
    #[serde(rename = "type")]
    pub kind: String,
}

/// A request that failed validation (422): `detail` is a list, as in yente.
#[derive(Serialize, ToSchema)]
pub struct ValidationErrorResponse {
    /// The faults.
    pub detail: Vec<ValidationErrorItem>,
    /// Machine-readable error code.
    pub code: Option<String>,
}

/// The error answers every data route shares.
#[derive(IntoResponses)]
pub enum ErrorResponses {
    /// The request is understood but cannot be answered (bad algorithm,
    /// too many queries, unknown schema...).
    #[response(status = 400)]
    BadRequest(ErrorResponse),
    /// No such dataset or entity.
    #[response(status = 404)]
    NotFound(ErrorResponse),
    /// The request failed validation.
    #[response(status = 422)]
    Invalid(ValidationErrorResponse),
}

/// One goods line (`interdict goods` input).
#[derive(Serialize, ToSchema)]
pub struct GoodsLine {
    /// What the goods are, in words.
    pub description: String,
    /// Declared HS code, if any (also `hs`).
    pub hs_code: Option<String>,
    /// Destination country (ISO code).
    pub destination: String,
    /// Origin country (ISO code).
    pub origin: Option<String>,
    /// Declared value.
    pub value: Option<f64>,
    /// Currency of the value (ISO 4217).
    pub currency: Option<String>,
    /// Quantity.
    pub quantity: Option<f64>,
    /// Unit of the quantity.
    pub unit: Option<String>,
    /// Date of the shipment (`YYYY-MM-DD`).
    pub date: Option<String>,
    /// The description as declared, when it differs from what was found.
    pub declared_description: Option<String>,
}

/// A goods line's verdict under one jurisdiction.
#[derive(Serialize, ToSchema)]
pub struct Verdict {
    /// `UN`, `EU`, `UK`, `US`, `JP` or `KR`.
    pub jurisdiction: String,
    /// `prohibited`, `licence_required`, `not_controlled`...
    pub status: String,
    /// The deciding rule's id.
    pub rule: Option<String>,
    /// The deciding rule's instrument.
    pub instrument: Option<String>,
    /// The deciding rule's provision.
    pub provision: Option<String>,
    /// How far the deciding rule was checked.
    pub verified: Option<String>,
    /// Why, in words.
    pub reason: String,
    /// Other matching rules of the same jurisdiction.
    #[schema(value_type = Option<Vec<Object>>)]
    pub also: Option<Vec<Value>>,
    /// The HS code the verdict rests on.
    pub hs_code: Option<String>,
    /// The humanitarian exemption or licence route, when one applies.
    #[schema(value_type = Option<Object>)]
    pub humanitarian: Option<Value>,
}

/// What `POST /goods` answers for one line (`interdict goods --format json`).
#[derive(Serialize, ToSchema)]
pub struct GoodsReport {
    /// The HS code the verdicts rest on: code, heading, description,
    /// confidence, basis.
    #[schema(value_type = Object)]
    pub hs: Value,
    /// One verdict per jurisdiction.
    pub verdicts: Vec<Verdict>,
    /// Notes for the reader.
    pub warnings: Vec<String>,
    /// The goods read as luxury.
    pub luxury: bool,
    /// Category tags the control rules match on.
    pub categories: Vec<String>,
    /// Declared and described goods disagree.
    #[schema(value_type = Option<Object>)]
    pub mismatch: Option<Value>,
    /// Unit value in USD at the bundled reference rate.
    pub unit_value_usd: Option<f64>,
    /// How the unit value was converted.
    pub unit_value_basis: Option<String>,
    /// What the classifier read in the description.
    #[schema(value_type = Object)]
    pub classification: Value,
}

/// One line of a goods batch: its report, or why it has none.
#[derive(Serialize, ToSchema)]
pub struct GoodsRow {
    /// The line's number in the batch, from 1.
    pub line: u64,
    /// Its report.
    pub report: Option<GoodsReport>,
    /// Why it has no report.
    pub error: Option<String>,
    /// The error's code.
    pub code: Option<String>,
}

/// `POST /goods`: one report for one line, a row per line for a batch.
#[derive(Serialize, ToSchema)]
#[serde(untagged)]
pub enum GoodsAnswer {
    /// The body was one line.
    One(GoodsReport),
    /// The body was a batch.
    Batch(Vec<GoodsRow>),
}

/// One record of `POST /screen`'s JSON lines (`interdict screen --format
/// jsonl`): a shipment's decision, or why it could not be read.
#[derive(Serialize, ToSchema)]
#[serde(untagged)]
pub enum ScreenRecord {
    /// The shipment was screened.
    Decision(ScreenDecision),
    /// The shipment could not be read or screened.
    Error(ScreenError),
}

/// A shipment's decision.
#[derive(Serialize, ToSchema)]
pub struct ScreenDecision {
    /// The shipment's id as declared.
    pub shipment_id: String,
    /// `block`, `review` or `clear`.
    pub decision: String,
    /// Score of the strictest jurisdiction, in [0, 1].
    pub score: f64,
    /// Every flag fired, most severe first: rule, severity, summary,
    /// evidence, citations.
    #[schema(value_type = Vec<Object>)]
    pub flags: Vec<Value>,
    /// The decision under each jurisdiction.
    #[schema(value_type = Vec<Object>)]
    pub jurisdictions: Vec<Value>,
    /// Cleared hits held back from the rules.
    #[schema(value_type = Option<Vec<Object>>)]
    pub clearances: Option<Vec<Value>>,
}

/// Why a shipment has no decision.
#[derive(Serialize, ToSchema)]
pub struct ScreenError {
    /// The fault: its line, field, code and words (or `status` and
    /// `detail` when recording failed mid-stream).
    #[schema(value_type = Object)]
    pub error: Value,
}

/// One list loaded (`interdict lists --format json`).
#[derive(Serialize, ToSchema)]
pub struct ListRow {
    /// Dataset name.
    pub dataset: String,
    /// Title.
    pub title: String,
    /// Publisher.
    pub publisher: String,
    /// Where the list comes from.
    pub source_url: Option<String>,
    /// Snapshot date (`YYYY-MM-DD`).
    pub snapshot_date: String,
    /// Days since the snapshot.
    pub age_days: Option<i64>,
    /// Older than 90 days.
    pub stale: bool,
    /// Records in all.
    pub total: u64,
    /// Records by schema.
    pub counts: BTreeMap<String, u64>,
    /// Records tied to the DPRK.
    pub dprk: u64,
    /// Rows of side files left unjoined, by file.
    pub unjoined: BTreeMap<String, u64>,
    /// Notes from loading.
    pub notes: Vec<String>,
}

/// What `GET /assets/{id}` answers (`interdict asset ID --format json`).
#[derive(Serialize, ToSchema)]
pub struct AssetAnswer {
    /// `vin`, `imo`, `registration` or `serial`.
    pub kind: String,
    /// The identifier is well formed.
    pub valid: bool,
    /// What the identifier says (maker, year, check digit...).
    #[schema(value_type = Object)]
    pub decoded: Value,
    /// Listed vessels or aircraft carrying it.
    #[schema(value_type = Vec<Object>)]
    pub listed: Vec<Value>,
    /// The lists the answer rests on, with their ages.
    #[schema(value_type = Vec<Object>)]
    pub sources: Vec<Value>,
    /// Notes (stale lists...).
    pub warnings: Vec<String>,
}

/// yente's `/match` query parameters.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MatchParams {
    /// Results per query (default 5, at most 500).
    pub limit: Option<u32>,
    /// Score from which a result is a match (default 0.70).
    pub threshold: Option<f64>,
    /// Deprecated: lowest score returned (default: the threshold).
    pub cutoff: Option<f64>,
    /// `interdict-v1`; `best`, `default` and yente's names resolve to it.
    pub algorithm: Option<String>,
    /// Only these datasets.
    pub include_dataset: Option<Vec<String>>,
    /// Not these datasets.
    pub exclude_dataset: Option<Vec<String>>,
    /// Not these schemata.
    pub exclude_schema: Option<Vec<String>>,
    /// Only entities with one of these topics.
    pub topics: Option<Vec<String>>,
    /// Only entities changed since `YYYY-MM-DD[THH[:MM[:SS]]]`.
    pub changed_since: Option<String>,
    /// Not these entities (canonical or referent ids).
    pub exclude_entity_ids: Option<Vec<String>>,
}

/// yente's `/search` query parameters.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// Query text (any script).
    pub q: Option<String>,
    /// Only entities of this schema or its descendants (default `Thing`).
    pub schema: Option<String>,
    /// Only entities linked to these countries.
    pub countries: Option<Vec<String>>,
    /// Only entities with these topics.
    pub topics: Option<Vec<String>>,
    /// Only these datasets.
    pub include_dataset: Option<Vec<String>>,
    /// Not these datasets.
    pub exclude_dataset: Option<Vec<String>>,
    /// Not these schemata.
    pub exclude_schema: Option<Vec<String>>,
    /// `prop:value`, exact.
    pub filter: Option<Vec<String>>,
    /// `OR` (default) or `AND` for countries and topics.
    pub filter_op: Option<String>,
    /// `countries`, `topics`, `datasets`, `schema`, `genders`.
    pub facets: Option<Vec<String>>,
    /// Only entities changed since this timestamp.
    pub changed_since: Option<String>,
    /// Only targets (true) or non-targets (false).
    pub target: Option<bool>,
    /// `field:asc|desc` on first_seen, last_seen, last_change, caption, id.
    pub sort: Option<Vec<String>>,
    /// Page size (default 10, at most 500).
    pub limit: Option<u32>,
    /// Page start.
    pub offset: Option<u32>,
    /// Read `q` as plain words.
    pub simple: Option<bool>,
}

/// `/entities/{id}` query parameters.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EntityParams {
    /// Nest adjacent entities one hop (default true; any case).
    pub nested: Option<bool>,
}

/// Paging.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageParams {
    /// Page size (default 10).
    pub limit: Option<u32>,
    /// Page start.
    pub offset: Option<u32>,
}

/// `/updatez` query parameters.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UpdateParams {
    /// The update token.
    pub token: Option<String>,
    /// Wait until the new index serves.
    pub sync: Option<bool>,
}

/// `/goods` query parameters.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct GoodsParams {
    /// `csv` to read the body as CSV whatever its Content-Type.
    pub input: Option<String>,
}

/// `/screen` query parameters.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ScreenParams {
    /// `jsonl` (default) or `html` for the report.
    pub format: Option<String>,
    /// `all` (default) or codes: `un,us,eu,gb,jp,kr`.
    pub jurisdiction: Option<String>,
    /// `csv` to read the body as CSV whatever its Content-Type.
    pub input: Option<String>,
}

/// `/assets/{id}` query parameters.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AssetParams {
    /// Read the id as `vin`, `imo` or `registration` instead of detecting it.
    pub kind: Option<String>,
}

/// OpenRefine's reconciliation parameters, in the query or the form body.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReconcileParams {
    /// Reconciliation queries (JSON).
    pub queries: Option<String>,
    /// Data extension request (JSON).
    pub extend: Option<String>,
}

/// OpenRefine's suggest parameters.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SuggestParams {
    /// Prefix typed so far.
    pub prefix: Option<String>,
}

/// OpenRefine's property proposal parameters.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExtendParams {
    /// Schema whose properties to propose.
    #[param(rename = "type")]
    pub schema: Option<String>,
    /// At most this many.
    pub limit: Option<u32>,
}
