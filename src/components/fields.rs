//! Form fields of the set-up screen, each with its label and the problems found at its place
//! (matched by the JSON path `check_election` gives, e.g. `contests[0].seats`).

use std::rc::Rc;
use std::str::FromStr;

use hallcount_core::{Base, Comparison, Fraction, Problem, Threshold};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::hooks::use_lang;
use crate::i18n::describe;
use crate::i18n::{tr, Msg};

/// Problems exactly at `path`, shown under a field.
#[derive(Properties, PartialEq)]
pub struct FieldProblemsProps {
    pub problems: Rc<Vec<Problem>>,
    pub path: AttrValue,
}

#[component]
pub fn FieldProblems(props: &FieldProblemsProps) -> Html {
    let lang = use_lang();
    html! {
        for problem in props.problems.iter().filter(|p| p.path == *props.path) {
            <p class="field-problem" role="alert" data-path={props.path.clone()}>
                { describe::problem(lang, problem) }
            </p>
        }
    }
}

fn input_value(event: &InputEvent) -> String {
    event.target_unchecked_into::<HtmlInputElement>().value()
}

#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    pub label: Msg,
    pub value: AttrValue,
    pub on_change: Callback<String>,
    pub problems: Rc<Vec<Problem>>,
    pub path: AttrValue,
    #[prop_or_default]
    pub disabled: bool,
    /// `text` unless told (`date`).
    #[prop_or(AttrValue::Static("text"))]
    pub kind: AttrValue,
}

#[component]
pub fn TextField(props: &TextFieldProps) -> Html {
    let lang = use_lang();
    let oninput = props
        .on_change
        .reform(|event: InputEvent| input_value(&event));
    let invalid = props.problems.iter().any(|p| p.path == *props.path);
    html! {
        <label class={classes!("field", invalid.then_some("invalid"))}>
            <span class="field-label">{ tr(lang, props.label) }</span>
            <input type={props.kind.clone()} value={props.value.clone()} {oninput} disabled={props.disabled}
                name={props.path.clone()} aria-invalid={invalid.to_string()} />
            <FieldProblems problems={props.problems.clone()} path={props.path.clone()} />
        </label>
    }
}

#[derive(Properties, PartialEq)]
pub struct NumberFieldProps {
    pub label: Msg,
    pub value: u32,
    pub on_change: Callback<u32>,
    pub problems: Rc<Vec<Problem>>,
    pub path: AttrValue,
    #[prop_or_default]
    pub disabled: bool,
}

/// A whole number; what is not one reads as 0, which the checks then name.
#[component]
pub fn NumberField(props: &NumberFieldProps) -> Html {
    let lang = use_lang();
    let oninput = props
        .on_change
        .reform(|event: InputEvent| input_value(&event).trim().parse().unwrap_or(0));
    let invalid = props.problems.iter().any(|p| p.path == *props.path);
    html! {
        <label class={classes!("field", "field-number", invalid.then_some("invalid"))}>
            <span class="field-label">{ tr(lang, props.label) }</span>
            <input type="number" min="0" step="1" inputmode="numeric" value={props.value.to_string()} {oninput}
                disabled={props.disabled} name={props.path.clone()} aria-invalid={invalid.to_string()} />
            <FieldProblems problems={props.problems.clone()} path={props.path.clone()} />
        </label>
    }
}

#[derive(Properties, PartialEq)]
pub struct CheckFieldProps {
    pub label: Msg,
    pub checked: bool,
    pub on_change: Callback<bool>,
    #[prop_or_default]
    pub disabled: bool,
}

#[component]
pub fn CheckField(props: &CheckFieldProps) -> Html {
    let lang = use_lang();
    let onchange = props
        .on_change
        .reform(|event: Event| event.target_unchecked_into::<HtmlInputElement>().checked());
    html! {
        <label class="field field-check">
            <input type="checkbox" checked={props.checked} {onchange} disabled={props.disabled} />
            <span class="field-label">{ tr(lang, props.label) }</span>
        </label>
    }
}

