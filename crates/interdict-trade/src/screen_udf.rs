//! `screen_name(name, schema)`: party screening inside SQL. The function
//! asks a [`NameScreen`] (the engine's matcher, supplied by the caller, so
//! this crate does not depend on the lists) for the best listed party and
//! returns it as a struct `{score, id, caption, matched}`:
//!
//! ```sql
//! SELECT declaration_id, screen_name(consignee, 'LegalEntity')['score'] AS s
//! FROM decl WHERE screen_name(consignee, 'LegalEntity')['matched']
//! ```
//!
//! Declaration files repeat the same exporters and consignees on many lines,
//! so each distinct `(name, schema)` is screened once and remembered.

use datafusion::arrow::array::{
    Array, ArrayRef, BooleanBuilder, Float64Builder, StringArray, StringBuilder, StructArray,
};
use datafusion::arrow::compute::cast;
use datafusion::arrow::datatypes::{DataType, Field, Fields};
use datafusion::common::{DataFusionError, Result as DfResult};
use datafusion::logical_expr::{
    ColumnarValue, ScalarFunctionArgs, ScalarUDF, ScalarUDFImpl, Signature, Volatility,
};
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex};

/// The best listed party for a name.
#[derive(Debug, Clone, PartialEq)]
pub struct NameHit {
    /// The listed party's id (a merged party's canonical id).
    pub id: String,
    /// Its display name.
    pub caption: String,
    /// Match score in [0, 1].
    pub score: f64,
    /// Whether the score reaches the screener's threshold.
    pub matched: bool,
}

/// Screens one name; implemented over the engine's matcher by the caller.
pub trait NameScreen: Send + Sync {
    /// The best listed party for `name` as an FtM `schema` (`Person`,
    /// `Company`, `LegalEntity`, `Vessel`, ...), or None when nothing is near.
    fn best(&self, name: &str, schema: &str) -> Option<NameHit>;
}

/// Distinct names remembered before the memory is cleared and refilled.
const MEMO_LIMIT: usize = 1_000_000;

struct ScreenName {
    signature: Signature,
    screen: Arc<dyn NameScreen>,
    memo: Mutex<HashMap<(String, String), Option<NameHit>>>,
}

impl std::fmt::Debug for ScreenName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("screen_name")
    }
}

impl PartialEq for ScreenName {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.screen, &other.screen)
    }
}

impl Eq for ScreenName {}

impl Hash for ScreenName {
    fn hash<H: Hasher>(&self, state: &mut H) {
        "screen_name".hash(state);
    }
}

/// The struct the function returns.
fn fields() -> Fields {
    Fields::from(vec![
        Field::new("score", DataType::Float64, true),
        Field::new("id", DataType::Utf8, true),
        Field::new("caption", DataType::Utf8, true),
        Field::new("matched", DataType::Boolean, true),
    ])
}

fn text(a: &ArrayRef) -> DfResult<StringArray> {
    cast(a, &DataType::Utf8)?
        .as_any()
        .downcast_ref::<StringArray>()
        .cloned()
        .ok_or_else(|| DataFusionError::Internal("cast to Utf8 failed".into()))
}

impl ScreenName {
    fn lookup(&self, name: &str, schema: &str) -> Option<NameHit> {
        let key = (name.to_string(), schema.to_string());
        if let Some(hit) = self.memo.lock().ok().and_then(|m| m.get(&key).cloned()) {
            return hit;
        }
        let hit = self.screen.best(name, schema);
        if let Ok(mut m) = self.memo.lock() {
            if m.len() >= MEMO_LIMIT {
                m.clear();
            }
            m.insert(key, hit.clone());
        }
        hit
    }

