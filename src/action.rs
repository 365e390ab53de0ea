//! Everything the user can ask of the reader, as data: the closed set of
//! intents a key can be bound to. Terminal and background events are
//! [`crate::message::Msg`]s that wrap these; only `App::update` acts.

use std::borrow::Cow;
use std::sync::Arc;

use crate::page::{ArticleId, Issue};

use crate::state::{Bookmark, SavedWord};

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Scroll the reading pane one line down.
    ScrollDown,
    /// Scroll the reading pane one line up.
    ScrollUp,
    /// Scroll the reading pane a screenful down.
    PageDown,
    /// Scroll the reading pane a screenful up.
    PageUp,
    /// Scroll the reading pane half a screen down.
    HalfPageDown,
    /// Scroll the reading pane half a screen up.
    HalfPageUp,
    /// Go to the top of the article.
    Top,
    /// Go to the end of the article.
    Bottom,
    /// Open the next article, continuing into the next column.
    NextArticle,
    /// Open the previous article, continuing into the previous column.
    PrevArticle,
    /// Open the first article of the next column.
    NextColumn,
    /// Open the first article of the previous column.
    PrevColumn,
    /// Open the first article of the next issue (the next date of an
    /// archive).
    NextIssue,
    /// Open the first article of the previous issue (date).
    PrevIssue,
    /// Open the first article of column N (1-based) of the current page.
    JumpToColumn(usize),
    /// Move the contents cursor down one article.
    SelectNext,
    /// Move the contents cursor up one article.
    SelectPrev,
    /// Move the contents cursor to the first article.
    SelectFirst,
    /// Move the contents cursor to the last article.
    SelectLast,
    /// Open the article under the contents cursor.
    OpenSelected,
    /// Switch focus between the contents and the reading pane.
    SwitchFocus,
    /// Focus the contents pane.
    FocusContents,
    /// Focus the reading pane.
    FocusReader,
    /// Show or hide the contents pane.
    ToggleContents,
    /// Mark the article (the open one, or the one selected in the
    /// contents) read or unread.
    ToggleRead,
    /// Show half-width punctuation full-width inside Chinese, or as written.
    TogglePunctuation,
    /// Show or hide each article's keywords under its byline.
    ToggleKeywords,
    /// Show or hide the word boundaries in the reading pane.
    ToggleWords,
    /// Show each line's reading (pinyin) above it, or not.
    TogglePinyin,
    /// Copy the open article to the clipboard, as plain text.
    CopyArticle,
    /// Put a word cursor on the first word on screen, with its dictionary
    /// entry beside it.
    StartWordCursor,
    /// Move the word cursor to the next word.
    NextWord,
    /// Move the word cursor to the previous word.
    PrevWord,
    /// Move the word cursor to the word on the line below.
    WordDown,
    /// Move the word cursor to the word on the line above.
    WordUp,
    /// Show the page in traditional characters, or back in simplified.
    ToggleScript,
    /// Take the word cursor away.
    LeaveWordCursor,
    /// Save the word under the cursor to the word list, with its pinyin,
    /// gloss and sentence.
    SaveWord,
    /// Open the prompt that takes an article's number to go to, or a word
    /// (a reading, English) to look up.
    StartGoTo,
    /// Go to the article whose number was typed, or look the word up.
    GoToArticle,
    /// Close the dictionary lookup.
    CloseLookup,
    /// Close the article-number prompt without going anywhere.
    CancelGoTo,
    /// Open the prompt that names a bookmark of the current place.
    StartBookmark,
    /// Save the bookmark under the name typed.
    SaveBookmark,
    /// Close the bookmark prompt without saving.
    CancelBookmark,
    /// Show this input's bookmarks.
    ShowBookmarks,
    /// Move to the next bookmark in the list.
    BookmarkNext,
    /// Move to the previous bookmark in the list.
    BookmarkPrev,
    /// Go to the bookmark under the cursor.
    OpenBookmark,
    /// Delete the bookmark under the cursor.
    DeleteBookmark,
    /// Close the bookmark list.
    CloseBookmarks,
    /// Show or hide the list of keys.
    ToggleHelp,
    /// Close the help overlay.
    CloseHelp,
    /// Leave kanbao.
    Quit,
    /// Hand the terminal back to the shell for a while (Ctrl-z): the shell's
    /// `fg` brings the reader back as it was.
    Suspend,
    /// Open the search prompt for the open article.
    StartSearch,
    /// Open the search prompt for every article of the input.
    StartPageSearch,
    /// Type a character into the prompt.
    InsertChar(char),
    /// Delete the last character of the prompt.
    DeleteChar,
    /// Count only hits on word boundaries, or any hit.
    ToggleWholeWord,
    /// Put the previous query from the history into the prompt.
    HistoryPrev,
    /// Put the next query from the history into the prompt.
    HistoryNext,
    /// Keep the search and close the prompt.
    SubmitSearch,
    /// Drop the search and return to where reading was.
    CancelSearch,
    /// Go to the next hit, wrapping around the article.
    NextHit,
    /// Go to the previous hit, wrapping around the article.
    PrevHit,
    /// Remove the search highlights.
    ClearSearch,
    /// Move to the next page-wide result.
    ResultNext,
    /// Move to the previous page-wide result.
    ResultPrev,
    /// Move to the first page-wide result.
    ResultFirst,
    /// Move to the last page-wide result.
    ResultLast,
    /// Open the article of the selected result at its hit.
    OpenResult,
    /// Close the page-wide results.
    CloseResults,
    /// Show the page-wide results as a concordance (the hits aligned in
    /// one column, where each was printed at the end), or as a list.
    ToggleConcordance,
    /// Order the page-wide results by reading order, by the words after
    /// the hit, or by the words before it.
    CycleResultSort,
    /// List the most frequent words of the input (jieba's words; stop
    /// words, punctuation and numbers left out).
    ShowWordFrequencies,
    /// Move to the next word of the frequency list.
    FrequencyNext,
    /// Move to the previous word of the frequency list.
    FrequencyPrev,
    /// Move to the first word of the frequency list.
    FrequencyFirst,
    /// Move to the last word of the frequency list.
    FrequencyLast,
    /// Count the words of the open article, or of the whole input.
    ToggleFrequencyScope,
    /// Search every article for the word under the frequency list's cursor.
    SearchFrequentWord,
    /// Close the frequency list.
    CloseFrequencies,
}

