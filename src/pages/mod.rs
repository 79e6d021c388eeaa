//! One component per screen.

mod board;
mod entry;
mod results;
mod setup;

pub use board::BoardPage;
pub use entry::EntryPage;
pub use results::ResultsPage;
pub use setup::SetupPage;
