//! The default bindings: one row per key, mode, action and description.
//! Configuration may rebind actions (see [`super::Keymap::with_overrides`]).

use super::binding::{Binding, Mode, bind};
use super::key::{Key, KeyCode};
use crate::action::Action;

use KeyCode as K;
use Mode::{
    Bookmarks, Contents, Frequencies, Global, GoTo, Help, Lookup, Naming, Prompt, Reader, Results,
    Word,
};

pub(super) const SCROLL_DOWN: &str = "scroll down a line";
const SCROLL_UP: &str = "scroll up a line";
const PAGE_DOWN: &str = "scroll down a page";
const PAGE_UP: &str = "scroll up a page";
const HALF_DOWN: &str = "scroll down half a page";
const HALF_UP: &str = "scroll up half a page";
const TOP: &str = "go to the top";
const BOTTOM: &str = "go to the end";
const NEXT: &str = "move to the next article";
const PREV: &str = "move to the previous article";
pub(super) const COLUMN: &str = "open the first article of column N";
const OPEN: &str = "open the article or issue under the cursor";
const QUIT: &str = "quit";
const HELP: &str = "show or hide this help";
const SEARCH_ALL: &str = "search every article";

/// Every key binding, in the order the help overlay lists them.
#[rustfmt::skip]
pub static KEYMAP: &[Binding] = &[
    // Reading pane.
    bind(Key::ch('j'), Reader, Action::ScrollDown, SCROLL_DOWN),
    bind(Key::plain(K::Down), Reader, Action::ScrollDown, SCROLL_DOWN),
    bind(Key::ch('k'), Reader, Action::ScrollUp, SCROLL_UP),
    bind(Key::plain(K::Up), Reader, Action::ScrollUp, SCROLL_UP),
    bind(Key::ch(' '), Reader, Action::PageDown, PAGE_DOWN),
    bind(Key::plain(K::PageDown), Reader, Action::PageDown, PAGE_DOWN),
    bind(Key::ch('b'), Reader, Action::PageUp, PAGE_UP),
    bind(Key::plain(K::PageUp), Reader, Action::PageUp, PAGE_UP),
    bind(Key::ctrl('d'), Reader, Action::HalfPageDown, HALF_DOWN),
    bind(Key::ctrl('u'), Reader, Action::HalfPageUp, HALF_UP),
    bind(Key::ch('g'), Reader, Action::Top, TOP),
    bind(Key::plain(K::Home), Reader, Action::Top, TOP),
    bind(Key::ch('G'), Reader, Action::Bottom, BOTTOM),
    bind(Key::plain(K::End), Reader, Action::Bottom, BOTTOM),
    bind(Key::ch('/'), Reader, Action::StartSearch, "search the article"),
    bind(Key::plain(K::Esc), Reader, Action::ClearSearch, "clear the search highlights"),
    bind(Key::ch('v'), Reader, Action::StartWordCursor, "word cursor, with the dictionary (for learners)"),
    // Contents pane.
    bind(Key::ch('j'), Contents, Action::SelectNext, "move the cursor down"),
    bind(Key::plain(K::Down), Contents, Action::SelectNext, "move the cursor down"),
    bind(Key::ch('k'), Contents, Action::SelectPrev, "move the cursor up"),
    bind(Key::plain(K::Up), Contents, Action::SelectPrev, "move the cursor up"),
    bind(Key::ch('g'), Contents, Action::SelectFirst, "move the cursor to the first article"),
    bind(Key::plain(K::Home), Contents, Action::SelectFirst, "move the cursor to the first article"),
    bind(Key::ch('G'), Contents, Action::SelectLast, "move the cursor to the last article"),
    bind(Key::plain(K::End), Contents, Action::SelectLast, "move the cursor to the last article"),
    bind(Key::plain(K::Enter), Contents, Action::OpenSelected, OPEN),
    bind(Key::ch('l'), Contents, Action::OpenSelected, OPEN),
    bind(Key::plain(K::Right), Contents, Action::OpenSelected, OPEN),
    bind(Key::plain(K::Esc), Contents, Action::FocusReader, "back to the reading pane"),
    // Everywhere.
    bind(Key::ch(']'), Global, Action::NextArticle, NEXT),
    bind(Key::ch('['), Global, Action::PrevArticle, PREV),
    bind(Key::ch('n'), Global, Action::NextHit, "go to the next hit"),
    bind(Key::ch('N'), Global, Action::PrevHit, "go to the previous hit"),
    bind(Key::ch('s'), Global, Action::StartPageSearch, SEARCH_ALL),
    bind(Key::ctrl('f'), Global, Action::StartPageSearch, SEARCH_ALL),
    bind(Key::ch('}'), Global, Action::NextColumn, "move to the next column"),
    bind(Key::ch('{'), Global, Action::PrevColumn, "move to the previous column"),
    bind(Key::ch(')'), Global, Action::NextIssue, "move to the next issue (date)"),
    bind(Key::ch('('), Global, Action::PrevIssue, "move to the previous issue (date)"),
    bind(Key::ch('1'), Global, Action::JumpToColumn(1), COLUMN),
    bind(Key::ch('2'), Global, Action::JumpToColumn(2), COLUMN),
    bind(Key::ch('3'), Global, Action::JumpToColumn(3), COLUMN),
    bind(Key::ch('4'), Global, Action::JumpToColumn(4), COLUMN),
    bind(Key::ch('5'), Global, Action::JumpToColumn(5), COLUMN),
    bind(Key::ch('6'), Global, Action::JumpToColumn(6), COLUMN),
    bind(Key::ch('7'), Global, Action::JumpToColumn(7), COLUMN),
    bind(Key::ch('8'), Global, Action::JumpToColumn(8), COLUMN),
    bind(Key::ch('9'), Global, Action::JumpToColumn(9), COLUMN),
    bind(Key::plain(K::Tab), Global, Action::SwitchFocus, "switch between contents and reading"),
    bind(Key::plain(K::BackTab), Global, Action::SwitchFocus, "switch between contents and reading"),
    bind(Key::ch('h'), Global, Action::FocusContents, "focus the contents"),
    bind(Key::plain(K::Left), Global, Action::FocusContents, "focus the contents"),
    bind(Key::ch('l'), Global, Action::FocusReader, "focus the reading pane"),
    bind(Key::plain(K::Right), Global, Action::FocusReader, "focus the reading pane"),
    bind(Key::ch('t'), Global, Action::ToggleContents, "show or hide the contents"),
    bind(Key::ch('u'), Reader, Action::ToggleRead, "mark the article read or unread"),
    bind(Key::ch('u'), Contents, Action::ToggleRead, "mark the article read or unread"),
    bind(Key::ch(','), Global, Action::TogglePunctuation, "full-width punctuation on or off"),
    bind(Key::ch('T'), Global, Action::ToggleScript, "traditional characters (繁體) or simplified (简体)"),
    bind(Key::ch('K'), Global, Action::ToggleKeywords, "keywords under the byline on or off"),
    bind(Key::ch('F'), Global, Action::ShowWordFrequencies, "the most frequent words (for researchers)"),
    bind(Key::ch('w'), Global, Action::ToggleWords, "word boundaries on or off (underlined)"),
    bind(Key::ch('p'), Global, Action::TogglePinyin, "pinyin above the text on or off (for learners)"),
    bind(Key::ch('y'), Global, Action::CopyArticle, "copy the article to the clipboard"),
    bind(Key::ch(':'), Global, Action::StartGoTo, "go to article N, or look up a word"),
    bind(Key::ch('m'), Global, Action::StartBookmark, "bookmark this place (type a name or just Enter)"),
    bind(Key::ch('\''), Global, Action::ShowBookmarks, "list the bookmarks of this input"),
    bind(Key::ch('?'), Global, Action::ToggleHelp, HELP),
    bind(Key::ch('q'), Global, Action::Quit, QUIT),
    bind(Key::ctrl('z'), Global, Action::Suspend, "suspend to the shell (fg to come back)"),
    bind(Key::ctrl('c'), Global, Action::Quit, QUIT),
    // Search prompt: other characters are typed into it.
    bind(Key::plain(K::Enter), Prompt, Action::SubmitSearch, "keep the search"),
    bind(Key::plain(K::Esc), Prompt, Action::CancelSearch, "cancel, back to where you were"),
    bind(Key::plain(K::Backspace), Prompt, Action::DeleteChar, "delete a character"),
    bind(Key::ctrl('w'), Prompt, Action::ToggleWholeWord, "whole words only, on or off"),
    bind(Key::plain(K::Up), Prompt, Action::HistoryPrev, "previous query"),
    bind(Key::plain(K::Down), Prompt, Action::HistoryNext, "next query"),
    // Page-wide results.
    bind(Key::ch('j'), Results, Action::ResultNext, "next result"),
    bind(Key::plain(K::Down), Results, Action::ResultNext, "next result"),
    bind(Key::ch('k'), Results, Action::ResultPrev, "previous result"),
    bind(Key::plain(K::Up), Results, Action::ResultPrev, "previous result"),
    bind(Key::ch('g'), Results, Action::ResultFirst, "first result"),
    bind(Key::plain(K::Home), Results, Action::ResultFirst, "first result"),
    bind(Key::ch('G'), Results, Action::ResultLast, "last result"),
    bind(Key::plain(K::End), Results, Action::ResultLast, "last result"),
    bind(Key::plain(K::Enter), Results, Action::OpenResult, "read the article at this hit"),
    bind(Key::plain(K::Esc), Results, Action::CloseResults, "close the results"),
    bind(Key::ch('q'), Results, Action::CloseResults, "close the results"),
    bind(Key::ch('c'), Results, Action::ToggleConcordance, "concordance (the hits aligned), or the list"),
    bind(Key::ch('o'), Results, Action::CycleResultSort, "sort: as read, by the words after, or before"),
    // Word frequencies.
    bind(Key::ch('j'), Frequencies, Action::FrequencyNext, "next word"),
    bind(Key::plain(K::Down), Frequencies, Action::FrequencyNext, "next word"),
    bind(Key::ch('k'), Frequencies, Action::FrequencyPrev, "previous word"),
    bind(Key::plain(K::Up), Frequencies, Action::FrequencyPrev, "previous word"),
    bind(Key::ch('g'), Frequencies, Action::FrequencyFirst, "first word"),
    bind(Key::plain(K::Home), Frequencies, Action::FrequencyFirst, "first word"),
    bind(Key::ch('G'), Frequencies, Action::FrequencyLast, "last word"),
    bind(Key::plain(K::End), Frequencies, Action::FrequencyLast, "last word"),
    bind(Key::ch('a'), Frequencies, Action::ToggleFrequencyScope, "this article's words, or the whole input's"),
    bind(Key::plain(K::Enter), Frequencies, Action::SearchFrequentWord, "search every article for the word"),
    bind(Key::plain(K::Esc), Frequencies, Action::CloseFrequencies, "close the list"),
    bind(Key::ch('q'), Frequencies, Action::CloseFrequencies, "close the list"),
    bind(Key::ch('F'), Frequencies, Action::CloseFrequencies, "close the list"),
    // Word cursor: the view follows it; the dictionary entry stands beside it.
    bind(Key::ch('l'), Word, Action::NextWord, "next word"),
    bind(Key::plain(K::Right), Word, Action::NextWord, "next word"),
    bind(Key::ch('h'), Word, Action::PrevWord, "previous word"),
    bind(Key::plain(K::Left), Word, Action::PrevWord, "previous word"),
    bind(Key::ch('j'), Word, Action::WordDown, "the word on the line below"),
    bind(Key::plain(K::Down), Word, Action::WordDown, "the word on the line below"),
    bind(Key::ch('k'), Word, Action::WordUp, "the word on the line above"),
    bind(Key::plain(K::Up), Word, Action::WordUp, "the word on the line above"),
    bind(Key::plain(K::Enter), Word, Action::SaveWord, "save the word to your word list (kanbao --words)"),
    bind(Key::ch('a'), Word, Action::SaveWord, "save the word to your word list (kanbao --words)"),
    bind(Key::plain(K::Esc), Word, Action::LeaveWordCursor, "leave the word cursor"),
    bind(Key::ch('v'), Word, Action::LeaveWordCursor, "leave the word cursor"),
    // Article number or lookup prompt: other characters are typed into it.
    bind(Key::plain(K::Enter), GoTo, Action::GoToArticle, "go to the article, or look the word up"),
    bind(Key::plain(K::Esc), GoTo, Action::CancelGoTo, "cancel"),
    bind(Key::plain(K::Backspace), GoTo, Action::DeleteChar, "delete a character"),
    // The dictionary's answer to a lookup.
    bind(Key::ch('j'), Lookup, Action::ScrollDown, SCROLL_DOWN),
    bind(Key::plain(K::Down), Lookup, Action::ScrollDown, SCROLL_DOWN),
    bind(Key::ch('k'), Lookup, Action::ScrollUp, SCROLL_UP),
    bind(Key::plain(K::Up), Lookup, Action::ScrollUp, SCROLL_UP),
    bind(Key::ch(' '), Lookup, Action::PageDown, PAGE_DOWN),
    bind(Key::plain(K::PageDown), Lookup, Action::PageDown, PAGE_DOWN),
    bind(Key::ch('b'), Lookup, Action::PageUp, PAGE_UP),
    bind(Key::plain(K::PageUp), Lookup, Action::PageUp, PAGE_UP),
    bind(Key::ch('g'), Lookup, Action::Top, TOP),
    bind(Key::plain(K::Home), Lookup, Action::Top, TOP),
    bind(Key::ch('G'), Lookup, Action::Bottom, BOTTOM),
    bind(Key::plain(K::End), Lookup, Action::Bottom, BOTTOM),
    bind(Key::ch(':'), Lookup, Action::StartGoTo, "look up another word"),
    bind(Key::plain(K::Esc), Lookup, Action::CloseLookup, "close the lookup"),
    bind(Key::ch('q'), Lookup, Action::CloseLookup, "close the lookup"),
    // Bookmark name prompt: other characters are typed into it.
    bind(Key::plain(K::Enter), Naming, Action::SaveBookmark, "save the bookmark"),
    bind(Key::plain(K::Esc), Naming, Action::CancelBookmark, "cancel"),
    bind(Key::plain(K::Backspace), Naming, Action::DeleteChar, "delete a character"),
    // Bookmark list.
    bind(Key::ch('j'), Bookmarks, Action::BookmarkNext, "next bookmark"),
    bind(Key::plain(K::Down), Bookmarks, Action::BookmarkNext, "next bookmark"),
    bind(Key::ch('k'), Bookmarks, Action::BookmarkPrev, "previous bookmark"),
    bind(Key::plain(K::Up), Bookmarks, Action::BookmarkPrev, "previous bookmark"),
    bind(Key::plain(K::Enter), Bookmarks, Action::OpenBookmark, "go to the bookmark"),
    bind(Key::ch('d'), Bookmarks, Action::DeleteBookmark, "delete the bookmark"),
    bind(Key::plain(K::Esc), Bookmarks, Action::CloseBookmarks, "close the list"),
    bind(Key::ch('q'), Bookmarks, Action::CloseBookmarks, "close the list"),
    bind(Key::ch('\''), Bookmarks, Action::CloseBookmarks, "close the list"),
    // Help overlay: any other key closes it.
    bind(Key::plain(K::Esc), Help, Action::CloseHelp, "close the help"),
    bind(Key::ch('q'), Help, Action::CloseHelp, "close the help"),
    bind(Key::ch('?'), Help, Action::CloseHelp, "close the help"),
    bind(Key::ch('j'), Help, Action::ScrollDown, SCROLL_DOWN),
    bind(Key::plain(K::Down), Help, Action::ScrollDown, SCROLL_DOWN),
    bind(Key::ch('k'), Help, Action::ScrollUp, SCROLL_UP),
    bind(Key::plain(K::Up), Help, Action::ScrollUp, SCROLL_UP),
    bind(Key::ch(' '), Help, Action::PageDown, PAGE_DOWN),
    bind(Key::plain(K::PageDown), Help, Action::PageDown, PAGE_DOWN),
    bind(Key::ch('b'), Help, Action::PageUp, PAGE_UP),
    bind(Key::plain(K::PageUp), Help, Action::PageUp, PAGE_UP),
    bind(Key::ctrl('d'), Help, Action::HalfPageDown, HALF_DOWN),
    bind(Key::ctrl('u'), Help, Action::HalfPageUp, HALF_UP),
    bind(Key::ch('g'), Help, Action::Top, TOP),
    bind(Key::plain(K::Home), Help, Action::Top, TOP),
    bind(Key::ch('G'), Help, Action::Bottom, BOTTOM),
    bind(Key::plain(K::End), Help, Action::Bottom, BOTTOM),
];
