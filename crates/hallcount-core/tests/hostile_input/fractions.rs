//! Fractions in thresholds, floors and quorums: 0 < p/q < 1, written plainly, with only the
//! keys they may have.

use serde_json::{json, Value};

use super::*;

/// Where an edit puts a fraction: the field it replaces and the problem's path.
#[derive(Clone, Copy)]
enum Place {
    Threshold,
    Floor,
    Quorum,
}

impl Place {
    fn edit(self, rule: Value) -> String {
        election_text(|v| match self {
            Place::Threshold => {
                v["contests"][0]["threshold"] = json!({"of": "valid"});
                merge(&mut v["contests"][0]["threshold"], rule);
            }
            Place::Floor => {
                v["contests"][0]["shortfall"] =
                    json!({"rule": "another_round", "floor": {"of": "ballots_cast"}});
                merge(&mut v["contests"][0]["shortfall"]["floor"], rule);
            }
            Place::Quorum => v["quorum"] = rule,
        })
    }

    fn path(self) -> &'static str {
        match self {
            Place::Threshold => "contests[0].threshold",
            Place::Floor => "contests[0].shortfall.floor",
            Place::Quorum => "quorum",
        }
    }
}

fn merge(target: &mut Value, rule: Value) {
    for (key, value) in rule.as_object().unwrap() {
        target[key] = value.clone();
    }
}

/// Issue 10: a fraction is `0 < p/q < 1` for thresholds, floors and quorums. `more_than` a
/// whole can never be met; `at_least` a whole is refused too (any one voter could block it).
#[test]
fn whole_fractions_in_thresholds_floors_and_quorums_are_problems() {
    use ProblemKind::{UnreachableThreshold as Unreachable, WholeFraction as Whole};
    let cases: &[(Place, Value, Option<ProblemKind>)] = &[
        (
            Place::Threshold,
            json!({"more_than": "2/2"}),
            Some(Unreachable),
        ),
        (
            Place::Threshold,
            json!({"more_than": "7/7"}),
            Some(Unreachable),
        ),
        (
            Place::Threshold,
            json!({"more_than": "4294967295/4294967295"}),
            Some(Unreachable),
        ),
        (Place::Threshold, json!({"at_least": "1/1"}), Some(Whole)),
        (
            Place::Threshold,
            json!({"at_least": "4294967295/4294967295"}),
            Some(Whole),
        ),
        (Place::Threshold, json!({"at_least": "99/100"}), None),
        (Place::Threshold, json!({"more_than": "1/2"}), None),
        (Place::Floor, json!({"more_than": "2/2"}), Some(Unreachable)),
        (Place::Floor, json!({"at_least": "1/1"}), Some(Whole)),
        (Place::Floor, json!({"at_least": "3/4"}), None),
        (
            Place::Quorum,
            json!({"more_than": "1/1"}),
            Some(Unreachable),
        ),
        (Place::Quorum, json!({"at_least": "1/1"}), Some(Whole)),
        (Place::Quorum, json!({"at_least": "5/5"}), Some(Whole)),
        (Place::Quorum, json!({"at_least": "2/3"}), None),
    ];
    for (place, rule, expected) in cases {
        let problems = check_election(&parse_election(&place.edit(rule.clone())).unwrap());
        let found: Vec<&ProblemKind> = problems
            .iter()
            .filter(|p| p.path == place.path())
            .map(|p| &p.kind)
            .collect();
        assert_eq!(
            found,
            expected.iter().collect::<Vec<_>>(),
            "{} {rule}",
            place.path()
        );
    }
}

#[test]
fn loosely_written_fractions_are_refused() {
    for fraction in [" 1/2", "1/2 ", "+1/2", "1 / 2", "1/0", "0/2"] {
        let text = election_text(|v| v["quorum"] = json!({"at_least": fraction}));
        let error = parse_election(&text).unwrap_err();
        assert_eq!(error.path, "quorum.at_least", "{fraction:?}: {error}");
    }
}

#[test]
fn an_unknown_key_in_the_quorum_is_named_with_the_expected_ones() {
    let text = election_text(|v| v["quorum"] = json!({"at_least": "2/3", "of": "present"}));
    let error = parse_election(&text).unwrap_err();
    assert_names(
        &error,
        "quorum.of",
        &["unknown field `of`", "`at_least`", "`more_than`"],
    );
}
