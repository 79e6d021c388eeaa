//! `cargo xtask dist`: the app as ONE offline HTML file, `dist/hallcount.html`.
//!
//! wasm build (`--profile wasm-release`: opt-level z, LTO, one codegen unit; the standard library
//! rebuilt with panic=immediate-abort)
//! -> wasm-bindgen (as a library; imports and exports renamed short in the wasm and the glue,
//! `names.rs`; the 10 biggest items printed, by twiggy) -> wasm-opt -Oz --reorder-functions
//! (npm's binaryen)
//! -> the styles, the JS glue with its starter (minified by terser, `script.rs`) and the wasm
//! packed together by LZMA (`lzma.rs`)
//! -> `index.html` with the "cannot run" sheet as text, and two data scripts (not run; their
//! windows-1252 text is the bytes, `latin1.rs`): the packed app and the LZMA decoder's wasm
//! (`crates/hallcount-unpack`, gzipped). The page gunzips the decoder with the browser's
//! `DecompressionStream` (Chromium 80, Firefox 113, Safari 16.4), unpacks the rest with it,
//! adds the styles and starts the glue.
//! The page's Content-Security-Policy (in `index.html`) forbids every fetch, so the file works,
//! and can only work, from `file://` with the network off.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use wasm_bindgen_cli_support::Bindgen;

use crate::latin1;
use crate::needs::{self, WASM_TARGET};
use crate::workspace::{self, kilobytes, TaskResult};

mod lzma;
mod names;
mod page;
mod script;

use page::{assemble, gzip};

const APP_BIN: &str = "hallcount-app";
/// The crate of the page's LZMA decoder, the first wasm the page runs.
const UNPACK_PACKAGE: &str = "hallcount-unpack";
/// The app's own profile in the root `Cargo.toml`: built for size. Native release builds (the
/// CLI, the benches) keep opt-level 3.
const WASM_PROFILE: &str = "wasm-release";
/// How many of the wasm's biggest items `dist` prints.
const SIZE_TOP: usize = 10;
/// Custom sections no browser reads: who built the wasm, and the features it was built with.
const STRIP_SECTIONS: [&str; 2] = ["--strip-producers", "--strip-target-features"];
/// The wasm: panics trap without a message (see `cargo_build_wasm`).
const WASM_RUSTFLAGS: [&str; 2] = ["-Zunstable-options", "-Cpanic=immediate-abort"];
const OUTPUT_NAME: &str = "hallcount";
/// The most the single file may weigh, uncompressed (issue 2); over it, the build fails.
/// 600 KB until issue 9 sealed the app's key: Argon2id, Blake2b, XChaCha20-Poly1305 and the
/// key@2 reader and forms cost about 20 KB (main at ~580 KB went to 601.6 KB), so 610 KB; the
/// two checks of issue 11 (second entry, blackboard: a page, forms, ~40 messages) about 14 KB
/// more, so 625 KB. Issue 12 (goal 360 KB, budget 400 KB) lowers it step by step as bytes are
/// cut: 570 KB once the styles and the glue went into the gzip stream (622 -> 565 KB), 560 KB
/// without `serde_path_to_error` (555 KB), 545 KB with the stored log read by the same strict
/// reader as files (one copy of each shape's reader: 539 KB), 510 KB with the standard library
/// rebuilt to trap on a panic (508 KB), 488 KB with one serializer of each type (files written
/// compact and laid out pretty by re-indenting, a payload's canonical bytes read back from that
/// text) and one compiled sort (`order`) in the page (486 KB), 398 KB with the bundle packed by
/// LZMA instead of gzip (486 -> 395.9 KB), 360 KB (the goal) with ryu-js's small tables,
/// the wasm's code split into streams, the packed bytes as raw script text and the most called
/// functions first (356.4 KB); 335 KB once the strict reader, the UI components, the message
/// texts and the page's scripts were made smaller too (327.4 KB): the goal kept with room for a
/// feature or two.
const BUDGET_BYTES: usize = 335_000;

