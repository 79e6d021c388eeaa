//! End-to-end tests: the built `dist/hallcount.html`, opened from `file://` in headless Chromium.
//!
//! One test binary for all of them (one link, shared harness). Add a module per area below.
//! They need the built file: `cargo xtask test` builds it first (a plain `cargo test` without
//! it fails with a message saying so). Screenshots land in `target/screenshots/`.
#![cfg(not(target_arch = "wasm32"))]

mod cli;
mod harness;

mod backup;
mod ballot_papers;
mod benchmark;
mod deliberate;
mod double_entry;
mod fit;
mod hostile_names;
mod meeting;
mod pdf;
mod problems;
mod rounds;
mod save;
mod save_exports;
mod sealed_key;
mod seed;
mod sheet_pages;
mod signed;
mod start;
mod storage;
mod tabs;
mod tools;
mod town_page;
mod trust;
mod unsupported;
