//! The result sheet as printed on A4 and signed by hand: the meeting, its numbers (應到, 實到,
//! 發出, 收回), each contest's table and elected, and the signature lines. On screen it is a
//! preview of its pages; `styles/print.css` makes it the only thing printed.
//!
//! The app cuts the sheet into pages itself (`sheet_pages`), each with the title, "page n of N"
//! and the seal, so every printed page carries them in every engine (Firefox prints no `@page`
//! margin boxes). It is drawn once as one column of the printed width, measured, then in pages.

use std::rc::Rc;

use hallcount_core::{ContestTally, Election, LotOutcome, Tally};
use yew::prelude::*;

use super::fingerprint::in_groups;
use super::name::bdi;
use super::results_table::{count_headings, elected_list, recorded_lot, Counted};
use super::sheet_measure::measure;
use super::sheet_pages::{pieces, Piece};
use crate::hooks::use_lang;
use crate::i18n::result_words::{display_name, status_sentence, threshold_sentence};
use crate::i18n::{tr, tr_args, Lang, Msg};
/// The roles that sign the sheet, in the order of the count.
const SIGNERS: [Msg; 5] = [
    Msg::SignReader,
    Msg::SignCounter,
    Msg::SignScrutineer,
    Msg::SignChiefScrutineer,
    Msg::SignOfficer,
];

/// What binds the paper to the signed file: the key's fingerprint and the first 16 characters
/// of the result hash (grouped by four).
#[derive(Clone, Debug, PartialEq)]
pub struct Seal {
    pub fingerprint: String,
    pub short_hash: String,
}

#[derive(Properties, PartialEq)]
pub struct ResultSheetProps {
    pub counted: Counted,
    /// The seal, once the signing key exists: above the signatures and at the foot of each page.
    #[prop_or_default]
    pub seal: Option<Seal>,
    /// What was checked before signing (double entry, the blackboard): `SheetChecks`.
    #[prop_or_default]
    pub checks: Option<Html>,
}

/// What a cut is for: the language, the meeting (by address: any new entry in the log makes a
/// new tally, checks included) and the seal.
type CutFor = (
    Lang,
    *const Election,
    *const Tally,
    *const Vec<LotOutcome>,
    Option<Seal>,
);

#[component]
pub fn ResultSheet(props: &ResultSheetProps) -> Html {
    let lang = use_lang();
    let column = use_node_ref();
    // The pages, with what they were cut for: drawn otherwise (other props, another language),
    // the sheet is drawn in one column first, measured after that render, then cut.
    let cut = use_state(|| None::<(Rc<Vec<std::ops::Range<usize>>>, CutFor)>);
    let rows: Vec<usize> = props
        .counted
        .tally
        .contests
        .iter()
        .map(|c| c.candidates.len() + c.write_ins.len())
        .collect();
    let all = pieces(&rows);
    let now: CutFor = (
        lang,
        Rc::as_ptr(&props.counted.election),
        Rc::as_ptr(&props.counted.tally),
        Rc::as_ptr(&props.counted.lots),
        props.seal.clone(),
    );
    let pages = match &*cut {
        Some((pages, cut_for)) if *cut_for == now => Some(pages.clone()),
        _ => None,
    };
    if pages.is_none() {
        // Measured once this render is in the page (a task after it), then cut.
        let (cut, column, all) = (cut.clone(), column.clone(), all.clone());
        gloo::timers::callback::Timeout::new(0, move || {
            if let Some(pages) = measure(&column, &all, rows.len()) {
                cut.set(Some((Rc::new(pages), now)));
            }
        })
        .forget();
    }
    let ctx = Sheet { lang, props };
    match pages {
        None => html! {
            <article class="result-sheet measuring" aria-labelledby="sheet-title">
                { ctx.page(None, &all, column) }
            </article>
        },
        Some(pages) => html! {
            <article class="result-sheet" aria-labelledby="sheet-title">
                for (n, range) in pages.iter().enumerate() {
                    { ctx.page(Some((n + 1, pages.len())), &all[range.clone()], NodeRef::default()) }
                }
            </article>
        },
    }
}

