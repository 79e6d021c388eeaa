//! Form fields of the set-up screen, each with its label and the problems found at its place
//! (matched by the JSON path `check_election` gives, e.g. `contests[0].seats`).
//!
//! Functions returning `Html`, but for `FractionField`, which keeps what is typed: each
//! component costs the wasm its own copy of Yew's lifecycle, and the page has a size budget.

use std::str::FromStr;

use hallcount_core::{Base, Comparison, Fraction, Problem, Threshold};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::hooks::use_lang;
use crate::i18n::describe;
use crate::i18n::{tr, Lang, Msg};

/// Where a field's value goes in the definition (its JSON path, as `check_election` names it,
/// e.g. `contests[0].seats`), and every problem found in the definition.
pub struct At<'a> {
    pub problems: &'a [Problem],
    pub path: AttrValue,
}

impl At<'_> {
    pub fn invalid(&self) -> bool {
        self.problems.iter().any(|p| p.path == *self.path)
    }
}

/// Problems exactly at `at.path`, shown under a field.
pub fn field_problems(lang: Lang, at: &At<'_>) -> Html {
    html! {
        for problem in at.problems.iter().filter(|p| p.path == *at.path) {
            <p class="field-problem" role="alert" data-path={at.path.clone()}>
                { describe::problem(lang, problem) }
            </p>
        }
    }
}

fn input_value(event: &InputEvent) -> String {
    event.target_unchecked_into::<HtmlInputElement>().value()
}

/// A field's label around its input, then the problems at its place.
fn labelled(lang: Lang, label: Msg, class: &'static str, at: &At<'_>, input: Html) -> Html {
    html! {
        <label {class}>
            <span class="field-label">{ tr(lang, label) }</span>
            { input }
            { field_problems(lang, at) }
        </label>
    }
}

/// A line of text (`kind` is `text` or `date`).
pub struct TextField<'a> {
    pub label: Msg,
    pub value: String,
    pub kind: &'static str,
    pub on_change: Callback<String>,
    pub at: At<'a>,
    pub disabled: bool,
}

pub fn text_field(lang: Lang, field: TextField<'_>) -> Html {
    let oninput = field
        .on_change
        .reform(|event: InputEvent| input_value(&event));
    let invalid = field.at.invalid();
    let input = html! {
        <input type={field.kind} value={field.value} {oninput} disabled={field.disabled}
            name={field.at.path.clone()} aria-invalid={invalid.to_string()} />
    };
    let class = if invalid { "field invalid" } else { "field" };
    labelled(lang, field.label, class, &field.at, input)
}

/// A whole number; what is not one reads as 0, which the checks then name.
pub struct NumberField<'a> {
    pub label: Msg,
    pub value: u32,
    pub on_change: Callback<u32>,
    pub at: At<'a>,
    pub disabled: bool,
}

pub fn number_field(lang: Lang, field: NumberField<'_>) -> Html {
    let oninput = field
        .on_change
        .reform(|event: InputEvent| input_value(&event).trim().parse().unwrap_or(0));
    let invalid = field.at.invalid();
    let input = html! {
        <input type="number" min="0" step="1" inputmode="numeric" value={field.value.to_string()} {oninput}
            disabled={field.disabled} name={field.at.path.clone()} aria-invalid={invalid.to_string()} />
    };
    let class = if invalid {
        "field field-number invalid"
    } else {
        "field field-number"
    };
    labelled(lang, field.label, class, &field.at, input)
}

pub fn check_field(
    lang: Lang,
    label: Msg,
    checked: bool,
    on_change: Callback<bool>,
    disabled: bool,
) -> Html {
    let onchange = on_change
        .reform(|event: Event| event.target_unchecked_into::<HtmlInputElement>().checked());
    html! {
        <label class="field field-check">
            <input type="checkbox" {checked} {onchange} {disabled} />
            <span class="field-label">{ tr(lang, label) }</span>
        </label>
    }
}

/// A choice among `options`, each a value and its label.
pub struct SelectField<'a> {
    pub label: Msg,
    pub options: &'a [(&'static str, Msg)],
    pub value: &'static str,
    pub on_change: Callback<String>,
    pub disabled: bool,
}

pub fn select_field(lang: Lang, field: SelectField<'_>) -> Html {
    let onchange = field
        .on_change
        .reform(|event: Event| event.target_unchecked_into::<HtmlSelectElement>().value());
    html! {
        <label class="field field-select">
            <span class="field-label">{ tr(lang, field.label) }</span>
            <select {onchange} disabled={field.disabled}>
                for (value, key) in field.options.iter().copied() {
                    <option {value} selected={value == field.value}>{ tr(lang, key) }</option>
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
        <span class={if *error { "fraction invalid" } else { "fraction" }}>
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

pub struct ThresholdField<'a> {
    pub label: Msg,
    pub value: Threshold,
    pub on_change: Callback<Threshold>,
    /// A floor needs a fraction: plurality is not offered.
    pub no_plurality: bool,
    pub at: At<'a>,
    pub disabled: bool,
}

/// R6: "more than / at least p/q of <base>", or plurality.
pub fn threshold_field(lang: Lang, props: ThresholdField<'_>) -> Html {
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
    let class = if props.at.invalid() {
        "field field-threshold invalid"
    } else {
        "field field-threshold"
    };
    html! {
        <fieldset {class} disabled={props.disabled}>
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
            { field_problems(lang, &props.at) }
        </fieldset>
    }
}
