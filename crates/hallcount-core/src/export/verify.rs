//! Checking a `hallcount/result@1` file: format, layout, signature, contents and tally.
//! Whether the signer is trusted is a separate question ([`super::TrustedKeys`]).

use super::canonical::canonical_json;
use super::key::{Fingerprint, PublicKey};
use super::result::{tally_of_live_papers, ResultFile, RESULT_FORMAT, SIGNATURE_ALGORITHM};
use super::time::is_rfc3339;
pub use super::verify_error::VerifyError;
use super::verify_error::{ContentFault, Damage, SignatureFault, TallyFault};
use crate::election::ELECTION_FORMAT;
use crate::encoding::{from_hex, is_sha256_hex, sha256_hex};
use crate::lot::check_lot_in;
use crate::tally::Tally;

/// Files above this size are refused unread. A village result is a few hundred KB (100,000
/// papers make about 10 MB), so this only stops a wrong file from exhausting memory.
pub const MAX_RESULT_FILE_BYTES: usize = 16 * 1024 * 1024;

/// A result whose signature, layout, contents and tally all check out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifiedResult {
    pub file: ResultFile,
    pub fingerprint: Fingerprint,
    /// Lowercase hex sha256 of the canonical payload: the identity of this exact result.
    pub payload_sha256: String,
}

/// Verifies a result file from its bytes. Checks, in order: size, JSON, format, algorithm,
/// key and fingerprint, payload hash, signature, layout, contents, the recomputed tally, and
/// the lots against it.
pub fn verify_result(bytes: &[u8]) -> Result<VerifiedResult, VerifyError> {
    if bytes.len() > MAX_RESULT_FILE_BYTES {
        return Err(VerifyError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_RESULT_FILE_BYTES,
        });
    }
    // The one strict reader (crate::json): UTF-8 named with its offset, no key twice, objects
    // only. A leading BOM is read past here, and refused below as a re-saved file.
    let text = crate::json::decode(bytes).map_err(damaged)?;
    let (file, fingerprint) = match read_as_written(text, bytes.len()) {
        Some(read) => read,
        None => read_step_by_step(text, bytes.len())?,
    };
    if file.payload.format != RESULT_FORMAT {
        return Err(VerifyError::UnknownFormat(Some(
            file.payload.format.clone(),
        )));
    }
    check_content(&file)?;
    let recomputed = tally_of_live_papers(&file.payload.election, &file.payload.papers);
    if let Some(difference) = first_difference(&file.payload.tally, &recomputed) {
        return Err(VerifyError::TallyMismatch(difference));
    }
    check_lots(&file, &recomputed)?;
    check_checks(&file, &recomputed)?;
    let payload_sha256 = file.signature.payload_sha256.clone();
    Ok(VerifiedResult {
        file,
        fingerprint,
        payload_sha256,
    })
}

/// A file the strict reader refused: damaged JSON, with the reader's place and reason.
fn damaged(error: crate::LoadError) -> VerifyError {
    VerifyError::DamagedJson(Damage::Load(error))
}

/// A file exactly as the app writes it, read once: its layout is the one `to_json` writes, so
/// its payload's canonical bytes are those of the payload read (no second parse, issue 12).
/// `None` for anything else, which [`read_step_by_step`] reads again to say what is wrong.
fn read_as_written(text: &str, n_bytes: usize) -> Option<(ResultFile, Fingerprint)> {
    if text.len() != n_bytes {
        return None;
    }
    // The layout check below refuses what the strict reader would (a key twice, a struct as an
    // array): natively, serde_json alone reads the file, a third faster. The page keeps its one
    // reader (a second would compile every shape twice into the wasm).
    let file: ResultFile = if cfg!(target_arch = "wasm32") {
        crate::json::read(text).ok()?
    } else {
        serde_json::from_str(text).ok()?
    };
    let signature = &file.signature;
    if file.format != RESULT_FORMAT || signature.algorithm != SIGNATURE_ALGORITHM {
        return None;
    }
    let public_key = PublicKey::from_hex(&signature.public_key)?;
    let fingerprint = public_key.fingerprint();
    let value = from_hex::<64>(&signature.value)?;
    if signature.fingerprint != fingerprint.as_str() || !file.is_written_as(text) {
        return None;
    }
    let canonical = file.payload.canonical_bytes();
    let signed = signature.payload_sha256 == sha256_hex(&canonical)
        && public_key.verifies(&canonical, &value);
    signed.then_some((file, fingerprint))
}

