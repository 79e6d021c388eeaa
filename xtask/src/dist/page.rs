//! The page around the wasm: `index.html` filled with the plain sheet, and the other sheets,
//! the JS glue and the wasm packed into one LZMA stream (`lzma.rs`) with the small script and
//! the small wasm decoder (`crates/hallcount-unpack`, itself gzipped) that unpack them. The
//! packed stream and the gzipped decoder are the text of two `<script type=
//! "application/octet-stream">` elements, one character per byte (`latin1.rs`). The page's own
//! scripts are minified (`script.rs`) and the template's comments dropped: they are the only
//! part of the file that is not packed.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::write::GzEncoder;
use flate2::Compression;

use super::lzma;
use super::script::{Kind, Minifier};
use crate::latin1;
use crate::workspace::{self, kilobytes, TaskResult};

const STYLES_MARKER: &str = "<!--hallcount:styles-->";
const APP_MARKER: &str = "<!--hallcount:app-->";
/// The ids of the two data scripts: the decoder's gzipped wasm and the packed app.
const UNPACKER_ID: &str = "hallcount-unpacker";
const PACKED_ID: &str = "hallcount-packed";

/// The sheet that stays in the page as text: the "cannot run" message must be styled (and hidden
/// while the app starts) in a browser that never unpacks anything.
const PLAIN_SHEET: &str = "unsupported.css";

/// Fill the `index.html` template: the plain sheet in a `<style>`; the other sheets, the app's
/// module script (the glue and its starter, `script.rs`) and the wasm packed together in one LZMA stream (text compresses to a fifth), unpacked by
/// `unpacker` (the decoder's wasm, gzipped for the browser's `DecompressionStream`), both as
/// data scripts (a JS string literal escaped 7 bytes in 256, this 2), and a
/// small module script that adds the sheets as a `<style>` and starts the app's script as a
/// module script of its own (inline scripts are what the page's CSP allows, not `eval`).
pub(super) fn assemble(
    app_script: &str,
    wasm: &[u8],
    unpacker: &[u8],
    minifier: &Minifier,
) -> TaskResult<String> {
    let root = workspace::root();
    let template = latin1::html_references(&fs::read_to_string(root.join("index.html"))?);
    let template = minify_scripts(&strip_comments(&template), minifier)?;
    let (plain, packed_styles) = read_styles(&root.join("styles"))?;
    forbid_closing_tag(&plain, "</style", "styles/*.css")?;
    let bundle = bundle(&[
        packed_styles.as_bytes(),
        app_script.as_bytes(),
        &split_code(wasm)?,
    ])?;
    let packed = lzma::pack(&bundle)?;
    let text = latin1::script_data(&packed);
    let unpacker = zopfli_gzip(unpacker)?;
    let unpacker_text = latin1::script_data(&unpacker);
    println!(
        "xtask: styles, glue and wasm packed: {} LZMA, {} as script text; its decoder {} gzip",
        kilobytes(packed.len()),
        kilobytes(text.text.chars().count()),
        kilobytes(unpacker.len())
    );
    let decoder = latin1::JS_DECODER;
    let unpack = format!(
        "{decoder}\n{UNPACKER}\n\
         try {{\n\
         await hallcountUnpack(hallcountBytes(\"{UNPACKER_ID}\", {}), hallcountBytes(\"{PACKED_ID}\", {}));\n\
         }} catch (error) {{\n\
         console.error(\"hallcount could not start:\", error);\n\
         }}",
        unpacker_text.escape,
        text.escape,
    );
    let unpack = minifier
        .minify(&unpack, Kind::Module, "unpack")?
        .unwrap_or(unpack);
    forbid_in_script(&unpack)?;
    let app = format!(
        "{}\n{}\n<script type=\"module\">\n{unpack}\n</script>",
        data_script(UNPACKER_ID, &unpacker_text.text),
        data_script(PACKED_ID, &text.text),
    );
    let html = replace_marker(
        &template,
        STYLES_MARKER,
        &format!("<style>\n{plain}</style>"),
    )?;
    replace_marker(&html, APP_MARKER, &app)
}

/// `html` without its comments, but for the `<!--hallcount:...-->` markers (and the line
/// ends after them): they explain the template, not the page.
fn strip_comments(html: &str) -> String {
    let mut kept = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<!--") {
        let (before, comment) = rest.split_at(start);
        kept.push_str(before);
        let end = comment.find("-->").map_or(comment.len(), |end| end + 3);
        if comment.starts_with("<!--hallcount:") {
            kept.push_str(&comment[..end]);
            rest = &comment[end..];
        } else {
            rest = comment[end..].strip_prefix('\n').unwrap_or(&comment[end..]);
        }
    }
    kept.push_str(rest);
    kept
}