struct Sheet<'a> {
    lang: Lang,
    props: &'a ResultSheetProps,
}

impl Sheet<'_> {
    /// One printed page: its head (title, page n of N), the pieces, its foot (the seal). While
    /// measuring, one page of every piece, without a number.
    fn page(&self, number: Option<(usize, usize)>, pieces: &[Piece], body: NodeRef) -> Html {
        let lang = self.lang;
        let page_of = number.map(|(n, total)| {
            tr_args(
                lang,
                Msg::SheetPageOf,
                &[("n", &n.to_string()), ("total", &total.to_string())],
            )
        });
        let foot = self.props.seal.as_ref().map(|seal| {
            [
                tr(lang, Msg::SealKey),
                &seal.fingerprint,
                "·",
                tr(lang, Msg::SealHash),
                &seal.short_hash,
            ]
            .join(" ")
        });
        html! {
            <div class="sheet-page">
                <div class="sheet-page-head">
                    <span>{ bdi(&self.props.counted.election.title) }</span>
                    <span class="sheet-page-number">{ page_of }</span>
                </div>
                <div class="sheet-page-body" ref={body}>{ self.body(pieces) }</div>
                <div class="sheet-page-foot">{ foot }</div>
            </div>
        }
    }

    /// The pieces, a contest's run of them in one section (its rows in one table).
    fn body(&self, pieces: &[Piece]) -> Html {
        let mut out = Vec::new();
        let mut i = 0;
        while i < pieces.len() {
            match pieces[i] {
                Piece::Opening => out.push(self.opening()),
                Piece::Closing => out.push(self.closing()),
                Piece::Head(c) | Piece::Row(c, _) | Piece::Elected(c) => {
                    let run = pieces[i..]
                        .iter()
                        .take_while(|p| contest_of(p) == Some(c))
                        .count();
                    out.push(self.contest(c, &pieces[i..i + run]));
                    i += run;
                    continue;
                }
            }
            i += 1;
        }
        out.into_iter().collect()
    }

    fn opening(&self) -> Html {
        let (lang, election, tally) = (
            self.lang,
            &self.props.counted.election,
            &self.props.counted.tally,
        );
        let figure = |key: Msg, value: u32, name: &'static str| {
            html! { <div class="figure" data-figure={name}><dt>{ tr(lang, key) }</dt><dd>{ value }</dd></div> }
        };
        html! {
            <div data-piece="">
                <header>
                    <p class="sheet-kind">{ tr(lang, Msg::SheetTitle) }</p>
                    <h2 id="sheet-title">{ bdi(&election.title) }</h2>
                    <p class="sheet-meeting">
                        { bdi(&election.body) }{ " · " }{ bdi(&election.place) }{ " · " }{ &election.date }
                        if election.round > 1 {
                            { " · " }{ tr_args(lang, Msg::RoundNumber, &[("n", &election.round.to_string())]) }
                        }
                    </p>
                </header>
                <dl class="sheet-figures">
                    { figure(Msg::FigureEntitled, tally.entitled, "entitled") }
                    { figure(Msg::FigurePresent, tally.present, "present") }
                    { figure(Msg::FigureIssued, tally.issued, "issued") }
                    { figure(Msg::FigureCollected, tally.collected, "collected") }
                </dl>
                <p class="sheet-status">{ status_sentence(lang, election, tally) }</p>
            </div>
        }
    }

    /// The checks, the seal and the signature lines: never alone on a page (`paginate`).
    fn closing(&self) -> Html {
        let lang = self.lang;
        html! {
            <div class="sheet-closing" data-piece="">
                if let Some(checks) = &self.props.checks {
                    { checks.clone() }
                }
                if let Some(seal) = &self.props.seal {
                    <section class="sheet-signature-slot">
                        <div class="sheet-seal">
                            <p>{ tr(lang, Msg::SealKey) }{ " " }{ in_groups(&seal.fingerprint) }</p>
                            <p>{ tr(lang, Msg::SealHash) }{ " " }{ in_groups(&seal.short_hash) }</p>
                        </div>
                    </section>
                }
                <section class="sheet-signatures" aria-label={tr(lang, Msg::SignaturesTitle)}>
                    for role in SIGNERS {
                        <div class="signature-line">
                            <span class="role">{ tr(lang, role) }</span>
                            <span class="line"></span>
                            <span class="date-label">{ tr(lang, Msg::SignDate) }</span>
                            <span class="line short"></span>
                        </div>
                    }
                </section>
            </div>
        }
    }

    /// Contest `c`'s pieces on one page: its heading, some of its rows, its elected.
    fn contest(&self, c: usize, pieces: &[Piece]) -> Html {
        let Some(outcome) = self.props.counted.tally.contests.get(c) else {
            return html! {};
        };
        let rows: Vec<usize> = pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Row(_, r) => Some(*r),
                _ => None,
            })
            .collect();
        let head = pieces.contains(&Piece::Head(c));
        let elected = pieces.contains(&Piece::Elected(c));
        contest_section(
            self.lang,
            &self.props.counted.election,
            outcome,
            &self.props.counted.lots,
            c,
            head,
            &rows,
            elected,
        )
    }
}

