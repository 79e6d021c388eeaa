//! The papers entered, newest first, one page at a time (a hall of 10,000 papers must not
//! render 10,000 rows). Each can be voided with a reason; the void is a new event and the paper
//! stays in the record, struck through.

use std::rc::Rc;

use hallcount_core::{Election, EnteredPaper, Mark, Paper};
use yew::prelude::*;

use crate::hooks::use_lang;
use crate::i18n::{tr, tr_args, Lang, Msg};

/// Rows shown per page.
pub const PAGE_SIZE: usize = 12;

/// The rows of page `page` (0 is the newest) out of `total`, as a range of 0-based indices.
pub fn page_range(total: usize, page: usize) -> std::ops::Range<usize> {
    let end = total.saturating_sub(page * PAGE_SIZE);
    end.saturating_sub(PAGE_SIZE)..end
}

pub fn page_count(total: usize) -> usize {
    total.div_ceil(PAGE_SIZE).max(1)
}

/// A paper in one line: "執行委員: 李○ 陳× · 王芳 (○)".
pub fn paper_summary(lang: Lang, election: &Election, paper: &Paper) -> String {
    if let Some(reason) = &paper.rejected {
        return tr_args(lang, Msg::PaperRejectedSummary, &[("reason", reason)]);
    }
    let mut parts = Vec::new();
    for contest in &election.contests {
        let Some(marks) = paper.contests.get(&contest.id) else {
            continue;
        };
        let mut cells = Vec::new();
        for candidate in &contest.candidates {
            let sign = match marks.marks.get(&candidate.id) {
                Some(Mark::For) => "○",
                Some(Mark::Against) => "×",
                Some(Mark::Unreadable) => "?",
                Some(Mark::Blank) | None => continue,
            };
            cells.push(format!("{}{sign}", candidate.name));
        }
        for write_in in &marks.write_ins {
            let sign = if write_in.marked { "○" } else { "" };
            cells.push(format!("「{}」{sign}", write_in.name));
        }
        if !cells.is_empty() {
            parts.push(format!("{}: {}", contest.office, cells.join(" ")));
        }
    }
    if parts.is_empty() {
        tr(lang, Msg::PaperBlankSummary).to_owned()
    } else {
        parts.join(" · ")
    }
}

#[derive(Properties, PartialEq)]
pub struct PaperListProps {
    pub election: Rc<Election>,
    /// The rows of the page shown, oldest first.
    pub rows: Vec<EnteredPaper>,
    pub total: usize,
    pub page: usize,
    pub on_page: Callback<usize>,
    /// (paper number, reason).
    pub on_void: Callback<(u32, String)>,
    /// The paper whose void form is open (set by "undo the last paper").
    pub voiding: Option<u32>,
    pub on_voiding: Callback<Option<u32>>,
    pub disabled: bool,
}

#[component]
pub fn PaperList(props: &PaperListProps) -> Html {
    let lang = use_lang();
    let pages = page_count(props.total);
    let page = props.page.min(pages - 1);
    let newer = props.on_page.reform(move |_| page.saturating_sub(1));
    let older = props.on_page.reform(move |_| page + 1);
    html! {
        <section class="paper-list" aria-labelledby="paper-list-title">
            <h3 id="paper-list-title">{ tr_args(lang, Msg::PaperListTitle, &[("n", &props.total.to_string())]) }</h3>
            if props.total == 0 {
                <p class="empty">{ tr(lang, Msg::PaperListEmpty) }</p>
            } else {
                <ol class="papers">
                    for row in props.rows.iter().rev() {
                        { paper_row(lang, props, row) }
                    }
                </ol>
                <nav class="pager" aria-label={tr(lang, Msg::PagerLabel)}>
                    <button type="button" onclick={newer} disabled={page == 0}>{ tr(lang, Msg::PagerNewer) }</button>
                    <span>{ tr_args(lang, Msg::PagerPosition, &[("page", &(page + 1).to_string()), ("pages", &pages.to_string())]) }</span>
                    <button type="button" onclick={older} disabled={page + 1 >= pages}>{ tr(lang, Msg::PagerOlder) }</button>
                </nav>
            }
        </section>
    }
}