    fn evaluate(&self, names: &StringArray, schemas: &StringArray) -> DfResult<ArrayRef> {
        let n = names.len();
        let (mut score, mut id, mut caption, mut matched) = (
            Float64Builder::with_capacity(n),
            StringBuilder::with_capacity(n, n * 16),
            StringBuilder::with_capacity(n, n * 16),
            BooleanBuilder::with_capacity(n),
        );
        let mut nulls = Vec::with_capacity(n);
        for i in 0..n {
            let name = (!names.is_null(i)).then(|| names.value(i).trim());
            let schema = if schemas.is_null(i) {
                "LegalEntity"
            } else {
                schemas.value(i)
            };
            match name.filter(|s| !s.is_empty()) {
                None => {
                    nulls.push(false);
                    score.append_null();
                    id.append_null();
                    caption.append_null();
                    matched.append_null();
                }
                Some(name) => {
                    nulls.push(true);
                    let hit = self.lookup(name, schema);
                    score.append_value(hit.as_ref().map_or(0.0, |h| h.score));
                    id.append_option(hit.as_ref().map(|h| h.id.as_str()));
                    caption.append_option(hit.as_ref().map(|h| h.caption.as_str()));
                    matched.append_value(hit.is_some_and(|h| h.matched));
                }
            }
        }
        let columns: Vec<ArrayRef> = vec![
            Arc::new(score.finish()),
            Arc::new(id.finish()),
            Arc::new(caption.finish()),
            Arc::new(matched.finish()),
        ];
        Ok(Arc::new(StructArray::try_new(
            fields(),
            columns,
            Some(nulls.into()),
        )?))
    }
}

impl ScalarUDFImpl for ScreenName {
    fn name(&self) -> &str {
        "screen_name"
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn return_type(&self, _arg_types: &[DataType]) -> DfResult<DataType> {
        Ok(DataType::Struct(fields()))
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> DfResult<ColumnarValue> {
        let scalar = args
            .args
            .iter()
            .all(|a| matches!(a, ColumnarValue::Scalar(_)));
        let arrays = ColumnarValue::values_to_arrays(&args.args)?;
        let (Some(names), Some(schemas)) = (arrays.first(), arrays.get(1)) else {
            return Err(DataFusionError::Plan(
                "screen_name takes (name, schema)".into(),
            ));
        };
        let out = self.evaluate(&text(names)?, &text(schemas)?)?;
        if scalar {
            let s = datafusion::scalar::ScalarValue::try_from_array(&out, 0)?;
            return Ok(ColumnarValue::Scalar(s));
        }
        Ok(ColumnarValue::Array(out))
    }
}

/// The `screen_name` function over `screen`, ready to register.
pub fn screen_name(screen: Arc<dyn NameScreen>) -> ScalarUDF {
    ScalarUDF::new_from_impl(ScreenName {
        signature: Signature::any(2, Volatility::Immutable),
        screen,
        memo: Mutex::new(HashMap::new()),
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use datafusion::prelude::SessionContext;

    /// Knows one party; counts its calls.
    struct One(std::sync::atomic::AtomicUsize);

    impl NameScreen for One {
        fn best(&self, name: &str, _schema: &str) -> Option<NameHit> {
            self.0.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            (name == "Korea Kwangson Banking Corp").then(|| NameHit {
                id: "un:KPe.025".into(),
                caption: "KOREA KWANGSON BANKING CORP".into(),
                score: 0.97,
                matched: true,
            })
        }
    }

    #[tokio::test]
    async fn returns_the_best_party_and_screens_each_distinct_name_once() {
        let one = Arc::new(One(Default::default()));
        let ctx = SessionContext::new();
        ctx.register_udf(screen_name(one.clone()));
        let sql = "SELECT n, screen_name(n, 'Company')['id'] AS id, \
                   screen_name(n, 'Company')['matched'] AS m \
                   FROM (VALUES ('Korea Kwangson Banking Corp'), ('Acme Ltd'), \
                   ('Korea Kwangson Banking Corp'), (NULL)) AS t(n) ORDER BY n";
        let batches = ctx.sql(sql).await.unwrap().collect().await.unwrap();
        let text = datafusion::arrow::util::pretty::pretty_format_batches(&batches)
            .unwrap()
            .to_string();
        assert!(
            text.contains("| Korea Kwangson Banking Corp | un:KPe.025 | true  |"),
            "{text}"
        );
        assert!(
            text.contains("| Acme Ltd                    |            | false |"),
            "{text}"
        );
        assert_eq!(one.0.load(std::sync::atomic::Ordering::Relaxed), 2);
    }
}