impl Action {
    /// The name a configuration file gives this action (`next_article`,
    /// `jump_to_column_3`): one arm per variant, so a new action cannot
    /// go without a name, and a renamed variant keeps the one users know.
    pub fn name(&self) -> Cow<'static, str> {
        match self {
            Action::ScrollDown => Cow::Borrowed("scroll_down"),
            Action::ScrollUp => Cow::Borrowed("scroll_up"),
            Action::PageDown => Cow::Borrowed("page_down"),
            Action::PageUp => Cow::Borrowed("page_up"),
            Action::HalfPageDown => Cow::Borrowed("half_page_down"),
            Action::HalfPageUp => Cow::Borrowed("half_page_up"),
            Action::Top => Cow::Borrowed("top"),
            Action::Bottom => Cow::Borrowed("bottom"),
            Action::NextArticle => Cow::Borrowed("next_article"),
            Action::PrevArticle => Cow::Borrowed("prev_article"),
            Action::NextColumn => Cow::Borrowed("next_column"),
            Action::PrevColumn => Cow::Borrowed("prev_column"),
            Action::NextIssue => Cow::Borrowed("next_issue"),
            Action::PrevIssue => Cow::Borrowed("prev_issue"),
            Action::JumpToColumn(n) => Cow::Owned(format!("jump_to_column_{n}")),
            Action::SelectNext => Cow::Borrowed("select_next"),
            Action::SelectPrev => Cow::Borrowed("select_prev"),
            Action::SelectFirst => Cow::Borrowed("select_first"),
            Action::SelectLast => Cow::Borrowed("select_last"),
            Action::OpenSelected => Cow::Borrowed("open_selected"),
            Action::SwitchFocus => Cow::Borrowed("switch_focus"),
            Action::FocusContents => Cow::Borrowed("focus_contents"),
            Action::FocusReader => Cow::Borrowed("focus_reader"),
            Action::ToggleContents => Cow::Borrowed("toggle_contents"),
            Action::ToggleRead => Cow::Borrowed("toggle_read"),
            Action::TogglePunctuation => Cow::Borrowed("toggle_punctuation"),
            Action::ToggleKeywords => Cow::Borrowed("toggle_keywords"),
            Action::ToggleWords => Cow::Borrowed("toggle_words"),
            Action::TogglePinyin => Cow::Borrowed("toggle_pinyin"),
            Action::CopyArticle => Cow::Borrowed("copy_article"),
            Action::StartWordCursor => Cow::Borrowed("start_word_cursor"),
            Action::NextWord => Cow::Borrowed("next_word"),
            Action::PrevWord => Cow::Borrowed("prev_word"),
            Action::WordDown => Cow::Borrowed("word_down"),
            Action::WordUp => Cow::Borrowed("word_up"),
            Action::LeaveWordCursor => Cow::Borrowed("leave_word_cursor"),
            Action::ToggleScript => Cow::Borrowed("toggle_script"),
            Action::SaveWord => Cow::Borrowed("save_word"),
            Action::StartGoTo => Cow::Borrowed("start_go_to"),
            Action::GoToArticle => Cow::Borrowed("go_to_article"),
            Action::CancelGoTo => Cow::Borrowed("cancel_go_to"),
            Action::CloseLookup => Cow::Borrowed("close_lookup"),
            Action::StartBookmark => Cow::Borrowed("start_bookmark"),
            Action::SaveBookmark => Cow::Borrowed("save_bookmark"),
            Action::CancelBookmark => Cow::Borrowed("cancel_bookmark"),
            Action::ShowBookmarks => Cow::Borrowed("show_bookmarks"),
            Action::BookmarkNext => Cow::Borrowed("bookmark_next"),
            Action::BookmarkPrev => Cow::Borrowed("bookmark_prev"),
            Action::OpenBookmark => Cow::Borrowed("open_bookmark"),
            Action::DeleteBookmark => Cow::Borrowed("delete_bookmark"),
            Action::CloseBookmarks => Cow::Borrowed("close_bookmarks"),
            Action::ToggleHelp => Cow::Borrowed("toggle_help"),
            Action::CloseHelp => Cow::Borrowed("close_help"),
            Action::Quit => Cow::Borrowed("quit"),
            Action::Suspend => Cow::Borrowed("suspend"),
            Action::StartSearch => Cow::Borrowed("start_search"),
            Action::StartPageSearch => Cow::Borrowed("start_page_search"),
            Action::InsertChar(_) => Cow::Borrowed("insert_char"),
            Action::DeleteChar => Cow::Borrowed("delete_char"),
            Action::ToggleWholeWord => Cow::Borrowed("toggle_whole_word"),
            Action::HistoryPrev => Cow::Borrowed("history_prev"),
            Action::HistoryNext => Cow::Borrowed("history_next"),
            Action::SubmitSearch => Cow::Borrowed("submit_search"),
            Action::CancelSearch => Cow::Borrowed("cancel_search"),
            Action::NextHit => Cow::Borrowed("next_hit"),
            Action::PrevHit => Cow::Borrowed("prev_hit"),
            Action::ClearSearch => Cow::Borrowed("clear_search"),
            Action::ResultNext => Cow::Borrowed("result_next"),
            Action::ResultPrev => Cow::Borrowed("result_prev"),
            Action::ResultFirst => Cow::Borrowed("result_first"),
            Action::ResultLast => Cow::Borrowed("result_last"),
            Action::OpenResult => Cow::Borrowed("open_result"),
            Action::CloseResults => Cow::Borrowed("close_results"),
            Action::ToggleConcordance => Cow::Borrowed("toggle_concordance"),
            Action::CycleResultSort => Cow::Borrowed("cycle_result_sort"),
            Action::ShowWordFrequencies => Cow::Borrowed("show_word_frequencies"),
            Action::FrequencyNext => Cow::Borrowed("frequency_next"),
            Action::FrequencyPrev => Cow::Borrowed("frequency_prev"),
            Action::FrequencyFirst => Cow::Borrowed("frequency_first"),
            Action::FrequencyLast => Cow::Borrowed("frequency_last"),
            Action::ToggleFrequencyScope => Cow::Borrowed("toggle_frequency_scope"),
            Action::SearchFrequentWord => Cow::Borrowed("search_frequent_word"),
            Action::CloseFrequencies => Cow::Borrowed("close_frequencies"),
        }
    }
}

