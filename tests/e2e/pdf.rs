//! Printing to PDF as the browser's print dialog would, and reading the PDF back with poppler's
//! `pdfinfo` and `pdftotext` (Debian: `poppler-utils`).

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::json;

use fantoccini::wd::{PrintConfiguration, PrintSize};

use crate::harness::{screenshot_dir, Browser, Engine};

/// The page printed with its own `@page` sizes, saved as `target/screenshots/<name>.pdf`.
/// Firefox has no DevTools here: the WebDriver "Print Page" command, on A4.
pub async fn print_to_pdf(browser: &Browser, name: &str) -> PathBuf {
    let pdf = match browser.engine() {
        Engine::Chromium => {
            let printed = browser
                .cdp(
                    "Page.printToPDF",
                    json!({ "preferCSSPageSize": true, "printBackground": true }),
                )
                .await;
            base64_decode(printed["data"].as_str().expect("PDF data"))
        }
        Engine::Firefox => {
            let a4 = PrintConfiguration::builder()
                .size(PrintSize::A4)
                .background(true)
                .shrink_to_fit(false)
                .build()
                .expect("an A4 print configuration");
            browser.client().print(a4).await.expect("print the page")
        }
    };
    assert!(pdf.starts_with(b"%PDF"), "printing gave no PDF");
    let dir = screenshot_dir();
    std::fs::create_dir_all(&dir).expect("create target/screenshots");
    let path = dir.join(format!("{name}.pdf"));
    std::fs::write(&path, pdf).expect("save the PDF");
    path
}

fn poppler(tool: &str, args: &[&str], pdf: &Path) -> String {
    let output = Command::new(tool)
        .args(args)
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap_or_else(|error| {
            panic!("cannot run {tool} ({error}): install poppler-utils (apt-get install -y poppler-utils)")
        });
    assert!(
        output.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The text of each page, in order.
pub fn page_texts(pdf: &Path) -> Vec<String> {
    let text = poppler("pdftotext", &["-layout", "-enc", "UTF-8"], pdf);
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_owned).collect();
    // pdftotext ends the last page with a form feed too.
    if pages.last().is_some_and(|page| page.trim().is_empty()) {
        pages.pop();
    }
    pages
}

/// The number of pages and the first page's size in millimetres (rounded).
pub fn pages_and_size(pdf: &Path) -> (usize, (u32, u32)) {
    let output = Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .unwrap_or_else(|error| {
            panic!("cannot run pdfinfo ({error}): install poppler-utils (apt-get install -y poppler-utils)")
        });
    let info = String::from_utf8_lossy(&output.stdout);
    let field = |name: &str| {
        info.lines()
            .find_map(|line| line.strip_prefix(name))
            .map(str::trim)
            .unwrap_or_else(|| panic!("pdfinfo printed no {name}:\n{info}"))
            .to_owned()
    };
    let pages = field("Pages:").parse().expect("a page count");
    // "Page size:      595.92 x 842.88 pts (A4)"
    let size = field("Page size:");
    let mut numbers = size
        .split_whitespace()
        .filter_map(|w| w.parse::<f64>().ok());
    let (w, h) = (
        numbers.next().expect("a width"),
        numbers.next().expect("a height"),
    );
    let mm = |points: f64| (points * 25.4 / 72.0).round() as u32;
    (pages, (mm(w), mm(h)))
}

fn base64_decode(text: &str) -> Vec<u8> {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut buffer, mut bits) = (0_u32, 0);
    for byte in text.bytes().filter(|b| *b != b'=') {
        let value = ALPHABET
            .iter()
            .position(|c| *c == byte)
            .expect("base64 text") as u32;
        buffer = (buffer << 6) | value;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
        }
    }
    out
}