#[derive(Properties, PartialEq)]
pub struct SelectFieldProps {
    pub label: Msg,
    /// Value and label of each option.
    pub options: Vec<(&'static str, Msg)>,
    pub value: &'static str,
    pub on_change: Callback<String>,
    #[prop_or_default]
    pub disabled: bool,
}

#[component]
pub fn SelectField(props: &SelectFieldProps) -> Html {
    let lang = use_lang();
    let onchange = props
        .on_change
        .reform(|event: Event| event.target_unchecked_into::<HtmlSelectElement>().value());
    html! {
        <label class="field field-select">
            <span class="field-label">{ tr(lang, props.label) }</span>
            <select {onchange} disabled={props.disabled}>
                for (value, key) in props.options.iter().copied() {
                    <option {value} selected={value == props.value}>{ tr(lang, key) }</option>
                }
            </select>
        </label>
    }
}

#[derive(Properties, PartialEq)]
pub struct FractionFieldProps {
    pub value: Fraction,
    pub on_change: Callback<Fraction>,
    #[prop_or_default]
    pub disabled: bool,
}

/// `p/q` as typed; a value that is not a fraction stays on screen with its problem and is not
/// passed on until it is one.
#[component]
pub fn FractionField(props: &FractionFieldProps) -> Html {
    let lang = use_lang();
    let text = use_state(|| props.value.to_string());
    let error = use_state(|| false);
    {
        // A new value from outside (an import, the sample) replaces what was typed.
        let (text, error) = (text.clone(), error.clone());
        use_effect_with(props.value, move |value| {
            if Fraction::from_str(&text).ok() != Some(*value) {
                text.set(value.to_string());
                error.set(false);
            }
        });
    }
    let oninput = {
        let (text, error, on_change) = (text.clone(), error.clone(), props.on_change.clone());
        Callback::from(move |event: InputEvent| {
            let typed = input_value(&event);
            match Fraction::from_str(typed.trim()) {
                Ok(fraction) => {
                    error.set(false);
                    on_change.emit(fraction);
                }
                Err(_) => error.set(true),
            }
            text.set(typed);
        })
    };
    html! {
        <span class={classes!("fraction", error.then_some("invalid"))}>
            <input type="text" size="5" inputmode="numeric" value={(*text).clone()} {oninput}
                disabled={props.disabled} aria-label={tr(lang, Msg::FieldFraction)} aria-invalid={error.to_string()} />
            if *error {
                <span class="field-problem" role="alert">{ tr(lang, Msg::ProblemFraction) }</span>
            }
        </span>
    }
}

const BASES: [(&str, Base, Msg); 6] = [
    ("ballots_cast", Base::BallotsCast, Msg::BaseBallotsCast),
    ("present", Base::Present, Msg::BasePresent),
    ("entitled", Base::Entitled, Msg::BaseEntitled),
    ("valid", Base::Valid, Msg::BaseValid),
    ("cast_non_blank", Base::CastNonBlank, Msg::BaseCastNonBlank),
    ("none", Base::None, Msg::BasePlurality),
];

#[derive(Properties, PartialEq)]
pub struct ThresholdFieldProps {
    pub label: Msg,
    pub value: Threshold,
    pub on_change: Callback<Threshold>,
    /// A floor needs a fraction: plurality is not offered.
    #[prop_or_default]
    pub no_plurality: bool,
    pub problems: Rc<Vec<Problem>>,
    pub path: AttrValue,
    #[prop_or_default]
    pub disabled: bool,
}

/// R6: "more than / at least p/q of <base>", or plurality.
#[component]
pub fn ThresholdField(props: &ThresholdFieldProps) -> Html {
    let lang = use_lang();
    let value = props.value;
    let fraction = match value.comparison {
        Some(Comparison::MoreThan(f) | Comparison::AtLeast(f)) => f,
        None => Fraction::HALF,
    };
    let at_least = matches!(value.comparison, Some(Comparison::AtLeast(_)));
    let compare = move |at_least: bool, f: Fraction| {
        if at_least {
            Comparison::AtLeast(f)
        } else {
            Comparison::MoreThan(f)
        }
    };
    let on_base = {
        let on_change = props.on_change.clone();
        Callback::from(move |event: Event| {
            let chosen = event.target_unchecked_into::<HtmlSelectElement>().value();
            let Some((_, of, _)) = BASES.iter().find(|(name, ..)| *name == chosen) else {
                return;
            };
            let comparison = (*of != Base::None).then(|| compare(at_least, fraction));
            on_change.emit(Threshold {
                of: *of,
                comparison,
            });
        })
    };
    let on_rule = {
        let on_change = props.on_change.clone();
        Callback::from(move |event: Event| {
            let at_least = event.target_unchecked_into::<HtmlSelectElement>().value() == "at_least";
            on_change.emit(Threshold {
                of: value.of,
                comparison: Some(compare(at_least, fraction)),
            });
        })
    };
    let on_fraction = {
        let on_change = props.on_change.clone();
        Callback::from(move |f: Fraction| {
            on_change.emit(Threshold {
                of: value.of,
                comparison: Some(compare(at_least, f)),
            })
        })
    };
    let invalid = props.problems.iter().any(|p| p.path == *props.path);
    html! {
        <fieldset class={classes!("field", "field-threshold", invalid.then_some("invalid"))} disabled={props.disabled}>
            <legend>{ tr(lang, props.label) }</legend>
            if value.of != Base::None {
                <select onchange={on_rule} aria-label={tr(lang, Msg::FieldComparison)}>
                    <option value="more_than" selected={!at_least}>{ tr(lang, Msg::ComparisonMoreThan) }</option>
                    <option value="at_least" selected={at_least}>{ tr(lang, Msg::ComparisonAtLeast) }</option>
                </select>
                <FractionField value={fraction} on_change={on_fraction} disabled={props.disabled} />
                <span>{ tr(lang, Msg::ThresholdOf) }</span>
            }
            <select onchange={on_base} aria-label={tr(lang, Msg::FieldBase)}>
                for (name, base, key) in BASES.iter().copied().filter(|(_, b, _)| !(props.no_plurality && *b == Base::None)) {
                    <option value={name} selected={base == value.of}>{ tr(lang, key) }</option>
                }
            </select>
            <FieldProblems problems={props.problems.clone()} path={props.path.clone()} />
        </fieldset>
    }
}