/// What `App::update` asks of the world outside it; the terminal loop
/// carries these out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put text on the clipboard (through the terminal, OSC 52).
    Copy(String),
    /// Restore the terminal, stop the process, and take the terminal back
    /// when it continues.
    Suspend,
    /// Say, after a few seconds, that the status message with this serial
    /// has been read ([`crate::message::Msg::MessageExpired`]).
    ExpireMessage { serial: u64 },
    /// Record a bookmark of the input with this key in the state file.
    AddBookmark { key: String, bookmark: Bookmark },
    /// Remove a bookmark of the input with this key from the state file.
    RemoveBookmark { key: String, bookmark: Bookmark },
    /// Add a word to the word list in the state file.
    SaveWord(SavedWord),
    /// Load the dictionary in the background and say when it is there
    /// ([`crate::message::Msg::DictionaryLoaded`]).
    LoadDictionary,
    /// Count the words of these articles (all of the issue's with `None`)
    /// in the background, and report the most frequent
    /// ([`crate::message::Msg::WordCounts`], with this generation).
    CountWords {
        issue: Arc<Issue>,
        articles: Option<Vec<ArticleId>>,
        /// How many of the most frequent words to report.
        top: usize,
        generation: u64,
    },
    /// Read and parse these pages (an archive's issue) in the background
    /// ([`crate::message::Msg::IssueOpened`], then its keywords, with this
    /// generation).
    OpenIssue {
        files: Vec<std::path::PathBuf>,
        generation: u64,
    },
}