/// Build `dist/hallcount.html` and return its path.
pub fn build() -> TaskResult<PathBuf> {
    needs::wasm_target()?;
    let wasm = build_wasm()?;
    let work = workspace::target_dir().join("dist-work");
    let (glue, bindgen_wasm) = bindgen(&wasm, &work)?;
    print_size_top(&fs::read(&bindgen_wasm)?)?;
    let optimised = optimise(
        &bindgen_wasm,
        // The most called functions first: their indices take fewer bytes (1.8 KB packed).
        &[
            "-Oz",
            "--reorder-functions",
            STRIP_SECTIONS[0],
            STRIP_SECTIONS[1],
        ],
        &work.join(format!("{OUTPUT_NAME}_opt.wasm")),
    )?;
    let wasm = fs::read(&optimised)?;
    println!(
        "xtask: wasm {} after wasm-bindgen, {} optimised; JS glue {}",
        kilobytes(fs::metadata(&bindgen_wasm)?.len() as usize),
        kilobytes(wasm.len()),
        kilobytes(glue.len())
    );
    let unpacker = build_unpacker(&work)?;
    let minifier = script::Minifier {
        terser: npm_tool("terser")?,
        work: work.clone(),
    };
    let script = script::app_script(&glue, &minifier)?;
    println!(
        "xtask: the app's module script (glue and starter) {}",
        kilobytes(script.len())
    );
    let html = assemble(&script, &wasm, &unpacker, &minifier)?;

    let dist = workspace::dist_dir();
    fs::create_dir_all(&dist)?;
    let path = dist.join(format!("{OUTPUT_NAME}.html"));
    let html = latin1::to_windows_1252(&html)?;
    fs::write(&path, &html)?;
    let gzip = gzip(&html)?.len();
    println!(
        "xtask: wrote {}: {} raw, {} gzip (budget {} raw)",
        path.display(),
        kilobytes(html.len()),
        kilobytes(gzip),
        kilobytes(BUDGET_BYTES)
    );
    if html.len() > BUDGET_BYTES {
        return Err(format!(
            "{} is {} over its size budget of {} (issue 2)",
            path.display(),
            kilobytes(html.len() - BUDGET_BYTES),
            kilobytes(BUDGET_BYTES)
        )
        .into());
    }
    Ok(path)
}

/// The page's LZMA decoder (`crates/hallcount-unpack`) as wasm, built for speed (its profile
/// override in the root `Cargo.toml`) with `core` rebuilt like the app's standard library, so
/// that its bounds checks trap without their messages (6.0 -> 5.2 KB gzip), then
/// `wasm-opt -O3` without its names where npm is there.
fn build_unpacker(work: &Path) -> TaskResult<Vec<u8>> {
    cargo_build_wasm(UNPACK_PACKAGE, &["--lib"], "core")?;
    let built = built_wasm(&UNPACK_PACKAGE.replace('-', "_"));
    let optimised = optimise(
        &built,
        &["-O3", "--strip-debug", STRIP_SECTIONS[0], STRIP_SECTIONS[1]],
        &work.join("unpack_opt.wasm"),
    )?;
    Ok(fs::read(optimised)?)
}

/// The app's wasm, with the standard library rebuilt for it: see [`cargo_build_wasm`].
fn build_wasm() -> TaskResult<PathBuf> {
    cargo_build_wasm(
        &workspace::app_package()?,
        &["--bin", APP_BIN],
        "std,panic_abort",
    )?;
    Ok(built_wasm(APP_BIN))
}

