//! `cargo xtask run`: build the file, then serve `dist/` on http://127.0.0.1:8080.
//!
//! The file needs no server (open it directly); this one is for those who prefer a URL.
//! Loopback only, GET and HEAD only, files directly inside `dist/` only.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;

use crate::dist;
use crate::workspace::{self, TaskResult};

const ADDRESS: &str = "127.0.0.1:8080";

pub fn run() -> TaskResult {
    let file = dist::build()?;
    let listener = TcpListener::bind(ADDRESS)
        .map_err(|error| format!("cannot listen on {ADDRESS}: {error}"))?;
    println!("xtask: serving dist/ on http://{ADDRESS}/ (Ctrl-C stops)");
    println!(
        "xtask: or open the file directly: file://{}",
        file.display()
    );
    let dist = workspace::dist_dir();
    for stream in listener.incoming() {
        match stream {
            Ok(stream) => {
                if let Err(error) = answer(stream, &dist) {
                    eprintln!("xtask: request failed: {error}");
                }
            }
            Err(error) => eprintln!("xtask: connection failed: {error}"),
        }
    }
    Ok(())
}

fn answer(mut stream: TcpStream, dist: &Path) -> std::io::Result<()> {
    let mut request_line = String::new();
    BufReader::new(&stream).read_line(&mut request_line)?;
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let path = target.split(['?', '#']).next().unwrap_or("");
    let name = path.trim_start_matches('/');
    let name = if name.is_empty() {
        "hallcount.html"
    } else {
        name
    };
    let mut response = if method != "GET" && method != "HEAD" {
        response(405, "text/plain", b"only GET")
    } else if !is_plain_file_name(name) {
        response(404, "text/plain", b"not found")
    } else {
        match fs::read(dist.join(name)) {
            Ok(body) => response(200, content_type(name), &body),
            Err(_) => response(404, "text/plain", b"not found"),
        }
    };
    if method == "HEAD" {
        let headers_end = response
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .map_or(response.len(), |at| at + 4);
        response.truncate(headers_end);
    }
    stream.write_all(&response)
}

/// A name directly inside `dist/`: no separators, no `..`, nothing hidden.
fn is_plain_file_name(name: &str) -> bool {
    !name.starts_with('.') && !name.contains(['/', '\\']) && !name.contains("..")
}

fn content_type(name: &str) -> &'static str {
    match Path::new(name).extension().and_then(|ext| ext.to_str()) {
        // No charset: the page names its own (windows-1252, see latin1.rs), which a header would override.
        Some("html") => "text/html",
        Some("json") => "application/json",
        Some("wasm") => "application/wasm",
        Some("js") => "text/javascript",
        Some("css") => "text/css",
        _ => "application/octet-stream",
    }
}

fn response(status: u16, content_type: &str, body: &[u8]) -> Vec<u8> {
    let reason = match status {
        200 => "OK",
        404 => "Not Found",
        _ => "Method Not Allowed",
    };
    let mut bytes = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .into_bytes();
    bytes.extend_from_slice(body);
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serves_only_plain_names_inside_dist() {
        assert!(is_plain_file_name("hallcount.html"));
        assert!(!is_plain_file_name("../Cargo.toml"));
        assert!(!is_plain_file_name("a/b.html"));
        assert!(!is_plain_file_name(".git"));
        assert!(!is_plain_file_name("..\\x"));
    }

    #[test]
    fn names_the_types_a_browser_needs() {
        assert_eq!(content_type("hallcount.html"), "text/html");
        assert_eq!(content_type("x.wasm"), "application/wasm");
        assert_eq!(content_type("x"), "application/octet-stream");
    }
}
