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

/// Mount the app on the page's body.
pub fn start() {
    yew::Renderer::<app::App>::new().render();
}