/// The template's own classic `<script>`s minified.
fn minify_scripts(html: &str, minifier: &Minifier) -> TaskResult<String> {
    const OPEN: &str = "<script>";
    const CLOSE: &str = "</script>";
    let mut kept = String::with_capacity(html.len());
    let mut rest = html;
    let mut count = 0;
    while let Some(start) = rest.find(OPEN) {
        let body_start = start + OPEN.len();
        let Some(length) = rest[body_start..].find(CLOSE) else {
            return Err("index.html has a <script> without its </script>".into());
        };
        let body = &rest[body_start..body_start + length];
        let name = format!("index-script-{count}");
        let minified = minifier.minify(body, Kind::Classic, &name)?;
        let body = minified.as_deref().unwrap_or(body);
        forbid_in_script(body)?;
        kept.push_str(&rest[..body_start]);
        kept.push_str(body);
        rest = &rest[body_start + length..];
        count += 1;
    }
    kept.push_str(rest);
    Ok(kept)
}

/// What would end a script element early or bend the parser's state in it.
fn forbid_in_script(js: &str) -> TaskResult {
    forbid_closing_tag(js, "</script", "a minified script")?;
    forbid_closing_tag(js, "<!--", "a minified script")
}

/// A script element the browser does not run: its text is the page's way to carry bytes
/// (`latin1.rs`).
fn data_script(id: &str, text: &str) -> String {
    format!("<script type=\"application/octet-stream\" id=\"{id}\">{text}</script>")
}

/// `hallcountUnpack(unpacker, packed)`: the decoder's wasm gunzipped (its bytes fed to the
/// `DecompressionStream` from a plain stream: a `Blob`'s stream goes through the browser's blob
/// store and back, measured slower with the CPU slowed) and instantiated; the inverse of
/// [`bundle`] after LZMA run in its memory 64 KB at a time (so all but the first slices run the
/// decoder's optimised build; timed as the `hallcount:unpack` measure), the wasm's code joined
/// back from its streams by the decoder's `join`, then each part put to
/// use. The wasm starts compiling as soon as it is unpacked, while the styles and the glue are
/// still being parsed; its promise waits on `window` for the glue's module script, which takes
/// it from there. The `hallcount:unpacked` mark is one stage of the cold-start benchmark.
const UNPACKER: &str = r#"const hallcountUnpack = async (unpacker, packed) => {
const gunzip = (bytes) => new Response(new ReadableStream({ start(controller) { controller.enqueue(bytes); controller.close(); } }).pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
const { instance } = await WebAssembly.instantiate(await gunzip(unpacker));
const { memory, begin, step, join } = instance.exports;
const length = new DataView(packed.buffer, packed.byteOffset).getUint32(1, true);
const at = memory.grow(Math.ceil((packed.length + length) / 65536)) * 65536;
new Uint8Array(memory.buffer).set(packed, at);
const start = performance.now();
const more = 255;
let status = begin(at, packed.length, at + packed.length, length) || more;
for (let until = 65536; status === more; until += 65536) {
status = step(until);
}
performance.measure("hallcount:unpack", { start });
if (status !== 0) {
throw new Error(`the packed app is damaged (unpack status ${status})`);
}
performance.mark("hallcount:unpacked");
const bytes = new Uint8Array(memory.buffer, at + packed.length, length);
const parts = [];
let offset = 0;
for (let i = 0; i < 2; i++) {
const partLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(offset, true);
parts.push(new TextDecoder().decode(bytes.subarray(offset + 4, offset + 4 + partLength)));
offset += 4 + partLength;
}
const split = at + packed.length + offset;
const joinedLength = new DataView(memory.buffer).getUint32(split, true);
const joined = memory.grow(Math.ceil(joinedLength / 65536)) * 65536;
const joining = performance.now();
status = join(split, length - offset, joined, joinedLength);
performance.measure("hallcount:join", { start: joining });
if (status !== 0) {
throw new Error(`the packed app is damaged (join status ${status})`);
}
window.hallcountWasm = WebAssembly.compile(new Uint8Array(memory.buffer, joined, joinedLength));
const style = document.createElement("style");
style.textContent = parts[0];
document.head.append(style);
const script = document.createElement("script");
script.type = "module";
script.textContent = parts[1];
document.body.append(script);
};"#;

/// The app's wasm with its code split into streams (`hallcount_unpack::code`: 20 KB smaller
/// packed), checked by joining it back as the page will.
fn split_code(wasm: &[u8]) -> TaskResult<Vec<u8>> {
    let split = hallcount_unpack::code::split(wasm)
        .map_err(|error| format!("splitting the wasm's code: {error:?}"))?;
    let mut joined = vec![0; wasm.len()];
    hallcount_unpack::code::join(&split, &mut joined)
        .map_err(|error| format!("the split wasm does not join: {error:?}"))?;
    if joined != wasm {
        return Err("the split wasm joins to other bytes".into());
    }
    Ok(split)
}

/// `parts` in one buffer: each but the last after its length (u32, little-endian), the last as
/// it is, to its end.
fn bundle(parts: &[&[u8]]) -> TaskResult<Vec<u8>> {
    let mut bytes = Vec::with_capacity(parts.iter().map(|part| part.len() + 4).sum());
    if let Some((last, framed)) = parts.split_last() {
        for part in framed {
            bytes.extend_from_slice(&u32::try_from(part.len())?.to_le_bytes());
            bytes.extend_from_slice(part);
        }
        bytes.extend_from_slice(last);
    }
    Ok(bytes)
}

