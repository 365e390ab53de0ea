//! Pinyin over the text (`p`): the open article's readings, worked out
//! once it is open and the dictionary and the segmenter are here, and the
//! layout set with them. Part of `App::update`.

use std::rc::Rc;

use super::App;
use crate::action::{Action, Effect};
use crate::dict::Dictionary;
use crate::dict::ruby::ArticleReadings;
use crate::keymap::Mode;
use crate::page::ArticleId;

/// Said while the readings wait for the dictionary and the segmenter;
/// replaced when they are shown.
const LOADING: &str =
    "pinyin is loading (the dictionary and the word boundaries); it appears in a moment";

impl App {
    /// `p`: the reading above each line, or not.
    pub(super) fn toggle_pinyin(&mut self) {
        self.options.pinyin = !self.options.pinyin;
        let key = self.keymap.key_for(&Action::TogglePinyin, Mode::Reader);
        self.message = Some(if !self.options.pinyin {
            format!("pinyin off — {key} to show it again")
        } else if self.seg.is_none() || Dictionary::try_get().is_none() {
            if Dictionary::try_get().is_none() && !self.dictionary_asked {
                self.dictionary_asked = true;
                self.effects.push(Effect::LoadDictionary);
            }
            LOADING.to_owned()
        } else {
            self.pinyin_shown()
        });
        self.relayout();
    }

    fn pinyin_shown(&self) -> String {
        let key = self.keymap.key_for(&Action::TogglePinyin, Mode::Reader);
        format!(
            "pinyin above the text, each word read as the dictionary reads it — {key} to hide it"
        )
    }

    /// Works out the readings of article `id` if pinyin is on and they
    /// are not here yet (and can be: the dictionary and segmenter loaded).
    pub(super) fn prepare_readings(&mut self, id: ArticleId) {
        if !self.options.pinyin || self.readings.as_ref().is_some_and(|(r, _)| *r == id) {
            return;
        }
        let (Some(seg), Some(dictionary)) = (self.seg, Dictionary::try_get()) else {
            return;
        };
        if let Some(article) = self.issue.article(id) {
            let readings = ArticleReadings::of(article, dictionary, seg);
            self.readings = Some((id, Rc::new(readings)));
            if self.message.as_deref() == Some(LOADING) {
                self.message = Some(self.pinyin_shown());
            }
        }
    }

    /// The colours of the four tones in the pinyin.
    pub fn tones(&self) -> &[crate::config::colour::Colour; 4] {
        &self.tones
    }

    /// The readings of article `id`, when pinyin is on and they are here.
    pub(super) fn readings_of(&self, id: ArticleId) -> Option<Rc<ArticleReadings>> {
        self.readings
            .as_ref()
            .filter(|(r, _)| self.options.pinyin && *r == id)
            .map(|(_, readings)| Rc::clone(readings))
    }
}
