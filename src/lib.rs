//! kanbao (看报): a terminal reader for Chinese newspaper page dumps.
//!
//! The library holds everything but the process edge: the page model and
//! its parser, text layout and search, and the terminal interface.

pub mod action;
pub mod app;
pub mod archive;
pub mod concord;
pub mod config;
pub mod dict;
pub mod effects;
pub mod export;
pub mod find;
pub mod keymap;
pub mod layout;
pub mod loader;
pub mod message;
pub mod own_file;
pub mod page;
pub mod state;
pub mod text;
pub mod ui;
pub mod wordfreq;
