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
        let malformed = || FractionError(format!("\"{text}\" is not a fraction like \"1/2\""));
        let (p, q) = text.split_once('/').ok_or_else(malformed)?;
        let p: u32 = p.trim().parse().map_err(|_| malformed())?;
        let q: u32 = q.trim().parse().map_err(|_| malformed())?;
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