/// Build `package` (`what`: its target) for wasm in the wasm profile, with the crates
/// `build_std` of the standard library rebuilt for it (`-Z build-std`) so that a panic is a
/// bare trap (`-C panic=immediate-abort`): the panic messages, their locations and most of the
/// formatting machinery go, 541 -> 508 KB raw for the app (issue 12). A panic already ended
/// the app with `panic = "abort"` and no hook shows it, so nothing a user sees changes. Both
/// flags are unstable: `RUSTC_BOOTSTRAP=1` lets the pinned stable toolchain take them, as for
/// `fuzz`, and only for this one build. `--target` keeps the flags off build scripts and proc
/// macros.
fn cargo_build_wasm(package: &str, what: &[&str], build_std: &str) -> TaskResult {
    needs::rust_src()?;
    workspace::run(
        workspace::cargo()
            .args(["build", "--profile", WASM_PROFILE, "--target", WASM_TARGET])
            .args(["--package", package])
            .args(what)
            .args(["-Z", &format!("build-std={build_std}")])
            .env("RUSTC_BOOTSTRAP", "1")
            .env("CARGO_ENCODED_RUSTFLAGS", WASM_RUSTFLAGS.join("\u{1f}"))
            .env_remove("RUSTFLAGS"),
    )
}

/// Where cargo puts the wasm of `name` (a binary, or a library's name with underscores) built
/// in the wasm profile.
fn built_wasm(name: &str) -> PathBuf {
    workspace::target_dir()
        .join(WASM_TARGET)
        .join(WASM_PROFILE)
        .join(format!("{name}.wasm"))
}

/// The wasm's biggest items after wasm-bindgen (before wasm-opt strips the names), as
/// `twiggy top` shows them: where to look first when the file grows.
fn print_size_top(wasm: &[u8]) -> TaskResult {
    let (top, shipped) = size_top(wasm, SIZE_TOP)?;
    println!(
        "xtask: the {SIZE_TOP} biggest items of the wasm ({} without its names, which wasm-opt drops):",
        kilobytes(shipped)
    );
    for (name, size) in top {
        let share = 100.0 * size as f64 / shipped as f64;
        let name: String = name.chars().take(100).collect();
        println!("  {:>9} {share:>5.1}%  {name}", kilobytes(size));
    }
    Ok(())
}

/// The `count` biggest items of `wasm` (functions, data, sections) by their own size, biggest
/// first, with demangled names: twiggy's parser, ranked as its `top` does. Debug information
/// (the name section) is left out: it does not ship. Also returns the size of what does.
fn size_top(wasm: &[u8], count: usize) -> TaskResult<(Vec<(String, usize)>, usize)> {
    let items = twiggy_parser::parse(wasm).map_err(|error| format!("twiggy: {error:#}"))?;
    let mut top: Vec<(String, usize)> = items
        .iter()
        .filter(|item| item.id() != items.meta_root())
        .filter(|item| !matches!(item.kind(), twiggy_ir::ItemKind::Debug(_)))
        .map(|item| (item.name().to_owned(), item.size() as usize))
        .collect();
    let shipped = top.iter().map(|(_, size)| size).sum();
    top.sort_by_key(|(_, size)| std::cmp::Reverse(*size));
    top.truncate(count);
    Ok((top, shipped))
}

/// wasm-bindgen's `--target web` output, with short import and export names (`names.rs`): the
/// JS glue text and the path of the wasm it goes with.
fn bindgen(wasm: &Path, work: &Path) -> TaskResult<(String, PathBuf)> {
    if work.exists() {
        fs::remove_dir_all(work)?;
    }
    let mut output = Bindgen::new()
        .input_path(wasm)
        .out_name(OUTPUT_NAME)
        .web(true)?
        .typescript(false)
        .generate_output()
        .map_err(|error| format!("wasm-bindgen: {error:#}"))?;
    let has_snippets = output.snippets().values().any(|list| !list.is_empty());
    if has_snippets || !output.local_modules().is_empty() {
        // Inline JS snippets would be extra modules to fetch; nothing may be fetched.
        return Err("wasm-bindgen wrote JS snippets, which one offline file cannot import".into());
    }
    let module = output.wasm();
    let imports: Vec<String> = module.imports.iter().map(|i| i.name.clone()).collect();
    let exports: Vec<String> = module.exports.iter().map(|e| e.name.clone()).collect();
    let (renames, glue) = names::shorten(&imports, &exports, output.js());
    let module = output.wasm_mut();
    for import in module.imports.iter_mut() {
        if let Some(new) = renames.imports.get(&import.name) {
            import.name.clone_from(new);
        }
    }
    for export in module.exports.iter_mut() {
        if let Some(new) = renames.exports.get(&export.name) {
            export.name.clone_from(new);
        }
    }
    println!(
        "xtask: {} of {} imports and {} of {} exports renamed short",
        renames.imports.len(),
        imports.len(),
        renames.exports.len(),
        exports.len()
    );
    fs::create_dir_all(work)?;
    fs::write(work.join(format!("{OUTPUT_NAME}.js")), &glue)?;
    let path = work.join(format!("{OUTPUT_NAME}_bg.wasm"));
    fs::write(&path, module.emit_wasm())?;
    Ok((glue, path))
}