fn contest_of(piece: &Piece) -> Option<usize> {
    match piece {
        Piece::Head(c) | Piece::Row(c, _) | Piece::Elected(c) => Some(*c),
        Piece::Opening | Piece::Closing => None,
    }
}

/// One contest of the sheet, or the part of it on one page: its heading and figures (`head`),
/// the counts of the names in `rows` (candidates, then written names) under the table's head,
/// and who is elected (`elected`).
#[allow(clippy::too_many_arguments)]
fn contest_section(
    lang: Lang,
    election: &Rc<Election>,
    outcome: &ContestTally,
    lots: &[LotOutcome],
    c: usize,
    head: bool,
    rows: &[usize],
    elected: bool,
) -> Html {
    let contest = election.contests.iter().find(|e| e.id == outcome.id);
    let n_candidates = outcome.candidates.len();
    // A candidate's counts, or a written name's votes (no against, no abstain).
    let row = |r: usize| {
        let (name, cells, class) = match outcome.candidates.get(r) {
            Some(count) => (
                display_name(lang, contest, &count.id),
                [
                    count.votes_for.to_string(),
                    count.against.to_string(),
                    count.abstain.to_string(),
                ],
                None,
            ),
            None => {
                let write_in = outcome.write_ins.get(r - n_candidates)?;
                let name = tr_args(lang, Msg::WrittenName, &[("name", &write_in.name)]);
                let dash = "—".to_owned();
                (
                    name,
                    [write_in.votes.to_string(), dash.clone(), dash],
                    Some("written"),
                )
            }
        };
        Some(html! {
            <tr {class} data-piece="">
                <th scope="row">{ bdi(&name) }</th>
                for cell in cells {
                    <td class="num">{ cell }</td>
                }
            </tr>
        })
    };
    html! {
        <section class="sheet-contest" data-contest={outcome.id.clone()}>
            if head {
                <div data-piece="">
                    <h3>
                        { bdi(&outcome.office) }{ " " }
                        { tr_args(lang, Msg::SeatsCount, &[("n", &outcome.seats.to_string())]) }
                    </h3>
                    <p>
                        { tr_args(lang, Msg::SheetContestFigures, &[
                            ("cast", &outcome.cast.to_string()),
                            ("valid", &outcome.valid.to_string()),
                            ("invalid", &outcome.invalid.to_string()),
                            ("blank", &outcome.blank.to_string()),
                        ]) }
                        <br />
                        { threshold_sentence(lang, &outcome.threshold) }
                    </p>
                </div>
            }
            if !rows.is_empty() {
                <table>
                    <thead data-contest={c.to_string()}>
                        <tr>{ count_headings(lang) }</tr>
                    </thead>
                    <tbody>
                        for r in rows.iter().copied() {
                            { row(r) }
                        }
                    </tbody>
                </table>
            }
            if elected {
                <div data-piece="">
                    { elected_list(lang, election, outcome, recorded_lot(lots, outcome).as_deref()) }
                </div>
            }
        </section>
    }
}
