//! The terminal view: draws an `&App` with ratatui, and the loop that
//! feeds terminal events to `App::update`. The only place ratatui and
//! crossterm are used.

mod contents;
mod definition;
mod event;
mod frequencies;
mod help;
mod lookup;
mod marks;
mod popup;
mod reader;
mod results;
mod screen;
mod status;
mod style;
mod terminal;

pub use screen::draw;
pub use terminal::run;
