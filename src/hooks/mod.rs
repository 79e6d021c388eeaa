//! Hooks shared by the pages.

mod use_file_input;
mod use_lang;
mod use_meeting;
mod use_signing_key;

pub use use_file_input::{use_file_input, FileInput};
pub use use_lang::use_lang;
pub use use_meeting::{
    use_meeting, MeetingHandle, MeetingProvider, MeetingProviderProps, RestoreError, Restored,
    WhenOpen,
};
pub use use_signing_key::use_signing_key;
