//! One sentence above the page saying what to do next, derived from the meeting: a newcomer
//! follows it from an empty browser to the printed sheet without reading anything else.

use hallcount_core::{CollectedLimit, Election};
use yew::prelude::*;

use crate::hooks::use_lang;
use crate::hooks::use_meeting;
use crate::i18n::{tr, tr_args, Msg};
use crate::route::Route;

/// Where the meeting stands, as far as the next thing to do is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// No election defined: set one up, or open the sample.
    SetUp,
    /// Defined, no paper entered yet.
    Enter,
    /// Some papers entered, fewer than the papers handed out.
    KeepEntering { n_live: usize },
    /// As many papers entered as the reference of R2: check, lock and print.
    CheckResults,
    /// Results locked: print and send the signed result.
    PrintAndSend,
}

impl Step {
    pub fn of(election: Option<&Election>, n_live: usize, results_locked: bool) -> Step {
        let Some(election) = election else {
            return Step::SetUp;
        };
        let expected = match election.collected_limit {
            CollectedLimit::Issued => election.ballots_issued,
            CollectedLimit::Present => election.delegates.present,
        } as usize;
        match n_live {
            _ if results_locked => Step::PrintAndSend,
            0 => Step::Enter,
            n if n < expected => Step::KeepEntering { n_live: n },
            _ => Step::CheckResults,
        }
    }

    /// The step's name, for `data-step` (tests and styles).
    pub fn name(self) -> &'static str {
        match self {
            Step::SetUp => "SetUp",
            Step::Enter => "Enter",
            Step::KeepEntering { .. } => "KeepEntering",
            Step::CheckResults => "CheckResults",
            Step::PrintAndSend => "PrintAndSend",
        }
    }

    /// The page the sentence leads to. While papers are coming in the clerk is on the entry page
    /// already, and a box may hold fewer papers than were issued: the link then offers the
    /// results, which the clerk opens when the box is empty.
    pub fn leads_to(self) -> Route {
        match self {
            Step::SetUp => Route::Setup,
            Step::Enter => Route::Entry,
            Step::KeepEntering { .. } | Step::CheckResults | Step::PrintAndSend => Route::Results,
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct NextStepProps {
    /// The page shown now: no link is offered to the page one is already on.
    pub route: Route,
}

#[component]
pub fn NextStep(props: &NextStepProps) -> Html {
    let lang = use_lang();
    let meeting = use_meeting();
    let step = Step::of(
        meeting.election().as_deref(),
        meeting.n_live_papers(),
        meeting.results_locked(),
    );
    let sentence = match step {
        Step::SetUp => tr(lang, Msg::NextStepSetup).to_owned(),
        Step::Enter => tr(lang, Msg::NextStepEnter).to_owned(),
        Step::KeepEntering { n_live } => {
            tr_args(lang, Msg::NextStepContinue, &[("n", &n_live.to_string())])
        }
        Step::CheckResults => tr(lang, Msg::NextStepAllIn).to_owned(),
        Step::PrintAndSend => tr(lang, Msg::NextStepLocked).to_owned(),
    };
    let target = step.leads_to();
    html! {
        <aside class="next-step" aria-label={tr(lang, Msg::NextStepLabel)} data-step={step.name()}>
            <p>
                { sentence }
                if target != props.route {
                    { " " }
                    <a href={target.hash()}>{ tr_args(lang, Msg::NextStepGo, &[("page", tr(lang, target.label()))]) }</a>
                }
            </p>
        </aside>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::sample_congress;

    #[test]
    fn follows_the_meeting_from_nothing_to_the_locked_result() {
        let election = sample_congress();
        let issued = election.ballots_issued as usize;
        assert_eq!(Step::of(None, 0, false), Step::SetUp);
        assert_eq!(Step::of(Some(&election), 0, false), Step::Enter);
        assert_eq!(
            Step::of(Some(&election), 1, false),
            Step::KeepEntering { n_live: 1 }
        );
        assert_eq!(
            Step::of(Some(&election), issued - 1, false),
            Step::KeepEntering { n_live: issued - 1 }
        );
        assert_eq!(Step::of(Some(&election), issued, false), Step::CheckResults);
        assert_eq!(
            Step::of(Some(&election), issued + 1, false),
            Step::CheckResults
        );
        assert_eq!(Step::of(Some(&election), issued, true), Step::PrintAndSend);
    }

    #[test]
    fn counts_against_the_delegates_present_where_the_body_reconciles_so() {
        let mut election = sample_congress();
        election.collected_limit = CollectedLimit::Present;
        election.ballots_issued = 100;
        let present = election.delegates.present as usize;
        assert_eq!(
            Step::of(Some(&election), present, false),
            Step::CheckResults
        );
    }

    #[test]
    fn each_step_leads_to_a_page_of_the_navigation() {
        for step in [
            Step::SetUp,
            Step::Enter,
            Step::KeepEntering { n_live: 3 },
            Step::CheckResults,
            Step::PrintAndSend,
        ] {
            assert!(Route::NAV.contains(&step.leads_to()), "{step:?}");
        }
    }
}
