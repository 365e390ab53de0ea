//! Carries out a user intent: the one `match` over [`Action`], each arm a
//! call into the module of its concern. Part of `App::update`.

use super::{App, Focus, FrequencyScope, Overlay, Scope};
use crate::action::{Action, Effect};
use crate::keymap::Mode;

impl App {
    /// Carries out a user intent.
    pub(super) fn act(&mut self, action: Action) {
        let page = self.text_height();
        let half = (page / 2).max(1);
        match action {
            Action::ScrollDown
            | Action::ScrollUp
            | Action::PageDown
            | Action::PageUp
            | Action::HalfPageDown
            | Action::HalfPageUp
            | Action::Top
            | Action::Bottom
                if matches!(self.mode(), Mode::Help | Mode::Lookup) =>
            {
                if self.mode() == Mode::Help {
                    self.scroll_help(&action);
                } else {
                    self.scroll_lookup(&action);
                }
            }
            Action::ScrollDown => self.reading.scroll_by(1, page),
            Action::ScrollUp => self.reading.scroll_by(-1, page),
            // At the end of an article a page down goes on to the next one.
            Action::PageDown if self.reading.scroll >= self.reading.max_scroll(page) => {
                self.continue_reading();
            }
            Action::PageDown => self
                .reading
                .scroll_by(page.saturating_sub(1).max(1) as isize, page),
            Action::PageUp => self
                .reading
                .scroll_by(-(page.saturating_sub(1).max(1) as isize), page),
            Action::HalfPageDown => self.reading.scroll_by(half as isize, page),
            Action::HalfPageUp => self.reading.scroll_by(-(half as isize), page),
            Action::Top => self.reading.scroll_to(0, page),
            Action::Bottom => self.reading.scroll_to(usize::MAX, page),
            Action::NextArticle => self.step_article(1),
            Action::PrevArticle => self.step_article(-1),
            Action::NextColumn => self.step_column(1),
            Action::PrevColumn => self.step_column(-1),
            Action::NextIssue => self.step_issue(1),
            Action::PrevIssue => self.step_issue(-1),
            Action::JumpToColumn(n) => self.jump_to_column(n),
            Action::SelectNext => self.contents.step(1, self.contents_height()),
            Action::SelectPrev => self.contents.step(-1, self.contents_height()),
            Action::SelectFirst => self.contents.first(self.contents_height()),
            Action::SelectLast => self.contents.last(self.contents_height()),
            Action::OpenSelected => {
                if let Some(k) = self.contents.selected_issue() {
                    self.ask_issue(k);
                } else if let Some(id) = self.contents.selected() {
                    self.open(id);
                    self.focus_reader();
                }
            }
            Action::SwitchFocus => match self.mode() {
                Mode::Contents => self.focus_reader(),
                _ => self.focus_contents(),
            },
            Action::FocusContents => self.focus_contents(),
            Action::FocusReader => self.focus_reader(),
            Action::ToggleContents => {
                if self.panes.contents.is_some() {
                    self.set_contents(false);
                    self.focus = Focus::Reader;
                } else {
                    self.focus_contents();
                }
            }
            Action::TogglePunctuation => self.toggle_punctuation(),
            Action::ToggleScript => self.toggle_script(),
            Action::ToggleKeywords => self.toggle_keywords(),
            Action::ToggleWords => self.toggle_words(),
            Action::TogglePinyin => self.toggle_pinyin(),
            Action::ToggleHelp => self.toggle_help(),
            Action::CloseHelp => self.close_help(),
            Action::Quit => self.exit = super::Exit::Quit,
            Action::Suspend => self.effects.push(Effect::Suspend),
            Action::ToggleRead => self.toggle_read(),
            Action::StartSearch => self.start_search(Scope::Article),
            Action::StartPageSearch => self.start_search(Scope::Issue),
            Action::InsertChar(c) => self.edit_input(|s| s.push(c)),
            Action::DeleteChar => self.edit_input(|s| {
                s.pop();
            }),
            Action::CopyArticle => self.copy_article(),
            Action::StartWordCursor => self.start_word_cursor(),
            Action::NextWord => self.step_word(true),
            Action::PrevWord => self.step_word(false),
            Action::WordDown => self.step_word_line(true),
            Action::WordUp => self.step_word_line(false),
            Action::SaveWord => self.save_word(),
            Action::LeaveWordCursor => {
                self.close_overlay_if(|o| matches!(o, Overlay::Word(_)));
            }
            Action::StartGoTo => self.overlay = Some(Overlay::GoTo(String::new())),
            Action::GoToArticle => self.go_to_or_look_up(),
            Action::CloseLookup => self.close_overlay_if(|o| matches!(o, Overlay::Lookup(_))),
            Action::CancelGoTo => self.close_overlay_if(|o| matches!(o, Overlay::GoTo(_))),
            Action::StartBookmark => self.start_bookmark(),
            Action::SaveBookmark => self.save_bookmark(),
            Action::CancelBookmark => self.close_overlay_if(|o| matches!(o, Overlay::Naming(_))),
            Action::ShowBookmarks => self.show_bookmarks(),
            Action::BookmarkNext => self.step_bookmark(1),
            Action::BookmarkPrev => self.step_bookmark(-1),
            Action::OpenBookmark => self.open_bookmark(),
            Action::DeleteBookmark => self.delete_bookmark(),
            Action::CloseBookmarks => {
                self.close_overlay_if(|o| matches!(o, Overlay::Bookmarks { .. }));
            }
            Action::ToggleWholeWord => {
                self.edit_search(|s| s.whole_word = !s.whole_word);
                if self.search.whole_word && self.seg.is_none() {
                    self.message = Some(
                        "word boundaries are still loading; whole-word applies in a moment"
                            .to_owned(),
                    );
                }
            }
            Action::HistoryPrev => self.history_step(true),
            Action::HistoryNext => self.history_step(false),
            Action::SubmitSearch => self.submit_search(),
            Action::CancelSearch => self.cancel_search(),
            Action::NextHit => self.step_hit(true),
            Action::PrevHit => self.step_hit(false),
            Action::ClearSearch => self.clear_search(),
            Action::ResultNext => self.step_result(1),
            Action::ResultPrev => self.step_result(-1),
            Action::ResultFirst => self.step_result(isize::MIN),
            Action::ResultLast => self.step_result(isize::MAX),
            Action::OpenResult => self.open_result(),
            Action::CloseResults => self.close_overlay_if(|o| matches!(o, Overlay::Results(_))),
            Action::ToggleConcordance => self.toggle_concordance(),
            Action::CycleResultSort => self.cycle_result_sort(),
            Action::ShowWordFrequencies => self.show_frequencies(FrequencyScope::Issue),
            Action::FrequencyNext => self.step_frequency(1),
            Action::FrequencyPrev => self.step_frequency(-1),
            Action::FrequencyFirst => self.step_frequency(isize::MIN),
            Action::FrequencyLast => self.step_frequency(isize::MAX),
            Action::ToggleFrequencyScope => self.toggle_frequency_scope(),
            Action::SearchFrequentWord => self.search_frequent_word(),
            Action::CloseFrequencies => {
                self.close_overlay_if(|o| matches!(o, Overlay::Frequencies(_)));
            }
        }
    }
}
