//! Assets followed by their identifiers, as enforcement follows them: a
//! car by its VIN (the UN Panel of Experts asks member states for chassis
//! numbers), a ship by its IMO number, an aircraft by its registration mark
//! or serial number.
//!
//! This crate decodes and checks identifiers from the cited tables of
//! `data/assets/` (see its `PROVENANCE.md`) and reads the watchlist of
//! assets of interest. It knows nothing of sanctions lists or shipments:
//! finding the listed vessel or aircraft behind an identifier is the engine
//! facade's, raising a shipment flag is `interdict-screen`'s.
//!
//! ```
//! use interdict_assets::{identify, Identified};
//! match identify("IMO 9074729") {
//!     Identified::Imo(Ok(digits)) => assert_eq!(digits, "9074729"),
//!     other => panic!("{other:?}"),
//! }
//! let Identified::Vin(Ok(vin)) = identify("1M8GDM9AXKP042788") else { panic!() };
//! assert_eq!(vin.region, "North America");
//! ```

#![warn(missing_docs)]

pub mod aircraft;
pub mod imo;
mod tables;
pub mod vin;
mod watch;

pub use aircraft::{NationalityMark, Registration};
pub use imo::ImoError;
pub use vin::{VinError, VinReport};
pub use watch::{canonical, AssetKind, WatchError, WatchedAsset, Watchlist};

/// An identifier read as the kind it looks like.
#[derive(Debug, Clone)]
pub enum Identified {
    /// A VIN, decoded, or why it is not one.
    Vin(Result<Box<VinReport>, VinError>),
    /// An IMO number's seven digits, or why it is malformed.
    Imo(Result<String, ImoError>),
    /// An aircraft registration or serial number.
    Aircraft(Registration),
}

impl Identified {
    /// The kind it was read as.
    pub fn kind(&self) -> AssetKind {
        match self {
            Identified::Vin(_) => AssetKind::Vin,
            Identified::Imo(_) => AssetKind::Imo,
            Identified::Aircraft(_) => AssetKind::Registration,
        }
    }
}

/// Which kind of identifier `input` looks like: an `IMO` prefix or seven
/// digits is an IMO number; 17 letters and digits a VIN; a known
/// nationality mark with a short remainder a registration; a longer run of
/// letters and digits mixed is taken for a VIN of the wrong length (so it
/// is reported as malformed, not searched as a registration); anything
/// else an aircraft serial or registration.
pub fn detect(input: &str) -> AssetKind {
    let compact = vin::normalise(input);
    let alnum = compact.chars().all(|c| c.is_ascii_alphanumeric());
    if imo::looks_like(input) {
        AssetKind::Imo
    } else if alnum && compact.len() == 17 {
        AssetKind::Vin
    } else if aircraft::looks_like(input) {
        AssetKind::Registration
    } else if compact.len() >= 11
        && compact.chars().any(|c| c.is_ascii_digit())
        && compact.chars().any(|c| c.is_ascii_alphabetic())
    {
        AssetKind::Vin
    } else {
        AssetKind::Registration
    }
}

/// Reads `input` as the kind [`detect`] finds.
pub fn identify(input: &str) -> Identified {
    identify_as(detect(input), input)
}

/// Reads `input` as `kind`.
pub fn identify_as(kind: AssetKind, input: &str) -> Identified {
    match kind {
        AssetKind::Vin => Identified::Vin(vin::decode(input).map(Box::new)),
        AssetKind::Imo => Identified::Imo(imo::parse(input)),
        AssetKind::Registration => Identified::Aircraft(aircraft::registration(input)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_each_kind() {
        assert_eq!(detect("IMO 9114555"), AssetKind::Imo);
        assert_eq!(detect("9114555"), AssetKind::Imo);
        assert_eq!(detect("WDD2221821A123456"), AssetKind::Vin);
        assert_eq!(detect("P-632"), AssetKind::Registration);
        assert_eq!(detect("EP-MNA"), AssetKind::Registration);
        // Too short for a VIN, but plainly meant as one.
        assert_eq!(detect("WDD2221821A12345"), AssetKind::Vin);
        assert_eq!(detect("1003405"), AssetKind::Imo);
    }

    #[test]
    fn any_text_is_read_without_panicking() {
        for input in [
            "",
            " ",
            "IMé1234567",
            "IMO",
            "日本語の車台番号",
            "P-",
            "-",
            "WDB2201761A12345é",
            "[*]",
        ] {
            let _ = identify(input);
            for kind in [AssetKind::Vin, AssetKind::Imo, AssetKind::Registration] {
                let _ = identify_as(kind, input);
            }
        }
        assert!(matches!(
            identify_as(AssetKind::Imo, "IMé1234567"),
            Identified::Imo(Err(_))
        ));
    }
}