/// Every `styles/*.css`, in file-name order, so each component's sheet lands in a fixed place:
/// [`PLAIN_SHEET`] apart, then all the others.
fn read_styles(dir: &Path) -> TaskResult<(String, String)> {
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)?
        .map(|entry| entry.map(|entry| entry.path()))
        .collect::<Result<_, _>>()?;
    paths.retain(|path| path.extension().is_some_and(|ext| ext == "css"));
    paths.sort();
    let (mut plain, mut packed) = (String::new(), String::new());
    for path in paths {
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let styles = if name == PLAIN_SHEET {
            &mut plain
        } else {
            &mut packed
        };
        styles.push_str(&format!(
            "/* {name} */\n{}\n",
            minify_css(&fs::read_to_string(&path)?)
        ));
    }
    if plain.is_empty() {
        return Err(format!("styles/{PLAIN_SHEET} is missing").into());
    }
    Ok((plain, packed))
}

/// CSS without comments, indentation and blank lines. Comments are found only outside strings
/// (a `/*` inside `content: "..."` stays).
fn minify_css(css: &str) -> String {
    let mut kept = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find(['"', '\'', '/']) {
        let (before, from) = rest.split_at(start);
        kept.push_str(before);
        let quote = from.chars().next().unwrap_or('/');
        if quote == '/' {
            if let Some(comment) = from.strip_prefix("/*") {
                rest = comment.find("*/").map_or("", |end| &comment[end + 2..]);
            } else {
                kept.push('/');
                rest = &from[1..];
            }
            continue;
        }
        let end = from[1..].find(quote).map_or(from.len(), |end| end + 2);
        kept.push_str(&from[..end]);
        rest = &from[end..];
    }
    kept.push_str(rest);
    kept.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn forbid_closing_tag(text: &str, tag: &str, what: &str) -> TaskResult {
    if text.to_ascii_lowercase().contains(tag) {
        return Err(
            format!("{what} contains `{tag}`, which would end the inline element early").into(),
        );
    }
    Ok(())
}

fn replace_marker(template: &str, marker: &str, content: &str) -> TaskResult<String> {
    if template.matches(marker).count() != 1 {
        return Err(format!("index.html must contain `{marker}` exactly once").into());
    }
    Ok(template.replacen(marker, content, 1))
}

/// Gzip that any gzip reader (and `DecompressionStream("gzip")`) unpacks, squeezed harder.
fn zopfli_gzip(bytes: &[u8]) -> TaskResult<Vec<u8>> {
    let options = zopfli::Options {
        // 5 iterations: measured the same size as the default 15, in two thirds of the time.
        iteration_count: std::num::NonZeroU64::new(5).expect("non-zero"),
        ..Default::default()
    };
    let mut packed = Vec::new();
    zopfli::compress(options, zopfli::Format::Gzip, bytes, &mut packed)?;
    Ok(packed)
}

pub(super) fn gzip(bytes: &[u8]) -> TaskResult<Vec<u8>> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_loses_comments_and_indentation_but_not_strings() {
        let css =
            "/* why */\n.a {\n    color: red; /* note */\n\n    content: \"/* kept */\";\n}\n";
        assert_eq!(
            minify_css(css),
            ".a {\ncolor: red;\ncontent: \"/* kept */\";\n}"
        );
    }

    #[test]
    fn a_bundle_frames_every_part_but_the_last() {
        let bundle = bundle(&[b"ab", b"", b"xyz"]).unwrap();
        assert_eq!(bundle, b"\x02\0\0\0ab\0\0\0\0xyz");
    }

    #[test]
    fn comments_go_but_the_markers_stay() {
        let html = "<head>\n<!-- why\n  more -->\n<!--hallcount:styles-->\n</head><!-- end -->";
        assert_eq!(
            strip_comments(html),
            "<head>\n<!--hallcount:styles-->\n</head>"
        );
    }

    #[test]
    fn without_terser_the_scripts_stay_as_they_are() {
        let minifier = Minifier::without_terser();
        let html = "<script>\n// a\nf();\n</script><p>x</p><script>g();</script>";
        assert_eq!(minify_scripts(html, &minifier).unwrap(), html);
        assert!(minify_scripts("<script>f();", &minifier).is_err());
        assert!(minify_scripts("<script>'<!--'</script>", &minifier).is_err());
    }

    #[test]
    fn a_marker_must_appear_exactly_once() {
        assert_eq!(
            replace_marker("a<!--m-->b", "<!--m-->", "X").unwrap(),
            "aXb"
        );
        assert!(replace_marker("ab", "<!--m-->", "X").is_err());
        assert!(replace_marker("<!--m--><!--m-->", "<!--m-->", "X").is_err());
    }
}
