//! Where each pane goes for a terminal size: computed in `update` on
//! resize, read by the view. Plain numbers, no terminal types.

/// A rectangle of cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Area {
    pub x: u16,
    pub y: u16,
    pub width: u16,
    pub height: u16,
}

impl Area {
    pub fn contains(&self, column: u16, row: u16) -> bool {
        column >= self.x
            && row >= self.y
            && column < self.x.saturating_add(self.width)
            && row < self.y.saturating_add(self.height)
    }
}

/// Smallest terminal that can show the reader at all.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 5;
/// Below this width the contents pane is hidden by default and shows as an
/// overlay when asked for.
pub const NARROW: u16 = 60;
/// The longest comfortable line: 40 Chinese characters.
pub const MAX_MEASURE: u16 = 80;

/// The widths the user configures: the contents pane's (`None`: a third
/// of the screen) and the longest line of text, in cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Widths {
    pub contents: Option<u16>,
    pub text: u16,
}

impl Default for Widths {
    fn default() -> Self {
        Widths {
            contents: None,
            text: MAX_MEASURE,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Panes {
    pub size: (u16, u16),
    /// The terminal cannot show the reader; a notice is drawn instead.
    pub too_small: bool,
    /// The contents pane (its right border included), if shown.
    pub contents: Option<Area>,
    /// The contents pane is drawn over the reading pane.
    pub overlay: bool,
    /// The whole reading pane.
    pub reader: Area,
    /// Where the article's text goes inside the reading pane.
    pub text: Area,
    /// The reading pane's scrollbar column.
    pub scrollbar: Area,
    pub status: Area,
}

impl Panes {
    /// Lays out the screen. `show_contents` is the user's choice, if any;
    /// `widths` the configured widths. The text is centred in the reading
    /// pane, no wider than `widths.text`.
    pub fn compute(width: u16, height: u16, show_contents: Option<bool>, widths: Widths) -> Panes {
        let contents_width = widths.contents;
        let mut panes = Panes {
            size: (width, height),
            ..Panes::default()
        };
        if width < MIN_WIDTH || height < MIN_HEIGHT {
            panes.too_small = true;
            return panes;
        }
        let body_height = height - 1;
        panes.status = Area {
            x: 0,
            y: height - 1,
            width,
            height: 1,
        };
        let narrow = width < NARROW;
        let shown = show_contents.unwrap_or(!narrow);
        let mut reader_x = 0;
        if shown {
            let contents_width = match (narrow, contents_width) {
                (true, _) => width.saturating_sub(4).min(contents_width.unwrap_or(36)),
                // The reading pane keeps room for 15 Chinese characters.
                (false, Some(w)) => w.clamp(10, width.saturating_sub(32).max(10)),
                (false, None) => (width * 3 / 10).clamp(22, 36),
            };
            panes.contents = Some(Area {
                x: 0,
                y: 0,
                width: contents_width,
                height: body_height,
            });
            panes.overlay = narrow;
            if !narrow {
                reader_x = contents_width;
            }
        }
        panes.reader = Area {
            x: reader_x,
            y: 0,
            width: width - reader_x,
            height: body_height,
        };
        panes.scrollbar = Area {
            x: width - 1,
            y: 0,
            width: 1,
            height: body_height,
        };
        // Margins: two cells left, one before the scrollbar; a blank row
        // on top when there is room for it.
        let room = panes.reader.width.saturating_sub(4);
        let measure = room.min(widths.text.max(2));
        let left = reader_x + 2 + (room - measure) / 2;
        let top = u16::from(body_height >= 12);
        panes.text = Area {
            x: left,
            y: top,
            width: measure.max(1),
            height: body_height - top,
        };
        panes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn side_by_side_when_wide() {
        let p = Panes::compute(100, 30, None, Widths::default());
        let c = p.contents.expect("shown");
        assert!(!p.overlay);
        assert_eq!(c.width, 30);
        assert_eq!(p.reader.x, 30);
        assert!(p.text.x + p.text.width < p.scrollbar.x);
        assert_eq!(p.status.y, 29);
    }

    #[test]
    fn narrow_hides_contents_and_overlays_on_request() {
        let p = Panes::compute(50, 20, None, Widths::default());
        assert!(p.contents.is_none());
        assert_eq!(p.reader.x, 0);
        let p = Panes::compute(50, 20, Some(true), Widths::default());
        assert!(p.overlay);
        assert_eq!(p.reader.x, 0);
    }

    #[test]
    fn wide_terminals_keep_a_comfortable_measure() {
        let p = Panes::compute(250, 50, None, Widths::default());
        assert_eq!(p.text.width, MAX_MEASURE);
        // A configured measure, centred in the pane.
        let narrow = Widths {
            contents: None,
            text: 60,
        };
        let p = Panes::compute(120, 30, Some(false), narrow);
        assert_eq!(p.text.width, 60);
        assert_eq!(p.text.x - p.reader.x, 2 + (116 - 60) / 2);
    }

    #[test]
    fn tiny_terminals() {
        assert!(Panes::compute(19, 10, None, Widths::default()).too_small);
        assert!(Panes::compute(80, 4, None, Widths::default()).too_small);
        assert!(Panes::compute(1, 1, None, Widths::default()).too_small);
        assert!(Panes::compute(0, 0, None, Widths::default()).too_small);
        let p = Panes::compute(20, 5, None, Widths::default());
        assert!(!p.too_small && p.text.width >= 1 && p.text.height >= 1);
    }
}
