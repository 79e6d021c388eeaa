//! A key's passphrase typed for one action: one field (the passphrase of a sealed key) or two
//! (a new passphrase and its repetition), and the action buttons. The fields are emptied as soon
//! as an action takes them: the passphrase lives only as long as the action that uses it.

use yew::prelude::*;
use zeroize::Zeroizing;

use crate::hooks::use_lang;
use crate::i18n::{tr, Msg};
use crate::services::signing_key::Passphrase;

#[derive(Properties, PartialEq)]
pub struct PassphraseFormProps {
    /// The form's class, which tests and styles find it by.
    pub class: AttrValue,
    /// The label of the (first) field.
    pub prompt: Msg,
    /// A new passphrase: asked twice.
    #[prop_or_default]
    pub confirm: bool,
    /// The buttons, each its words and class; the first is also Enter's.
    pub actions: Vec<(Msg, AttrValue)>,
    /// An action is running: the buttons wait.
    #[prop_or_default]
    pub busy: bool,
    /// Which action (index into `actions`) and the passphrase typed.
    pub on_submit: Callback<(usize, Passphrase)>,
}

#[component]
pub fn PassphraseForm(props: &PassphraseFormProps) -> Html {
    let lang = use_lang();
    let first = use_node_ref();
    let again = use_node_ref();
    let take = {
        let (first, again) = (first.clone(), again.clone());
        let on_submit = props.on_submit.clone();
        let confirm = props.confirm;
        move |action: usize| {
            let read = |field: &NodeRef| {
                let input = field.cast::<web_sys::HtmlInputElement>()?;
                let value = Zeroizing::new(input.value());
                input.set_value("");
                Some(value)
            };
            let passphrase = Passphrase {
                first: read(&first).unwrap_or_default(),
                again: if confirm {
                    Some(read(&again).unwrap_or_default())
                } else {
                    None
                },
            };
            on_submit.emit((action, passphrase));
        }
    };
    let onsubmit = {
        let take = take.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            take(0);
        })
    };
    let autocomplete = if props.confirm {
        "new-password"
    } else {
        "current-password"
    };
    html! {
        <form class={format!("passphrase-form {}", props.class)} {onsubmit}>
            <label>
                <span>{ tr(lang, props.prompt) }</span>
                <input type="password" class="passphrase" ref={first} {autocomplete} />
            </label>
            if props.confirm {
                <label>
                    <span>{ tr(lang, Msg::KeyNewPassphraseAgain) }</span>
                    <input type="password" class="passphrase-again" ref={again} {autocomplete} />
                </label>
            }
            <div class="signed-actions">
                { for props.actions.iter().enumerate().map(|(i, (words, class))| {
                    if i == 0 {
                        html! { <button type="submit" class={format!("primary {class}")} disabled={props.busy}>{ tr(lang, *words) }</button> }
                    } else {
                        let take = take.clone();
                        let onclick = Callback::from(move |_| take(i));
                        html! { <button type="button" class={class.to_string()} {onclick} disabled={props.busy}>{ tr(lang, *words) }</button> }
                    }
                }) }
            </div>
        </form>
    }
}
