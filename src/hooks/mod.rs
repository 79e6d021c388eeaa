//! Hooks shared by the pages.

mod use_meeting;

pub use use_meeting::{use_meeting, MeetingHandle, MeetingProvider, MeetingProviderProps};
