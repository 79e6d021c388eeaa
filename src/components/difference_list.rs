//! The differences between the two entries, paper by paper, each with both readings and the
//! officer's choice after reading the paper again; a resolved one says how it was resolved.
//! Nothing is decided without the officer: every difference waits for a button.

use hallcount_core::log::DoubleEntry;
use hallcount_core::{Difference, Election, EnteredPaper, Paper};
use yew::prelude::*;

use super::paper_list::paper_summary;
use crate::i18n::{tr, tr_args, Lang, Msg};

/// One difference with what each entry read and, once resolved, the reading recorded.
#[derive(Clone, Debug, PartialEq)]
pub struct DifferenceRow {
    pub difference: Difference,
    pub first: Option<Paper>,
    pub second: Option<Paper>,
    /// `Some(None)`: resolved as no such paper.
    pub resolved: Option<Option<Paper>>,
}

/// The rows of `double`, in paper order; `papers` is the log's papers (the first entry's are
/// found by their number, voided or not).
pub fn difference_rows(double: &DoubleEntry, papers: &[EnteredPaper]) -> Vec<DifferenceRow> {
    double
        .comparison
        .differences
        .iter()
        .map(|difference| DifferenceRow {
            difference: difference.clone(),
            first: double
                .first_number(difference)
                .and_then(|number| papers.iter().find(|p| p.number == number))
                .map(|p| p.paper.clone()),
            second: double.second_paper(difference).cloned(),
            resolved: double
                .resolutions
                .iter()
                .find(|r| &r.difference == difference)
                .map(|r| r.reading.clone()),
        })
        .collect()
}

/// The heading of a difference: which paper, which contests, what kind.
pub fn difference_title(lang: Lang, election: &Election, difference: &Difference) -> String {
    match difference {
        Difference::Differs {
            first,
            second,
            contests,
        } => {
            let offices: Vec<&str> = contests
                .iter()
                .map(|id| {
                    election
                        .contests
                        .iter()
                        .find(|c| &c.id == id)
                        .map_or(id.as_str(), |c| c.office.as_str())
                })
                .collect();
            tr_args(
                lang,
                Msg::DiffDiffers,
                &[
                    ("first", &first.to_string()),
                    ("second", &second.to_string()),
                    ("contests", &offices.join("、")),
                ],
            )
        }
        Difference::OnlyFirst { first } => {
            tr_args(lang, Msg::DiffOnlyFirst, &[("first", &first.to_string())])
        }
        Difference::OnlySecond { second } => tr_args(
            lang,
            Msg::DiffOnlySecond,
            &[("second", &second.to_string())],
        ),
    }
}

fn kind(difference: &Difference) -> &'static str {
    match difference {
        Difference::Differs { .. } => "differs",
        Difference::OnlyFirst { .. } => "only_first",
        Difference::OnlySecond { .. } => "only_second",
    }
}

/// What the list shows and does (a function, not a component: each component costs the wasm
/// its own copy of Yew's lifecycle).
pub struct DifferenceList<'a> {
    pub election: &'a Election,
    pub rows: &'a [DifferenceRow],
    /// The difference and the reading recorded for it (`None`: no such paper).
    pub on_resolve: &'a Callback<(Difference, Option<Paper>)>,
    pub disabled: bool,
}

pub fn difference_list(lang: Lang, list: &DifferenceList<'_>) -> Html {
    html! {
        <ol class="difference-list">
            for row in list.rows {
                { difference_item(lang, list, row) }
            }
        </ol>
    }
}

fn difference_item(lang: Lang, props: &DifferenceList<'_>, row: &DifferenceRow) -> Html {
    let election = props.election;
    let summary = |paper: &Paper| paper_summary(lang, election, paper);
    let choose = |reading: Option<Paper>, label: Msg, class: &'static str| {
        let on_resolve = props.on_resolve.clone();
        let difference = row.difference.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            on_resolve.emit((difference.clone(), reading.clone()));
        });
        html! {
            <button type="button" {class} {onclick} disabled={props.disabled}>
                { tr(lang, label) }
            </button>
        }
    };
    // What the paper may turn out to say: one reading or the other, or there or not there.
    let (left, right) = match &row.difference {
        Difference::Differs { .. } => (
            (
                row.first.clone(),
                Msg::ResolveFirst,
                "resolve resolve-first",
            ),
            (
                row.second.clone(),
                Msg::ResolveSecond,
                "resolve resolve-second",
            ),
        ),
        Difference::OnlyFirst { .. } | Difference::OnlySecond { .. } => (
            (
                row.first.clone().or_else(|| row.second.clone()),
                Msg::ResolveExists,
                "resolve resolve-exists",
            ),
            (None, Msg::ResolveNoPaper, "resolve resolve-none"),
        ),
    };
    let buttons =
        html! { <>{ choose(left.0, left.1, left.2) }{ choose(right.0, right.1, right.2) }</> };
    let resolved = row.resolved.is_some();
    let resolution = match &row.resolved {
        Some(Some(paper)) => html! {
            <p class="resolution" role="status">{ tr_args(lang, Msg::ResolvedAs, &[("paper", &summary(paper))]) }</p>
        },
        Some(None) => html! {
            <p class="resolution" role="status">{ tr(lang, Msg::ResolvedNoPaper) }</p>
        },
        None => html! {
            <div class="resolve-actions" role="group" aria-label={tr(lang, Msg::ResolveAsk)}>
                <span>{ tr(lang, Msg::ResolveAsk) }</span>
                { buttons }
            </div>
        },
    };
    html! {
        <li class={if resolved { "difference resolved" } else { "difference" }} data-kind={kind(&row.difference)}>
            <p class="difference-title">{ difference_title(lang, election, &row.difference) }</p>
            if let Some(paper) = &row.first {
                <p class="reading first">{ tr_args(lang, Msg::ReadingFirst, &[("paper", &summary(paper))]) }</p>
            }
            if let Some(paper) = &row.second {
                <p class="reading second">{ tr_args(lang, Msg::ReadingSecond, &[("paper", &summary(paper))]) }</p>
            }
            { resolution }
        </li>
    }
}