/// Reads a file that is not exactly as written, checking its format, signature and layout in
/// that order, for the error that names what is wrong (a file that passes all three is read).
fn read_step_by_step(text: &str, n_bytes: usize) -> Result<(ResultFile, Fingerprint), VerifyError> {
    let value: serde_json::Value = crate::json::from_text(text).map_err(damaged)?;
    match value.get("format") {
        Some(serde_json::Value::String(format)) if format == RESULT_FORMAT => {}
        Some(serde_json::Value::String(format)) => {
            return Err(VerifyError::UnknownFormat(Some(format.clone())))
        }
        _ => return Err(VerifyError::UnknownFormat(None)),
    }
    let (Some(payload), Some(signature)) = (value.get("payload"), value.get("signature")) else {
        return Err(VerifyError::DamagedJson(Damage::MissingPart));
    };
    let fingerprint = check_signature(payload, signature)?;

    // Read again from the text, the value dropped first: never both in memory, and one JSON
    // reader for the file's shapes in the page (a second, over `&Value`, cost ~35 KB of wasm).
    drop(value);
    let file: ResultFile = crate::json::from_text(text).map_err(damaged)?;
    if text.len() != n_bytes || !file.is_written_as(text) {
        return Err(VerifyError::Reformatted);
    }
    Ok((file, fingerprint))
}

/// The optional record of the two checks must be what the app writes: every resolution of a
/// difference found (each once), and the board's remaining lines and verdict those of the
/// board against the recomputed tally.
fn check_checks(file: &ResultFile, recomputed: &Tally) -> Result<(), VerifyError> {
    let invalid = |fault| Err(VerifyError::InvalidContent(fault));
    if let Some(double) = &file.payload.double_entry {
        for (i, resolution) in double.resolutions.iter().enumerate() {
            let repeated = double.resolutions[..i]
                .iter()
                .any(|r| r.difference == resolution.difference);
            if repeated || !double.differences.contains(&resolution.difference) {
                return invalid(ContentFault::DoubleEntryResolution);
            }
        }
    }
    if let Some(hand) = &file.payload.hand_tally {
        let remaining = crate::reconcile::reconcile(recomputed, &hand.board);
        if remaining != hand.remaining || hand.agreed != remaining.is_empty() {
            return invalid(ContentFault::HandTallyBoard);
        }
    }
    Ok(())
}

/// Checks the signature block against the payload exactly as it stands in the file.
fn check_signature(
    payload: &serde_json::Value,
    signature: &serde_json::Value,
) -> Result<Fingerprint, VerifyError> {
    let field = |name: &'static str| {
        signature
            .get(name)
            .and_then(|v| v.as_str())
            .ok_or(VerifyError::DamagedJson(Damage::SignatureField(name)))
    };
    let algorithm = field("algorithm")?;
    if algorithm != SIGNATURE_ALGORITHM {
        return Err(VerifyError::UnknownAlgorithm(algorithm.to_string()));
    }
    let public_key = PublicKey::from_hex(field("public_key")?)
        .ok_or(VerifyError::BadSignature(SignatureFault::PublicKeyNotHex))?;
    let fingerprint = public_key.fingerprint();
    if field("fingerprint")? != fingerprint.as_str() {
        return Err(VerifyError::BadSignature(
            SignatureFault::FingerprintNotTheKeys,
        ));
    }
    let value = from_hex::<64>(field("value")?)
        .ok_or(VerifyError::BadSignature(SignatureFault::ValueNotHex))?;
    let canonical = canonical_json(payload);
    if field("payload_sha256")? != sha256_hex(&canonical) {
        return Err(VerifyError::BadSignature(
            SignatureFault::PayloadHashMismatch,
        ));
    }
    if !public_key.verifies(&canonical, &value) {
        return Err(VerifyError::BadSignature(SignatureFault::DoesNotMatch));
    }
    Ok(fingerprint)
}

