//! `cargo xtask dist`: the app as ONE offline HTML file, `dist/hallcount.html`.
//!
//! release wasm build -> wasm-bindgen (as a library) -> wasm-opt -Oz (npm's binaryen)
//! -> gzip + base64 -> `index.html` with every `styles/*.css`, the JS glue and the wasm inlined.
//! The page's Content-Security-Policy (in `index.html`) forbids every fetch, so the file works,
//! and can only work, from `file://` with the network off.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use base64::Engine;
use flate2::write::GzEncoder;
use flate2::Compression;
use wasm_bindgen_cli_support::Bindgen;

use crate::workspace::{self, kilobytes, TaskResult};

const WASM_TARGET: &str = "wasm32-unknown-unknown";
const APP_BIN: &str = "hallcount-app";
const OUTPUT_NAME: &str = "hallcount";
const STYLES_MARKER: &str = "<!--hallcount:styles-->";
const APP_MARKER: &str = "<!--hallcount:app-->";
/// The most the single file may weigh, uncompressed (issue 2).
const BUDGET_BYTES: usize = 600_000;

/// Build `dist/hallcount.html` and return its path.
pub fn build() -> TaskResult<PathBuf> {
    let wasm = build_wasm()?;
    let work = workspace::target_dir().join("dist-work");
    let (glue, bindgen_wasm) = bindgen(&wasm, &work)?;
    let optimised = optimise(&bindgen_wasm, &work)?;
    let wasm = fs::read(&optimised)?;
    println!(
        "xtask: wasm {} after wasm-bindgen, {} optimised, {} gzip; JS glue {}",
        kilobytes(fs::metadata(&bindgen_wasm)?.len() as usize),
        kilobytes(wasm.len()),
        kilobytes(gzip(&wasm)?.len()),
        kilobytes(glue.len())
    );
    let html = assemble(&glue, &wasm)?;

    let dist = workspace::dist_dir();
    fs::create_dir_all(&dist)?;
    let path = dist.join(format!("{OUTPUT_NAME}.html"));
    fs::write(&path, &html)?;
    let gzip = gzip(html.as_bytes())?.len();
    println!(
        "xtask: wrote {}: {} raw, {} gzip (budget {} raw)",
        path.display(),
        kilobytes(html.len()),
        kilobytes(gzip),
        kilobytes(BUDGET_BYTES)
    );
    if html.len() > BUDGET_BYTES {
        return Err(format!("{} is over its size budget of {}", path.display(), kilobytes(BUDGET_BYTES)).into());
    }
    Ok(path)
}

fn build_wasm() -> TaskResult<PathBuf> {
    workspace::run(workspace::cargo().args([
        "build", "--release", "--target", WASM_TARGET, "--package", "hallcount", "--bin", APP_BIN,
    ]))?;
    Ok(workspace::target_dir().join(WASM_TARGET).join("release").join(format!("{APP_BIN}.wasm")))
}

/// wasm-bindgen's `--target web` output: the JS glue text and the path of the wasm it goes with.
fn bindgen(wasm: &Path, work: &Path) -> TaskResult<(String, PathBuf)> {
    if work.exists() {
        fs::remove_dir_all(work)?;
    }
    Bindgen::new()
        .input_path(wasm)
        .out_name(OUTPUT_NAME)
        .web(true)?
        .typescript(false)
        .generate(work)
        .map_err(|error| format!("wasm-bindgen: {error:#}"))?;
    if work.join("snippets").exists() {
        // Inline JS snippets would be extra modules to fetch; nothing may be fetched.
        return Err("wasm-bindgen wrote JS snippets, which one offline file cannot import".into());
    }
    let glue = fs::read_to_string(work.join(format!("{OUTPUT_NAME}.js")))?;
    Ok((glue, work.join(format!("{OUTPUT_NAME}_bg.wasm"))))
}

