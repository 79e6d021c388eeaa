//! What a reader's message says, as data, so that the app can word it in the page's language
//! (issue 10 point 6: "every message, details included"). The readers keep their messages as
//! text (the CLI prints them as they are); this recognises the ones the strict reader, serde,
//! the text decoder and the fractions give, and keeps any other as it is. The tests below read
//! each from the real readers, so a changed wording fails here, not silently in the app.

use crate::error::LoadError;

/// The reason of a [`LoadError`], with the parts a translation needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason<'a> {
    /// Not UTF-8 (GBK, Big5, Latin-1): the first byte that cannot be read, counted from 0.
    NotUtf8 { offset: &'a str, byte: &'a str },
    /// UTF-16 text (Notepad's "Unicode").
    Utf16,
    /// The text ends before the JSON does (a cut file).
    CutShort,
    /// Something that is not a JSON value where one is expected (a stray word or character).
    ExpectedValue,
    /// More text after the one JSON value.
    TrailingCharacters,
    /// A missing or stray `:`, `,`, `}` or `]`, or a key that is not a string.
    Punctuation,
    /// A string with a raw control character, a bad escape or a broken `\u` code.
    BadString,
    /// A number that is not one, or too large for its place.
    BadNumber,
    /// Nested deeper than the reader goes.
    TooDeep,
    /// A key given twice in one object.
    DuplicateKey { key: &'a str },
    /// A key this object does not have, and the ones it has.
    UnknownField { field: &'a str, expected: &'a str },
    /// A key this object needs.
    MissingField { field: &'a str },
    /// A value of the wrong kind (`"7"` for a number, an array for an object) or out of its
    /// type's range (`-1` for a count).
    WrongType { found: &'a str, expected: &'a str },
    /// A word that is not one of the allowed ones (`"of": "everyone"`).
    UnknownVariant { variant: &'a str, expected: &'a str },
    /// A fraction not written `p/q` with digits only.
    MalformedFraction { text: &'a str },
    /// A fraction outside `0 < p/q <= 1`.
    FractionOutOfRange { text: &'a str },
    /// Any other message, as the reader gave it.
    Other(&'a str),
}

impl LoadError {
    /// What the message says, as data (see the module's comment).
    pub fn reason(&self) -> Reason<'_> {
        reason(&self.message)
    }
}

/// The reason of a reader's message (without its position).
pub fn reason(message: &str) -> Reason<'_> {
    if let Some(rest) = message.strip_prefix("not UTF-8 text: byte ") {
        if let Some((offset, rest)) = rest.split_once(" (0x") {
            if let Some((byte, _)) = rest.split_once(')') {
                return Reason::NotUtf8 { offset, byte };
            }
        }
    }
    if message.starts_with("the file is UTF-16 text") {
        return Reason::Utf16;
    }
    if message.starts_with("EOF while parsing") {
        return Reason::CutShort;
    }
    match message {
        "expected value" | "expected ident" => return Reason::ExpectedValue,
        "trailing characters" | "trailing comma" => return Reason::TrailingCharacters,
        "expected `:`" | "expected `,` or `}`" | "expected `,` or `]`" | "key must be a string" => {
            return Reason::Punctuation
        }
        "invalid escape"
        | "invalid unicode code point"
        | "lone leading surrogate in hex escape"
        | "unexpected end of hex escape"
        | "control character (\\u0000-\\u001F) found while parsing a string" => {
            return Reason::BadString
        }
        "invalid number" | "number out of range" => return Reason::BadNumber,
        "recursion limit exceeded" => return Reason::TooDeep,
        _ => {}
    }
    if let Some(rest) = message.strip_prefix("duplicate key \"") {
        if let Some((key, _)) = rest.split_once("\": ") {
            return Reason::DuplicateKey { key };
        }
    }
    if let Some(rest) = message.strip_prefix("unknown field `") {
        if let Some((field, expected)) = rest.split_once("`, expected ") {
            return Reason::UnknownField { field, expected };
        }
        if let Some((field, _)) = rest.split_once("`, there are no fields") {
            return Reason::UnknownField {
                field,
                expected: "",
            };
        }
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        if let Some((variant, expected)) = rest.split_once("`, expected ") {
            return Reason::UnknownVariant { variant, expected };
        }
    }
    if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.strip_suffix('`'))
    {
        return Reason::MissingField { field };
    }
    if let Some(rest) = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "))
    {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            return Reason::WrongType { found, expected };
        }
    }
    if let Some(rest) = message.strip_prefix('"') {
        if let Some((text, _)) =
            rest.split_once("\" is not a fraction written exactly like \"1/2\"")
        {
            return Reason::MalformedFraction { text };
        }
    }
    if let Some(rest) = message.strip_prefix("fraction \"") {
        if let Some((text, _)) = rest.split_once("\" must be more than 0") {
            return Reason::FractionOutOfRange { text };
        }
    }
    Reason::Other(message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{parse_ballots, parse_election};

    const ELECTION: &str = r#"{
  "format": "hallcount/election@1",
  "title": "T", "body": "B", "place": "P", "date": "2026-11-25",
  "delegates": { "entitled": 10, "present": 9 },
  "ballots_issued": 9,
  "quorum": { "at_least": "2/3" },
  "contests": [ { "id": "exec", "office": "O", "seats": 1,
    "candidates": [ { "id": "A", "name": "Ann" } ],
    "threshold": { "of": "valid", "more_than": "1/2" } } ]
}"#;

    fn election_error(from: &str, to: &str) -> LoadError {
        assert!(ELECTION.contains(from), "{from}");
        parse_election(&ELECTION.replacen(from, to, 1)).unwrap_err()
    }

    /// Each reason from the real readers: the words they use today are the ones recognised.
    #[test]
    fn every_reader_message_is_recognised() {
        let gbk = parse_election(b"{\"title\": \"\xb2\xe2\xca\xd4\"}".as_slice()).unwrap_err();
        assert_eq!(
            gbk.reason(),
            Reason::NotUtf8 {
                offset: "11",
                byte: "b2"
            }
        );
        let utf16 = parse_election(b"\xff\xfe{\0}\0".as_slice()).unwrap_err();
        assert_eq!(utf16.reason(), Reason::Utf16);
        let cases: &[(&str, &str, Reason)] = &[
            (
                "\"ballots_issued\": 9,",
                "\"ballots_issued\": 9",
                Reason::Punctuation,
            ),
            ("\"T\"", "T", Reason::ExpectedValue),
            ("\"T\"", "\"T\u{1}\"", Reason::BadString),
            ("\"T\"", "\"\\q\"", Reason::BadString),
            ("9,", "9x,", Reason::Punctuation),
            ("\"seats\": 1", "\"seats\": 1e99999", Reason::BadNumber),
            (
                "\"seats\": 1",
                "\"seats\": -1",
                Reason::WrongType {
                    found: "integer `-1`",
                    expected: "u32",
                },
            ),
            (
                "\"title\": \"T\", ",
                "",
                Reason::MissingField { field: "title" },
            ),
            (
                "\"title\": \"T\"",
                "\"title\": \"T\", \"title\": \"U\"",
                Reason::DuplicateKey { key: "title" },
            ),
        ];
        for (from, to, expected) in cases {
            let error = election_error(from, to);
            assert_eq!(&error.reason(), expected, "{from} -> {to}: {error}");
        }
        let variant = election_error("\"valid\"", "\"all\"");
        assert!(
            matches!(variant.reason(), Reason::UnknownVariant { variant: "all", expected } if expected.contains("valid")),
            "{variant}"
        );
        let cut = parse_election(&ELECTION[..40]).unwrap_err();
        assert_eq!(cut.reason(), Reason::CutShort, "{cut}");
        let trailing = parse_election(&format!("{ELECTION} x")).unwrap_err();
        assert_eq!(trailing.reason(), Reason::TrailingCharacters, "{trailing}");
        let unknown = election_error(
            "\"quorum\": { \"at_least\"",
            "\"quorum\": { \"of\": 1, \"at_least\"",
        );
        assert!(
            matches!(unknown.reason(), Reason::UnknownField { field: "of", expected } if expected.contains("at_least")),
            "{unknown}"
        );
        for (fraction, malformed) in [("1 / 2", true), ("3/2", false)] {
            let error = election_error("\"2/3\"", &format!("\"{fraction}\""));
            let reason = error.reason();
            let recognised = if malformed {
                reason == Reason::MalformedFraction { text: fraction }
            } else {
                reason == Reason::FractionOutOfRange { text: fraction }
            };
            assert!(recognised, "{fraction}: {error} {reason:?}");
        }
        let array =
            parse_ballots(r#"{"format":"hallcount/ballots@1","ballots":[[]]}"#).unwrap_err();
        assert!(
            matches!(
                array.reason(),
                Reason::WrongType {
                    found: "sequence",
                    ..
                }
            ),
            "{array}"
        );
        let deep = parse_election(&format!("{}{}", "[".repeat(200), "]".repeat(200))).unwrap_err();
        assert!(
            matches!(deep.reason(), Reason::TooDeep | Reason::WrongType { .. }),
            "{deep}"
        );
    }

    #[test]
    fn any_other_message_is_kept_as_it_is() {
        assert_eq!(reason("something new"), Reason::Other("something new"));
        assert_eq!(
            reason("duplicate key \"a"),
            Reason::Other("duplicate key \"a")
        );
    }
}
