//! `hallcount keygen -o KEY [--label TEXT] [--from OLD_KEY] [--passphrase-file FILE]`: a new
//! signing key from the system's secure random source, or the key of a clear `hallcount/key@1`
//! file (`--from`), written sealed under a passphrase as `hallcount/key@2` (the same file as the
//! app's key backup).

use hallcount_core::export::{
    utc_timestamp, AnyKeyFile, SealParams, SealRandom, SealedKey, NONCE_BYTES, SALT_BYTES,
};
use hallcount_core::FileKind;
use zeroize::Zeroizing;

use super::args::{long, Args};
use super::inputs::read_text;
use super::output::{now_unix_seconds, write_new_file, OUTPUT};
use super::passphrase::{passphrase, Ask, PASSPHRASE_FILE};
use super::{say, shown, CliError};

pub fn run(parser: &mut lexopt::Parser) -> Result<(), CliError> {
    let args = Args::parse(
        parser,
        &[OUTPUT, long("label"), long("from"), long(PASSPHRASE_FILE)],
    )?;
    if !args.positional.is_empty() {
        return Err(CliError::usage("keygen takes no positional argument"));
    }
    let output = args
        .path("output")
        .ok_or_else(|| CliError::usage("keygen needs -o KEY"))?;
    let label = args.text("label")?;
    let passphrase = passphrase(args.path(PASSPHRASE_FILE), Ask::Twice)?;
    let mut salt = [0u8; SALT_BYTES];
    let mut nonce = [0u8; NONCE_BYTES];
    random(&mut salt)?;
    random(&mut nonce)?;
    let random_bytes = SealRandom { salt, nonce };
    let params = SealParams::RECOMMENDED;

    let key = match args.path("from") {
        None => {
            let mut seed = Zeroizing::new([0u8; 32]);
            random(seed.as_mut_slice())?;
            let created = utc_timestamp(now_unix_seconds());
            SealedKey::seal(
                &seed,
                &passphrase,
                params,
                &random_bytes,
                label.unwrap_or(""),
                &created,
            )
        }
        Some(old) => {
            let text = Zeroizing::new(read_text(old, FileKind::Key)?);
            match AnyKeyFile::parse(&text).map_err(|e| CliError::in_file(old, e))? {
                AnyKeyFile::Clear(mut clear, _) => {
                    if let Some(label) = label {
                        clear.label = label.to_string();
                    }
                    SealedKey::seal_clear(&clear, &passphrase, params, &random_bytes)
                }
                AnyKeyFile::Sealed(_) => {
                    return Err(CliError::in_file(
                        old,
                        "already a sealed key (hallcount/key@2)",
                    ))
                }
            }
        }
    }
    .map_err(CliError::input)?;
    write_new_file(output, key.to_json().as_bytes(), true)?;
    say::line(&format!(
        "{}: key {} (sealed)",
        shown(output),
        key.fingerprint
    ))
}

fn random(bytes: &mut [u8]) -> Result<(), CliError> {
    getrandom::getrandom(bytes)
        .map_err(|e| CliError::input(format!("no secure random source: {e}")))
}