/// `wasm-opt -Oz`, or the wasm as it is (with a note) where npm is missing.
fn optimise(wasm: &Path, work: &Path) -> TaskResult<PathBuf> {
    let Some(wasm_opt) = wasm_opt()? else {
        eprintln!("xtask: note: npm not found, so wasm-opt is skipped and the file is larger; install npm to shrink it");
        return Ok(wasm.to_path_buf());
    };
    let optimised = work.join(format!("{OUTPUT_NAME}_opt.wasm"));
    // No `--all-features`: it turns on compact imports, which Chromium refuses. Without flags
    // wasm-opt takes the features the module declares.
    workspace::run(Command::new(&wasm_opt).arg("-Oz").arg(wasm).arg("-o").arg(&optimised))?;
    Ok(optimised)
}

/// The pinned wasm-opt from `package-lock.json`, installed with npm when missing.
fn wasm_opt() -> TaskResult<Option<PathBuf>> {
    let root = workspace::root();
    let wasm_opt = root.join("node_modules").join(".bin").join("wasm-opt");
    if wasm_opt.exists() {
        return Ok(Some(wasm_opt));
    }
    if !workspace::is_available("npm") {
        return Ok(None);
    }
    workspace::run(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(&root))?;
    if !wasm_opt.exists() {
        return Err(format!("npm ci did not install {}", wasm_opt.display()).into());
    }
    Ok(Some(wasm_opt))
}

/// Fill the `index.html` template: styles in a `<style>`, glue and wasm in a module script.
fn assemble(glue: &str, wasm: &[u8]) -> TaskResult<String> {
    let root = workspace::root();
    let template = fs::read_to_string(root.join("index.html"))?;
    let styles = read_styles(&root.join("styles"))?;
    let wasm_base64 = base64::engine::general_purpose::STANDARD.encode(gzip(wasm)?);
    forbid_closing_tag(&styles, "</style", "styles/*.css")?;
    forbid_closing_tag(glue, "</script", "the wasm-bindgen glue")?;
    let app = format!(
        "<script type=\"module\">\n{glue}\n\
         try {{\n\
         \x20 const packed = Uint8Array.from(atob(\"{wasm_base64}\"), (c) => c.charCodeAt(0));\n\
         \x20 const unpacked = new Blob([packed]).stream().pipeThrough(new DecompressionStream(\"gzip\"));\n\
         \x20 await __wbg_init({{ module_or_path: await new Response(unpacked).arrayBuffer() }});\n\
         }} catch (error) {{\n\
         \x20 console.error(\"hallcount could not start:\", error);\n\
         }}\n</script>"
    );
    let html = replace_marker(&template, STYLES_MARKER, &format!("<style>\n{styles}</style>"))?;
    replace_marker(&html, APP_MARKER, &app)
}

/// Every `styles/*.css`, in file-name order, so each component's sheet lands in a fixed place.
fn read_styles(dir: &Path) -> TaskResult<String> {
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)?
        .map(|entry| entry.map(|entry| entry.path()))
        .collect::<Result<_, _>>()?;
    paths.retain(|path| path.extension().is_some_and(|ext| ext == "css"));
    paths.sort();
    let mut styles = String::new();
    for path in paths {
        let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
        styles.push_str(&format!("/* {name} */\n{}\n", fs::read_to_string(&path)?));
    }
    Ok(styles)
}

fn forbid_closing_tag(text: &str, tag: &str, what: &str) -> TaskResult {
    if text.to_ascii_lowercase().contains(tag) {
        return Err(format!("{what} contains `{tag}`, which would end the inline element early").into());
    }
    Ok(())
}

fn replace_marker(template: &str, marker: &str, content: &str) -> TaskResult<String> {
    if template.matches(marker).count() != 1 {
        return Err(format!("index.html must contain `{marker}` exactly once").into());
    }
    Ok(template.replacen(marker, content, 1))
}

pub fn gzip(bytes: &[u8]) -> TaskResult<Vec<u8>> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?)
}
