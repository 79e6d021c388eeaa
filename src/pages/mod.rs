//! One component per screen, but Help: a function of the language alone.

mod board;
mod checks;
pub(crate) mod entry;
mod help;
mod papers;
mod results;
pub mod second_entry;
mod setup;
mod town;

pub use board::BoardPage;
pub use checks::ChecksPage;
pub use entry::EntryPage;
pub use help::help_page;
pub use papers::PapersPage;
pub use results::ResultsPage;
pub use setup::SetupPage;
pub use town::TownPage;
