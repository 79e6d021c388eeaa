//! The events of the log and their place in the chain ([`LogEntry`]).

use serde::{Deserialize, Serialize};

use crate::ballot::Paper;
use crate::compare::Difference;
use crate::election::Election;
use crate::encoding::sha256_hex;
use crate::reconcile::BoardTally;

/// One thing that happened at the table. A closed set: the log knows every kind of event.
/// JSON: an object whose `"type"` is the variant in snake_case, then the variant's fields.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Event {
    /// The definition, first or corrected (a correction after the first paper needs an unlock).
    ElectionDefined {
        election: Election,
    },
    /// One paper from the box, as read out; its number is its place among the papers entered.
    PaperEntered {
        paper: Paper,
    },
    /// A paper entered by mistake or wrongly; `number` is 1-based, as counted at the table.
    PaperVoided {
        number: u32,
        reason: String,
    },
    /// Allows one correction of the definition although papers were entered.
    DefinitionUnlocked {
        reason: String,
    },
    /// No entry, void or redefinition until unlocked.
    ResultsLocked,
    ResultsUnlocked {
        reason: String,
    },
    /// R7: the officer drew lots for the tied seats of a contest and records who won.
    LotDrawn {
        contest: String,
        winners: Vec<String>,
    },
    /// Double entry: a second clerk's entry of the same papers (typed blind to the first, or
    /// another laptop's ballots file), compared with the live papers at this point.
    SecondEntryRecorded {
        papers: Vec<Paper>,
    },
    /// The officer reread the paper where the entries differ: its right reading, or `None`
    /// when there is no such paper in the box. Both entries stay in the log; the first entry's
    /// paper is voided and the reading entered when they differ.
    DifferenceResolved {
        difference: Difference,
        reading: Option<Paper>,
    },
    /// The scrutineers' totals from the blackboard, compared with the count at this point.
    ReconciliationRecorded {
        board: BoardTally,
    },
}

mod event_de {
    //! Reading an [`Event`] back. serde's derive for an internally tagged enum buffers the whole
    //! object before it looks at `"type"`, which doubles the time to read 10,000 papers. Here,
    //! when `"type"` comes first (as this crate writes it) the fields are read straight into
    //! their variant; otherwise the object is buffered, written again with `"type"` first and
    //! read that way (the rare, slow path; no second derive of every event shape, which cost the
    //! page ~30 KB of wasm).

    use serde::de::value::MapAccessDeserializer;
    use serde::de::{self, Deserializer, MapAccess, Visitor};
    use serde::Deserialize;

