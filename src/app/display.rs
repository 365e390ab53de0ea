//! How the reader shows text: settings from the configuration file, the
//! toggles (punctuation, keywords, word view), keywords as they arrive,
//! and copying the article out. Part of `App::update`.

use super::{App, MAX_MEASURE, Widths};
use crate::action::{Action, Effect};
use crate::config::Config;
use crate::keymap::{Keymap, Mode};
use crate::page::ArticleId;

impl App {
    /// Takes the settings of a configuration file (and the keymap built
    /// from its overrides).
    pub fn configure(&mut self, config: &Config, keymap: Keymap) {
        self.theme = config.theme;
        self.options.indent = config.indent;
        self.options.display.fullwidth_punct = config.fullwidth_punctuation;
        self.options.display.traditional = config.traditional;
        self.options.keywords = config.keywords;
        self.options.pinyin = config.pinyin;
        self.tones = config.tone_colours;
        self.widths = Widths {
            contents: config.contents_width,
            // Characters of two cells each.
            text: config
                .max_width
                .map_or(MAX_MEASURE, |w| w.saturating_mul(2)),
        };
        self.help = keymap.help_entries();
        self.hints = super::Hints::of(&keymap);
        self.keymap = keymap;
        let (width, height) = self.panes.size;
        self.resize(width, height);
    }

    /// T: the page in the other script, character by character — a
    /// simplified page in traditional characters, a traditional page in
    /// simplified ones — and back to the script it is written in.
    pub(super) fn toggle_script(&mut self) {
        let key = self.keymap.key_for(&Action::ToggleScript, Mode::Reader);
        let display = &mut self.options.display;
        let message = if self.written_traditional {
            display.traditional = false;
            display.simplified = !display.simplified;
            if display.simplified {
                format!("simplified characters (简体) — {key} for traditional, as written")
            } else {
                format!("traditional characters, as written (繁體) — {key} for simplified")
            }
        } else {
            display.simplified = false;
            display.traditional = !display.traditional;
            if display.traditional {
                format!("traditional characters (繁體) — {key} for simplified, as written")
            } else {
                format!("simplified characters, as written (简体) — {key} for traditional")
            }
        };
        self.message = Some(message);
        self.relayout();
    }

    /// Notes which script the model is written in (its first page's), for
    /// `T`; a traditional page is never shown "in traditional characters".
    pub(super) fn note_script(&mut self) {
        self.written_traditional = self
            .issue
            .pages
            .first()
            .is_some_and(|p| crate::text::script::mostly_traditional(&p.text));
        if self.written_traditional {
            self.options.display.traditional = false;
        } else {
            self.options.display.simplified = false;
        }
    }

    pub(super) fn toggle_punctuation(&mut self) {
        let display = &mut self.options.display;
        display.fullwidth_punct = !display.fullwidth_punct;
        self.message = Some(if display.fullwidth_punct {
            "punctuation shown full-width inside Chinese".to_owned()
        } else {
            "punctuation shown as written".to_owned()
        });
        self.relayout();
    }

    pub(super) fn take_keywords(&mut self, batch: Vec<(ArticleId, Vec<String>)>) {
        let open = self.reading.article;
        for (id, words) in batch {
            self.cache.forget(id);
            self.keywords.insert(id, words);
        }
        if self.keywords.contains_key(&open) && self.options.keywords {
            self.relayout();
            // The lines they add may push the current hit off screen.
            self.reveal_hit();
        }
    }

    pub(super) fn toggle_keywords(&mut self) {
        self.options.keywords = !self.options.keywords;
        self.relayout();
        if self.options.keywords && !self.keywords.contains_key(&self.reading.article) {
            self.message = Some("keywords are still being worked out".to_owned());
        }
    }

    pub(super) fn toggle_words(&mut self) {
        self.words_view = !self.words_view;
        if self.words_view && self.seg.is_none() {
            self.message =
                Some("word boundaries are still loading; they appear in a moment".to_owned());
        }
    }

    pub(super) fn copy_article(&mut self) {
        let Some(article) = self.article() else {
            return;
        };
        let text = crate::export::plain_article(article, self.options.display);
        self.message = Some(format!(
            "sent “{}” to the terminal's clipboard",
            article.display_title()
        ));
        self.effects.push(Effect::Copy(text));
    }
}
