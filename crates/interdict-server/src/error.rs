//! Error bodies in yente's shapes: the server's own refusals are
//! `{"detail": "..."}` with 400, 403, 404, 500 or 503; request validation errors
//! are 422 with `detail` as a list of `{loc, msg, type}` (FastAPI's shape),
//! so clients written against yente read them unchanged. Every body also
//! carries `"code"`, the stable code of the one table
//! (`interdict_model::error_code`), and the status is the code's: a library
//! error keeps its code ([`ApiError::from_coded`]), the server's own
//! refusals have codes of their own (`not_found`, `invalid_request`, ...).

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use interdict_model::{Coded, ErrorCode};
use serde_json::json;
use std::fmt;

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
    /// A parameter or body field failed validation: where, why, and the
    /// code (`invalid_request` unless a library error said otherwise).
    #[error("invalid {loc:?}: {msg}")]
    Invalid {
        loc: Vec<String>,
        msg: String,
        code: ErrorCode,
    },
    /// A library error answered with its code's status.
    #[error("{message}")]
    Library { code: ErrorCode, message: String },
}

/// The HTTP status of the validation errors, whose body is FastAPI's list.
const VALIDATION: u16 = 422;

impl ApiError {
    pub fn invalid(loc: &[&str], msg: impl Into<String>) -> ApiError {
        ApiError::Invalid {
            loc: loc.iter().map(|s| s.to_string()).collect(),
            msg: msg.into(),
            code: ErrorCode::InvalidRequest,
        }
    }

    /// A library error at a known place of the request: a validation error
    /// at `loc` when its code answers 422, else the code's own status.
    pub fn invalid_coded<E: Coded + fmt::Display>(loc: &[&str], error: &E) -> ApiError {
        let code = error.code();
        if code.http_status() != VALIDATION {
            return ApiError::from_coded(error);
        }
        ApiError::Invalid {
            loc: loc.iter().map(|s| s.to_string()).collect(),
            msg: error.to_string(),
            code,
        }
    }

    /// A library error, answered with its code's status (a 422 as a
    /// validation error of the body).
    pub fn from_coded<E: Coded + fmt::Display>(error: &E) -> ApiError {
        ApiError::with_code(error.code(), error.to_string())
    }

    /// An error known by its code and message only (the error itself was
    /// kept as words), answered as [`ApiError::from_coded`] does.
    pub fn with_code(code: ErrorCode, message: impl Into<String>) -> ApiError {
        if code.http_status() == VALIDATION {
            return ApiError::Invalid {
                loc: vec!["body".to_string()],
                msg: message.into(),
                code,
            };
        }
        ApiError::Library {
            code,
            message: message.into(),
        }
    }

    pub fn status(&self) -> StatusCode {
        StatusCode::from_u16(self.code().http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }
}

impl Coded for ApiError {
    fn code(&self) -> ErrorCode {
        match self {
            ApiError::BadRequest(_) => ErrorCode::BadRequest,
            ApiError::Forbidden(_) => ErrorCode::Forbidden,
            ApiError::NotFound(_) => ErrorCode::NotFound,
            ApiError::Unavailable(_) => ErrorCode::Unavailable,
            ApiError::Internal(_) => ErrorCode::Internal,
            ApiError::Invalid { code, .. } => *code,
            ApiError::Library { code, .. } => *code,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        let code = self.code();
        let body = match &self {
            ApiError::Invalid { loc, msg, .. } => json!({
                "detail": [{"loc": loc, "msg": msg, "type": "value_error"}],
                "code": code,
            }),
            other => json!({ "detail": other.to_string(), "code": code }),
        };
        (status, Json(body)).into_response()
    }
}

pub type ApiResult<T> = Result<T, ApiError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_an_http_status() {
        for code in ErrorCode::ALL {
            let e = ApiError::Library {
                code: *code,
                message: String::new(),
            };
            assert_eq!(e.status().as_u16(), code.http_status(), "{code}");
        }
    }

    #[test]
    fn the_server_own_refusals_keep_their_statuses() {
        let cases = [
            (ApiError::BadRequest("x".into()), 400, "bad_request"),
            (ApiError::Forbidden("x".into()), 403, "forbidden"),
            (ApiError::NotFound("x".into()), 404, "not_found"),
            (ApiError::Unavailable("x".into()), 503, "unavailable"),
            (ApiError::Internal("x".into()), 500, "internal"),
            (ApiError::invalid(&["body"], "x"), 422, "invalid_request"),
        ];
        for (e, status, code) in cases {
            assert_eq!(e.status().as_u16(), status, "{e}");
            assert_eq!(e.code().as_str(), code, "{e}");
        }
    }

    #[test]
    fn a_library_error_keeps_its_code_and_shape() {
        let date = "1984-02-30"
            .parse::<interdict_model::PartialDate>()
            .expect_err("no such day");
        // 422: FastAPI's list, at the place given.
        let e = ApiError::invalid_coded(&["query", "date"], &date);
        assert!(matches!(&e, ApiError::Invalid { loc, .. } if loc == &["query", "date"]));
        assert_eq!(e.code(), ErrorCode::DateMalformed);
        let e = ApiError::from_coded(&date);
        assert!(matches!(&e, ApiError::Invalid { loc, .. } if loc == &["body"]));
        // Any other status: the detail string.
        let io = std::io::Error::other("disk");
        let e = ApiError::invalid_coded(&["body"], &io);
        assert!(matches!(&e, ApiError::Library { .. }));
        assert_eq!(e.status().as_u16(), 500);
        assert_eq!(e.code(), ErrorCode::IoFailed);
    }
}
