//! The integration tests, one crate: each module is what was once a test
//! binary of its own (one link instead of twenty-five).

mod common;
mod support;
mod tmux;

mod app;
mod archive;
mod archive_reader;
mod archive_trust;
mod cli;
mod config;
mod e2e_daily;
mod e2e_learner;
mod e2e_tmux;
mod effects;
mod explain;
mod fuzz;
mod hardening;
mod hostile;
mod input;
mod marks;
mod parse_corpus;
mod parse_pages;
mod parse_props;
mod parse_sample;
mod pinyin;
mod print_snapshots;
mod research;
mod research_reader;
mod search;
mod state;
mod traditional;
mod ui_snapshots;
mod user_words;
mod words;
mod wrap;
mod wrap_props;