fn paper_row(lang: Lang, props: &PaperListProps, row: &EnteredPaper) -> Html {
    let number = row.number;
    let summary = paper_summary(lang, &props.election, &row.paper);
    let open_void = props.on_voiding.reform(move |_| Some(number));
    html! {
        <li key={number} value={number.to_string()} class={if row.voided.is_some() { "paper-row voided" } else { "paper-row" }}
            data-paper={number.to_string()}>
            <span class="paper-number">{ tr_args(lang, Msg::PaperNumber, &[("n", &number.to_string())]) }</span>
            <span class="paper-summary">{ summary }</span>
            if let Some(reason) = &row.voided {
                <span class="void-note">{ tr_args(lang, Msg::PaperVoidedNote, &[("reason", reason)]) }</span>
            } else if props.voiding == Some(number) {
                <VoidForm number={number} on_void={props.on_void.clone()}
                    on_cancel={props.on_voiding.reform(|_| None)} disabled={props.disabled} />
            } else {
                <button type="button" class="void-button" onclick={open_void} disabled={props.disabled}>
                    { tr(lang, Msg::VoidPaper) }
                </button>
            }
        </li>
    }
}

#[derive(Properties, PartialEq)]
pub struct VoidFormProps {
    pub number: u32,
    pub on_void: Callback<(u32, String)>,
    pub on_cancel: Callback<()>,
    pub disabled: bool,
}

/// Asks for the reason, which goes into the record with the void.
#[component]
pub fn VoidForm(props: &VoidFormProps) -> Html {
    let lang = use_lang();
    let input = use_node_ref();
    {
        let input = input.clone();
        use_effect_with((), move |_| {
            if let Some(element) = input.cast::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        });
    }
    let submit = {
        let input = input.clone();
        let on_void = props.on_void.clone();
        let number = props.number;
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if let Some(field) = input.cast::<web_sys::HtmlInputElement>() {
                let reason = field.value().trim().to_owned();
                if !reason.is_empty() {
                    on_void.emit((number, reason));
                }
            }
        })
    };
    let cancel = props.on_cancel.reform(|_| ());
    let on_key = {
        let on_cancel = props.on_cancel.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                on_cancel.emit(());
            }
        })
    };
    html! {
        <form class="void-form" onsubmit={submit}>
            <label>
                <span>{ tr_args(lang, Msg::VoidReasonLabel, &[("n", &props.number.to_string())]) }</span>
                <input type="text" ref={input} required=true disabled={props.disabled} onkeydown={on_key}
                    placeholder={tr(lang, Msg::VoidReasonExample)} />
            </label>
            <button type="submit" class="danger" disabled={props.disabled}>
                { tr_args(lang, Msg::VoidConfirm, &[("n", &props.number.to_string())]) }
            </button>
            <button type="button" onclick={cancel}>{ tr(lang, Msg::VoidCancel) }</button>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn election() -> Election {
        serde_json::from_str(
            r#"{ "format": "hallcount/election@1", "title": "t", "body": "b", "place": "p",
                 "date": "2017-08-25", "delegates": { "entitled": 10, "present": 9 }, "ballots_issued": 9,
                 "contests": [
                   { "id": "exec", "office": "執行委員", "seats": 3,
                     "candidates": [ { "id": "A", "name": "李美華" }, { "id": "B", "name": "陳少芬" } ],
                     "write_ins": { "allowed": true, "need_mark": true },
                     "threshold": { "of": "ballots_cast", "more_than": "1/2" } } ] }"#,
        )
        .unwrap()
    }

    #[test]
    fn a_paper_reads_in_one_line() {
        let paper: Paper = serde_json::from_str(
            r#"{ "contests": { "exec": { "marks": { "A": "for", "B": "unreadable" },
                                          "write_ins": [ { "name": "王芳", "marked": false } ] } } }"#,
        )
        .unwrap();
        assert_eq!(
            paper_summary(Lang::En, &election(), &paper),
            "執行委員: 李美華○ 陳少芬? 「王芳」"
        );
        assert_eq!(
            paper_summary(Lang::En, &election(), &Paper::default()),
            "blank paper"
        );
        let rejected = Paper {
            rejected: Some("identifying mark".into()),
            ..Paper::default()
        };
        assert_eq!(
            paper_summary(Lang::En, &election(), &rejected),
            "rejected: identifying mark"
        );
    }

    #[test]
    fn pages_run_from_the_newest() {
        assert_eq!(page_range(0, 0), 0..0);
        assert_eq!(page_range(5, 0), 0..5);
        assert_eq!(page_range(30, 0), 18..30);
        assert_eq!(page_range(30, 1), 6..18);
        assert_eq!(page_range(30, 2), 0..6);
        assert_eq!(page_count(0), 1);
        assert_eq!(page_count(24), 2);
        assert_eq!(page_count(25), 3);
    }
}
