//! The canonical bytes of a value read straight from the text serde_json wrote for it, when
//! that text has been checked to be exactly what serde_json writes (a result file as written,
//! `ResultFile::is_written_as`): its strings are already escaped as JCS asks (serde_json's rule,
//! see `write_string`), so the text is copied without its spaces and line breaks, and each
//! object's members put in JCS order. Walking the typed payload again took a sixth of the time
//! of verifying a village file (issue 12).
//!
//! Anything this copy cannot vouch for gives `None`, and the caller takes the typed way: a key
//! with an escape (its order is that of the text it stands for), a key given twice, a number
//! that is not an integer of at most 15 digits (those are printed as doubles), unexpected bytes.

use std::cmp::Ordering;

use super::{is_plain, utf16_order};

/// Deeper than any value hallcount writes: refused rather than recursed into.
const MAX_DEPTH: usize = 64;

/// The canonical bytes of the value `text` holds, or `None` (see the module).
pub(crate) fn canonical_from_text(text: &str) -> Option<Vec<u8>> {
    let mut copy = Copy {
        text: text.as_bytes(),
        at: 0,
        out: Vec::with_capacity(text.len()),
        members: Vec::new(),
        scratch: Vec::new(),
    };
    copy.value(0)?;
    copy.skip_space();
    (copy.at == text.len()).then_some(copy.out)
}

struct Copy<'t> {
    text: &'t [u8],
    at: usize,
    out: Vec<u8>,
    /// The members of the objects being copied, innermost last.
    members: Vec<Member>,
    /// Where an object's members are put in order.
    scratch: Vec<u8>,
}

/// One member of an object: its key (without quotes, no escapes) at `key` in the text, the
/// member as copied at `start..end` in the output.
#[derive(Clone, Copy)]
struct Member {
    key: (usize, usize),
    start: usize,
    end: usize,
}

impl Copy<'_> {
    fn skip_space(&mut self) {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.text.get(self.at) {
            self.at += 1;
        }
    }

    /// The next byte after any space, consumed if it is `byte`.
    fn eat(&mut self, byte: u8) -> bool {
        self.skip_space();
        let found = self.text.get(self.at) == Some(&byte);
        self.at += usize::from(found);
        found
    }

    fn value(&mut self, depth: usize) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.skip_space();
        match *self.text.get(self.at)? {
            b'{' => self.object(depth),
            b'[' => self.array(depth),
            b'"' => self.string().map(|_| ()),
            b't' => self.literal(b"true"),
            b'f' => self.literal(b"false"),
            b'n' => self.literal(b"null"),
            _ => self.integer(),
        }
    }

    fn literal(&mut self, word: &[u8]) -> Option<()> {
        let end = self.at + word.len();
        (self.text.get(self.at..end)? == word).then_some(())?;
        self.out.extend_from_slice(word);
        self.at = end;
        Some(())
    }

    /// An integer below 2^53 (at most 15 digits), which JCS writes as its digits.
    fn integer(&mut self) -> Option<()> {
        let start = self.at;
        self.at += usize::from(self.text.get(self.at) == Some(&b'-'));
        let digits = self.at;
        while self.text.get(self.at).is_some_and(u8::is_ascii_digit) {
            self.at += 1;
        }
        let n_digits = self.at - digits;
        let terminated = !matches!(self.text.get(self.at), Some(b'.' | b'e' | b'E'));
        (terminated && (1..=15).contains(&n_digits)).then_some(())?;
        self.out.extend_from_slice(self.text.get(start..self.at)?);
        Some(())
    }

    /// Copies a string with its quotes; its contents' range in the text, `None` with an escape
    /// in it as `Some(None)`.
    fn string(&mut self) -> Option<Option<(usize, usize)>> {
        let start = self.at;
        let mut escaped = false;
        let mut at = start + 1;
        loop {
            match *self.text.get(at)? {
                b'"' => break,
                b'\\' => {
                    escaped = true;
                    at += 2;
                }
                _ => at += 1,
            }
        }
        self.out.extend_from_slice(self.text.get(start..=at)?);
        self.at = at + 1;
        Some((!escaped).then_some((start + 1, at)))
    }

    fn array(&mut self, depth: usize) -> Option<()> {
        self.at += 1;
        self.out.push(b'[');
        if !self.eat(b']') {
            loop {
                self.value(depth + 1)?;
                if self.eat(b']') {
                    break;
                }
                self.eat(b',').then_some(())?;
                self.out.push(b',');
            }
        }
        self.out.push(b']');
        Some(())
    }

    fn object(&mut self, depth: usize) -> Option<()> {
        self.at += 1;
        self.out.push(b'{');
        let (body_start, members_start) = (self.out.len(), self.members.len());
        if !self.eat(b'}') {
            loop {
                if self.out.len() > body_start {
                    self.out.push(b',');
                }
                let start = self.out.len();
                self.skip_space();
                (self.text.get(self.at) == Some(&b'"')).then_some(())?;
                let key = self.string()??;
                self.eat(b':').then_some(())?;
                self.out.push(b':');
                self.value(depth + 1)?;
                let end = self.out.len();
                self.members.push(Member { key, start, end });
                if self.eat(b'}') {
                    break;
                }
                self.eat(b',').then_some(())?;
            }
        }
        self.order_members(body_start, members_start)?;
        self.out.push(b'}');
        Some(())
    }

    /// Puts the members of the object whose body starts at `body_start` in JCS order;
    /// `None` for a key given twice.
    fn order_members(&mut self, body_start: usize, members_start: usize) -> Option<()> {
        let text = self.text;
        let members = self.members.get_mut(members_start..)?;
        let key = |m: &Member| text.get(m.key.0..m.key.1).unwrap_or(&[]);
        let order = |a: &Member, b: &Member| {
            let (a, b) = (key(a), key(b));
            if is_plain(a) && is_plain(b) {
                a.cmp(b)
            } else {
                // Keys were read from a `&str` between quotes: whole UTF-8.
                let text = |bytes| std::str::from_utf8(bytes).unwrap_or("");
                utf16_order(text(a), text(b))
            }
        };
        let in_order = members
            .windows(2)
            .all(|pair| order(&pair[0], &pair[1]) == Ordering::Less);
        if !in_order {
            members.sort_unstable_by(|a, b| order(a, b));
            if members
                .windows(2)
                .any(|pair| order(&pair[0], &pair[1]) == Ordering::Equal)
            {
                return None;
            }
            self.scratch.clear();
            for member in members.iter() {
                if !self.scratch.is_empty() {
                    self.scratch.push(b',');
                }
                self.scratch
                    .extend_from_slice(self.out.get(member.start..member.end)?);
            }
            self.out.truncate(body_start);
            self.out.extend_from_slice(&self.scratch);
        }
        self.members.truncate(members_start);
        Some(())
    }
}
