//! interdict's functions in SQL (DataFusion scalar UDFs):
//!
//! | function | returns |
//! |---|---|
//! | `hs_category(hs)` | the goods vocabulary's category of an HS code (`watch`, `car`, ...) or NULL |
//! | `luxury(hs, basket)` | whether the code is in the basket (`un`, `eu`, `kr`) |
//! | `luxury_category(hs, basket)` | the basket's category of the code, or NULL |
//! | `controlled(hs, destination, date, jurisdiction)` | `prohibited`, `licence_required`, `not_controlled` or `unknown`, from the goods crate's verdict for that jurisdiction on that date |
//!
//! Arguments of any type are cast to text, so string views, dictionary
//! strings and integer years all work.

use crate::baskets::Basket;
use crate::tables::Tables;
use datafusion::arrow::array::{Array, ArrayRef, BooleanArray, StringArray};
use datafusion::arrow::compute::cast;
use datafusion::arrow::datatypes::DataType;
use datafusion::common::{DataFusionError, Result as DfResult};
use datafusion::logical_expr::{
    ColumnarValue, ScalarFunctionArgs, ScalarUDF, ScalarUDFImpl, Signature, Volatility,
};
use std::hash::{Hash, Hasher};
use std::sync::Arc;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Kind {
    HsCategory,
    Luxury,
    LuxuryCategory,
    Controlled,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::HsCategory => "hs_category",
            Kind::Luxury => "luxury",
            Kind::LuxuryCategory => "luxury_category",
            Kind::Controlled => "controlled",
        }
    }

    fn arity(self) -> usize {
        match self {
            Kind::HsCategory => 1,
            Kind::Luxury | Kind::LuxuryCategory => 2,
            Kind::Controlled => 4,
        }
    }
}

/// One of the interdict functions over shared tables.
struct TradeUdf {
    kind: Kind,
    signature: Signature,
    tables: Arc<Tables>,
}

impl std::fmt::Debug for TradeUdf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.kind.name())
    }
}

impl PartialEq for TradeUdf {
    fn eq(&self, other: &Self) -> bool {
        self.kind == other.kind && Arc::ptr_eq(&self.tables, &other.tables)
    }
}

impl Eq for TradeUdf {}

impl Hash for TradeUdf {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.kind.hash(state);
    }
}

fn as_strings(arrays: &[ArrayRef]) -> DfResult<Vec<StringArray>> {
    arrays
        .iter()
        .map(|a| {
            let c = cast(a, &DataType::Utf8)?;
            c.as_any()
                .downcast_ref::<StringArray>()
                .cloned()
                .ok_or_else(|| DataFusionError::Internal("cast to Utf8 failed".into()))
        })
        .collect()
}

fn text(a: &StringArray, i: usize) -> Option<&str> {
    (!a.is_null(i)).then(|| a.value(i))
}

impl TradeUdf {
    fn basket(&self, name: &str) -> DfResult<&Basket> {
        self.tables.basket(name).ok_or_else(|| {
            DataFusionError::Plan(format!("unknown basket {name:?} (known: un, eu, kr)"))
        })
    }

    fn evaluate(&self, cols: &[StringArray], rows: usize) -> DfResult<ArrayRef> {
        let t = &self.tables;
        Ok(match self.kind {
            Kind::HsCategory => Arc::new(
                (0..rows)
                    .map(|i| text(&cols[0], i).and_then(|h| t.hs_category(h)))
                    .collect::<StringArray>(),
            ),
            Kind::Luxury => {
                let mut out = Vec::with_capacity(rows);
                for i in 0..rows {
                    out.push(match (text(&cols[0], i), text(&cols[1], i)) {
                        (Some(h), Some(b)) => Some(self.basket(b)?.category_of(h).is_some()),
                        _ => None,
                    });
                }
                Arc::new(BooleanArray::from(out))
            }
            Kind::LuxuryCategory => {
                let mut out = Vec::with_capacity(rows);
                for i in 0..rows {
                    out.push(match (text(&cols[0], i), text(&cols[1], i)) {
                        (Some(h), Some(b)) => self.basket(b)?.category_of(h).map(str::to_string),
                        _ => None,
                    });
                }
                Arc::new(StringArray::from(out))
            }
            Kind::Controlled => Arc::new(
                (0..rows)
                    .map(|i| {
                        let hs = text(&cols[0], i)?;
                        let dest = text(&cols[1], i)?;
                        let date = text(&cols[2], i).unwrap_or_default();
                        let j = text(&cols[3], i)?;
                        Some(t.controlled(hs, dest, date, &j.to_ascii_uppercase()))
                    })
                    .collect::<StringArray>(),
            ),
        })
    }
}

impl ScalarUDFImpl for TradeUdf {
    fn name(&self) -> &str {
        self.kind.name()
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn return_type(&self, _arg_types: &[DataType]) -> DfResult<DataType> {
        Ok(match self.kind {
            Kind::Luxury => DataType::Boolean,
            _ => DataType::Utf8,
        })
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> DfResult<ColumnarValue> {
        let rows = args.number_rows;
        let scalar = args
            .args
            .iter()
            .all(|a| matches!(a, ColumnarValue::Scalar(_)));
        let arrays = ColumnarValue::values_to_arrays(&args.args)?;
        let cols = as_strings(&arrays)?;
        let n = cols.first().map_or(rows, |c| c.len());
        let out = self.evaluate(&cols, n)?;
        if scalar {
            let s = datafusion::scalar::ScalarValue::try_from_array(&out, 0)?;
            return Ok(ColumnarValue::Scalar(s));
        }
        Ok(ColumnarValue::Array(out))
    }
}

/// The interdict functions over `tables`, ready to register.
pub fn functions(tables: &Arc<Tables>) -> Vec<ScalarUDF> {
    [
        Kind::HsCategory,
        Kind::Luxury,
        Kind::LuxuryCategory,
        Kind::Controlled,
    ]
    .into_iter()
    .map(|kind| {
        ScalarUDF::new_from_impl(TradeUdf {
            kind,
            signature: Signature::any(kind.arity(), Volatility::Immutable),
            tables: Arc::clone(tables),
        })
    })
    .collect()
}
