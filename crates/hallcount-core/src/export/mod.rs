//! Signed results and the town office: keys (`hallcount/key@2` sealed, `@1` in clear), the signed result
//! (`hallcount/result@1`), verification, trusted keys (`hallcount/trusted@1`) and the roll-up.
//! Formats are documented in `docs/formats.md`. Pure: no clock, no randomness, no IO.

pub mod aggregate;
mod canonical;
pub mod checks;
pub mod csv;
pub mod key;
mod layout;
pub mod result;
pub mod sealed;
pub mod time;
pub mod trusted;
pub mod verify;
mod verify_error;

pub use aggregate::{
    aggregate, BallotFigures, ElectionId, FileReport, FileVerdict, MeetingResult, OfficeResult,
    OfficeTotal, OpenCause, ResultSummary, RollUp, Trust,
};
pub use checks::{DoubleEntryRecord, HandTallyLine, HandTallyRecord, Settled};
pub use csv::roll_up_csv;
pub use key::{Fingerprint, KeyError, KeyFile, PublicKey, SecretText, Signer, KEY_FORMAT};
pub use result::{
    file_name_part, live_papers, result_file_name, AppInfo, LogSummary, ResultFile, ResultInput,
    ResultPayload, SignatureBlock, RESULT_FORMAT,
};
pub use sealed::{
    AnyKeyFile, SealParams, SealRandom, SealedKey, SealedSeed, NONCE_BYTES, SALT_BYTES,
    SEALED_KEY_FORMAT,
};
pub use time::{is_rfc3339, utc_timestamp};
pub use trusted::{TrustProblem, TrustedError, TrustedKeys, TRUSTED_FORMAT};
pub use verify::{verify_result, VerifiedResult, VerifyError, MAX_RESULT_FILE_BYTES};
pub use verify_error::{ContentFault, Damage, SignatureFault, TallyFault};
