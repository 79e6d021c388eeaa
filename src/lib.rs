//! The hallcount app: a thin Yew shell over `hallcount-core`.
//! A library so that in-browser tests (wasm-bindgen-test) can mount its components.

pub mod app;
pub mod components;
pub mod hooks;
pub mod i18n;
pub mod pages;
pub mod panels;
pub mod route;
pub mod sample;
pub mod services;
pub mod state;

/// The static message `index.html` shows when the app cannot run; gone once it does.
pub const UNSUPPORTED_MESSAGE_ID: &str = "hallcount-unsupported";

/// Mount the app on the page's body, and take away the "this browser cannot run" message.
pub fn start() {
    services::mark("hallcount:started");
    if let Some(message) = gloo::utils::document().get_element_by_id(UNSUPPORTED_MESSAGE_ID) {
        message.remove();
    }
    yew::Renderer::<app::App>::new().render();
}