    use super::Event;
    use crate::ballot::Paper;
    use crate::compare::Difference;
    use crate::election::Election;
    use crate::reconcile::BoardTally;

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct ElectionDefined {
        election: Election,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct PaperEntered {
        paper: Paper,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct PaperVoided {
        number: u32,
        reason: String,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Reason {
        reason: String,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Nothing {}

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct LotDrawn {
        contest: String,
        winners: Vec<String>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct SecondEntryRecorded {
        papers: Vec<Paper>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct DifferenceResolved {
        difference: Difference,
        reading: Option<Paper>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct ReconciliationRecorded {
        board: BoardTally,
    }

    const VARIANTS: &[&str] = &[
        "election_defined",
        "paper_entered",
        "paper_voided",
        "definition_unlocked",
        "results_locked",
        "results_unlocked",
        "lot_drawn",
        "second_entry_recorded",
        "difference_resolved",
        "reconciliation_recorded",
    ];

    struct EventVisitor;

    impl<'de> Visitor<'de> for EventVisitor {
        type Value = Event;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an event: an object with a \"type\"")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Event, A::Error> {
            let Some(first) = map.next_key::<String>()? else {
                return Err(de::Error::missing_field("type"));
            };
            if first != "type" {
                // Rare (a file written by another tool): gather the object, then read it. The
                // type is set apart as it comes (nothing is removed from the map: the page
                // then has no code to remove from a map of values).
                let mut kind = None;
                let mut object = serde_json::Map::new();
                let mut gather = |key: String, value| match key.as_str() {
                    "type" => kind = Some(value),
                    _ => {
                        object.insert(key, value);
                    }
                };
                gather(first, map.next_value()?);
                while let Some((key, value)) = map.next_entry::<String, serde_json::Value>()? {
                    gather(key, value);
                }
                return read_type_first(kind, object);
            }
            let kind: String = map.next_value()?;
            let rest = MapAccessDeserializer::new(map);
            Ok(match kind.as_str() {
                "election_defined" => Event::ElectionDefined {
                    election: ElectionDefined::deserialize(rest)?.election,
                },
                "paper_entered" => Event::PaperEntered {
                    paper: PaperEntered::deserialize(rest)?.paper,
                },
                "paper_voided" => {
                    let PaperVoided { number, reason } = PaperVoided::deserialize(rest)?;
                    Event::PaperVoided { number, reason }
                }
                "definition_unlocked" => Event::DefinitionUnlocked {
                    reason: Reason::deserialize(rest)?.reason,
                },
                "results_locked" => {
                    Nothing::deserialize(rest)?;
                    Event::ResultsLocked
                }
                "results_unlocked" => Event::ResultsUnlocked {
                    reason: Reason::deserialize(rest)?.reason,
                },
                "lot_drawn" => {
                    let LotDrawn { contest, winners } = LotDrawn::deserialize(rest)?;
                    Event::LotDrawn { contest, winners }
                }
                "second_entry_recorded" => Event::SecondEntryRecorded {
                    papers: SecondEntryRecorded::deserialize(rest)?.papers,
                },
                "difference_resolved" => {
                    let DifferenceResolved {
                        difference,
                        reading,
                    } = DifferenceResolved::deserialize(rest)?;
                    Event::DifferenceResolved {
                        difference,
                        reading,
                    }
                }
                "reconciliation_recorded" => Event::ReconciliationRecorded {
                    board: ReconciliationRecorded::deserialize(rest)?.board,
                },
                other => return Err(de::Error::unknown_variant(other, VARIANTS)),
            })
        }
    }

    /// `object` (all but the type) written again with `"type"` first, then read by the fast path.
    fn read_type_first<E: de::Error>(
        kind: Option<serde_json::Value>,
        object: serde_json::Map<String, serde_json::Value>,
    ) -> Result<Event, E> {
        let kind = kind.ok_or_else(|| E::missing_field("type"))?;
        let rest = serde_json::Value::Object(object).to_string();
        // `rest` is `{...}`: its fields (with the closing brace) go after the type.
        let fields = rest.strip_prefix('{').unwrap_or(&rest);
        let separator = if fields == "}" { "" } else { "," };
        let text = format!("{{\"type\":{kind}{separator}{fields}");
        crate::json::fast::<Event>(&text).map_err(|error| {
            // Its position is in the text written here, not in the reader's file.
            let full = error.to_string();
            let position = format!(" at line {} column {}", error.line(), error.column());
            E::custom(full.strip_suffix(&position).unwrap_or(&full))
        })
    }

    impl<'de> Deserialize<'de> for Event {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Event, D::Error> {
            deserializer.deserialize_map(EventVisitor)
        }
    }
}

/// An event with its place in the chain.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogEntry {
    /// 0 for the first entry, then one more each time.
    pub seq: u64,
    /// Hex SHA-256 of the previous entry, [`GENESIS_PREV`] for the first.
    pub prev: String,
    /// When it happened, as the caller's clock said (ISO 8601).
    pub at: String,
    pub event: Event,
}

impl LogEntry {
    /// Hex SHA-256 over the entry's deterministic JSON bytes.
    pub fn hash(&self) -> String {
        let bytes =
            serde_json::to_vec(self).expect("an entry always serializes: no non-string map keys");
        sha256_hex(&bytes)
    }
}