/// `wasm` through wasm-opt with `flags` into `optimised`, or the wasm as it is (with a note)
/// where npm is missing.
fn optimise(wasm: &Path, flags: &[&str], optimised: &Path) -> TaskResult<PathBuf> {
    let Some(wasm_opt) = npm_tool("wasm-opt")? else {
        eprintln!("xtask: note: without npm, wasm-opt is skipped and the file is larger");
        return Ok(wasm.to_path_buf());
    };
    // No `--all-features`: it turns on compact imports, which Chromium refuses. Without flags
    // wasm-opt takes the features the module declares.
    workspace::run(
        Command::new(&wasm_opt)
            .args(flags)
            .arg(wasm)
            .arg("-o")
            .arg(optimised),
    )?;
    Ok(optimised.to_path_buf())
}

/// The pinned command `name` (wasm-opt, terser) from `package-lock.json`, with `npm ci` first
/// when `node_modules/` is missing or older than the lock file (the tests' npm packages come
/// along).
fn npm_tool(name: &str) -> TaskResult<Option<PathBuf>> {
    let root = workspace::root();
    let tool = root.join("node_modules").join(".bin").join(name);
    let up_to_date = is_newer_or_same(
        &root.join("node_modules").join(".package-lock.json"),
        &root.join("package-lock.json"),
    );
    if tool.exists() && up_to_date {
        return Ok(Some(tool));
    }
    if !needs::npm() {
        return Ok(tool.exists().then_some(tool));
    }
    workspace::run(
        Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&root),
    )?;
    if !tool.exists() {
        return Err(format!("npm ci did not install {}", tool.display()).into());
    }
    Ok(Some(tool))
}

/// Whether `path` exists and was modified no earlier than `reference`.
fn is_newer_or_same(path: &Path, reference: &Path) -> bool {
    let modified = |path: &Path| fs::metadata(path).and_then(|meta| meta.modified()).ok();
    match (modified(path), modified(reference)) {
        (Some(path), Some(reference)) => path >= reference,
        (Some(_), None) => true,
        (None, _) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module with a 3-byte and a 5-byte function body and nothing else.
    const TWO_FUNCTIONS: &[u8] = &[
        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version 1
        0x01, 0x04, 0x01, 0x60, 0x00, 0x00, // type section: one type, () -> ()
        0x03, 0x03, 0x02, 0x00, 0x00, // function section: two functions of that type
        0x0a, 0x0b, 0x02, // code section: two bodies
        0x03, 0x00, 0x01, 0x0b, // no locals, nop, end
        0x05, 0x00, 0x01, 0x01, 0x01, 0x0b, // no locals, nop nop nop, end
    ];

    #[test]
    fn the_size_top_ranks_the_biggest_first_and_stops_at_the_count() {
        let (all, shipped) = size_top(TWO_FUNCTIONS, 100).unwrap();
        assert!(all.windows(2).all(|pair| pair[0].1 >= pair[1].1), "{all:?}");
        assert_eq!(all.iter().map(|(_, size)| size).sum::<usize>(), shipped);
        assert!(shipped <= TWO_FUNCTIONS.len());
        let (top, _) = size_top(TWO_FUNCTIONS, 1).unwrap();
        assert_eq!(top, all[..1]);
    }

    #[test]
    fn bytes_that_are_not_wasm_are_an_error() {
        assert!(size_top(b"<!doctype html>", 10).is_err());
    }
}
