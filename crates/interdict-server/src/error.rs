//! Error bodies in yente's shapes: the server's own refusals are
//! `{"detail": "..."}` with 400, 403, 404, 500 or 503; request validation errors
//! are 422 with `detail` as a list of `{loc, msg, type}` (FastAPI's shape),
//! so clients written against yente read them unchanged.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

/// Why a request was refused.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The request is well-formed but cannot be answered as asked.
    #[error("{0}")]
    BadRequest(String),
    #[error("{0}")]
    Forbidden(String),
    #[error("{0}")]
    NotFound(String),
    /// The index is still being built.
    #[error("{0}")]
    Unavailable(String),
    /// A fault of the server's own (a worker that failed).
    #[error("{0}")]
    Internal(String),
    /// A parameter or body field failed validation: where, and why.
    #[error("invalid {loc:?}: {msg}")]
    Invalid { loc: Vec<String>, msg: String },
}

impl ApiError {
    pub fn invalid(loc: &[&str], msg: impl Into<String>) -> ApiError {
        ApiError::Invalid {
            loc: loc.iter().map(|s| s.to_string()).collect(),
            msg: msg.into(),
        }
    }

    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
            ApiError::Invalid { .. } => StatusCode::UNPROCESSABLE_ENTITY,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        let body = match &self {
            ApiError::Invalid { loc, msg } => json!({
                "detail": [{"loc": loc, "msg": msg, "type": "value_error"}]
            }),
            other => json!({ "detail": other.to_string() }),
        };
        (status, Json(body)).into_response()
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