/// Every signed field that the recount does not cover must hold what the app writes: the
/// definition and every paper pass the core's checks, papers are numbered 1..n in order, the
/// time is RFC 3339, and the log summary can be the log of these papers.
fn check_content(file: &ResultFile) -> Result<(), VerifyError> {
    let payload = &file.payload;
    let invalid = |fault| Err(VerifyError::InvalidContent(fault));
    let election = &payload.election;
    if election.format != ELECTION_FORMAT {
        return invalid(ContentFault::ElectionFormat(election.format.clone()));
    }
    if let Some(problem) = crate::check_election(election).first() {
        return invalid(ContentFault::Election(problem.clone()));
    }
    // One index of the election for all papers: checking stays linear in the file's size.
    let check = crate::PaperCheck::new(election);
    for (index, entered) in payload.papers.iter().enumerate() {
        if entered.number as usize != index + 1 {
            return invalid(ContentFault::PaperOutOfOrder {
                index,
                number: entered.number,
                count: payload.papers.len(),
            });
        }
        if let Some(problem) = check.check(index, &entered.paper).first() {
            return invalid(ContentFault::Paper {
                number: entered.number,
                problem: problem.clone(),
            });
        }
    }
    if !is_rfc3339(&payload.created) {
        return invalid(ContentFault::Created(payload.created.clone()));
    }
    if !is_sha256_hex(&payload.log.last_hash) {
        return invalid(ContentFault::LastHash);
    }
    // The definition, each paper, each void and each lot is an entry of its own; a reread
    // (double entry) is one entry for at most a void and a paper; the second entry and a board
    // are one entry each.
    let n_voided = payload.papers.iter().filter(|p| !p.is_live()).count() as u64;
    let n_rereads = payload
        .double_entry
        .as_ref()
        .map_or(0, |d| d.resolutions.len() as u64);
    let n_checks =
        u64::from(payload.double_entry.is_some()) + u64::from(payload.hand_tally.is_some());
    let least = (1 + payload.papers.len() as u64 + n_voided).saturating_sub(n_rereads)
        + payload.lots.len() as u64
        + n_checks;
    if payload.log.events < least {
        return invalid(ContentFault::TooFewLogEntries {
            events: payload.log.events,
            least,
        });
    }
    Ok(())
}

/// Each lot must fill its contest's tied seats in the recounted tally ([`crate::lot`]).
fn check_lots(file: &ResultFile, recounted: &Tally) -> Result<(), VerifyError> {
    for lot in &file.payload.lots {
        if let Err(problem) = check_lot_in(recounted, lot) {
            return Err(VerifyError::InvalidContent(ContentFault::Lot {
                contest: lot.contest.clone(),
                problem,
            }));
        }
    }
    Ok(())
}

/// Where two tallies first differ; `None` when equal.
fn first_difference(written: &Tally, recomputed: &Tally) -> Option<TallyFault> {
    if written == recomputed {
        return None;
    }
    if written.status != recomputed.status {
        return Some(TallyFault::Status {
            written: written.status,
            recounted: recomputed.status,
        });
    }
    for (index, recounted) in recomputed.contests.iter().enumerate() {
        match written.contests.get(index) {
            Some(contest) if contest == recounted => {}
            Some(contest) => {
                return Some(TallyFault::Contest(contest.id.clone()));
            }
            None => return Some(TallyFault::MissingContest(recounted.id.clone())),
        }
    }
    Some(TallyFault::Totals)
}
