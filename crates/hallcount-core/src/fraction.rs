//! Exact fractions written as `"p/q"` strings, with 0 < p/q <= 1.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A fraction of a base (quorum, threshold, floor). Always compared in integers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Fraction {
    pub numerator: u32,
    pub denominator: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FractionError(pub String);

impl fmt::Display for FractionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl std::error::Error for FractionError {}

impl Fraction {
    pub const HALF: Fraction = Fraction {
        numerator: 1,
        denominator: 2,
    };

    pub fn new(numerator: u32, denominator: u32) -> Result<Fraction, FractionError> {
        if denominator == 0 || numerator == 0 || numerator > denominator {
            return Err(FractionError(format!(
                "fraction \"{numerator}/{denominator}\" must be more than 0 and at most 1"
            )));
        }
        Ok(Fraction {
            numerator,
            denominator,
        })
    }

    /// Whether this is 1 (`"1/1"`, `"7/7"`): nothing can be more than the whole of a base.
    pub fn is_whole(self) -> bool {
        self.numerator == self.denominator
    }

    /// `value > self * base`, exactly, in integers.
    pub fn exceeded_by(self, value: u64, base: u64) -> bool {
        value as u128 * self.denominator as u128 > self.numerator as u128 * base as u128
    }

    /// `value >= self * base`, exactly, in integers.
    pub fn reached_by(self, value: u64, base: u64) -> bool {
        value as u128 * self.denominator as u128 >= self.numerator as u128 * base as u128
    }
}

impl fmt::Display for Fraction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.numerator, self.denominator)
    }
}

impl FromStr for Fraction {
    type Err = FractionError;

    fn from_str(text: &str) -> Result<Fraction, FractionError> {
        let malformed = || {
            FractionError(format!(
                "\"{}\" is not a fraction written exactly like \"1/2\" (digits, a slash, digits)",
                crate::visible(text)
            ))
        };
        let (p, q) = text.split_once('/').ok_or_else(malformed)?;
        // Digits only: `u32::from_str` would also take a sign ("+1"), and a loosely written
        // fraction (" 1/2", "1 / 2") is a sign the file was not written by hallcount.
        let number = |digits: &str| -> Option<u32> {
            let plain = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
            plain.then(|| digits.parse().ok()).flatten()
        };
        let (Some(p), Some(q)) = (number(p), number(q)) else {
            return Err(malformed());
        };
        Fraction::new(p, q)
    }
}

impl Serialize for Fraction {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Fraction {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Fraction, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_digits_slash_digits_is_a_fraction() {
        assert_eq!("1/2".parse(), Ok(Fraction::HALF));
        assert_eq!(
            "02/04".parse::<Fraction>().map(|f| f.to_string()),
            Ok("2/4".into())
        );
        for text in [
            " 1/2",
            "1/2 ",
            "+1/2",
            "1/+2",
            "1 / 2",
            "1/-2",
            "1",
            "/2",
            "1/",
            "1//2",
            "1/2/3",
            "１/２",
            "0x1/2",
            "1.0/2",
            "4294967296/4294967297",
        ] {
            assert!(text.parse::<Fraction>().is_err(), "{text:?}");
        }
    }

    #[test]
    fn a_fraction_is_more_than_0_and_at_most_1() {
        for text in ["0/2", "1/0", "0/0", "3/2"] {
            assert!(text.parse::<Fraction>().is_err(), "{text:?}");
        }
        for text in ["1/1", "7/7", "4294967295/4294967295"] {
            assert!(text.parse::<Fraction>().unwrap().is_whole(), "{text:?}");
        }
    }
}
