//! The hallcount app: a thin Yew shell over `hallcount-core`.
//! A library so that in-browser tests (wasm-bindgen-test) can mount its components.

pub mod app;
pub mod i18n;
pub mod pages;
pub mod route;

/// Mount the app on the page's body.
pub fn start() {
    yew::Renderer::<app::App>::new().render();
}
