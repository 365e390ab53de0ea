//! Where overlays go: a pane's rectangle, and popups cleared and bordered
//! over what lies beneath them.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Clear;

use super::style;
use crate::app::{App, Area};

pub(crate) fn rect(a: Area) -> Rect {
    Rect::new(a.x, a.y, a.width, a.height)
}

/// Clears `popup` for an overlay. A wide character whose right half lies
/// under the popup's left edge would leave half a glyph on screen, or eat
/// the popup's border: it becomes a space. Nothing else around the popup
/// changes (a pane's border beside it stays where it was).
pub(crate) fn clear_popup(frame: &mut Frame<'_>, popup: Rect) {
    frame.render_widget(Clear, popup);
    let Some(left) = popup.x.checked_sub(1) else {
        return;
    };
    let buffer = frame.buffer_mut();
    for y in popup.y..popup.bottom() {
        if let Some(cell) = buffer.cell_mut((left, y))
            && unicode_width::UnicodeWidthStr::width(cell.symbol()) > 1
        {
            cell.set_symbol(" ");
        }
    }
}

/// Clears `area` and draws a bordered popup over it titled `title` —
/// text the user may have typed, so shown as every text is and cut at a
/// cell boundary to fit the border. Returns the area inside.
pub(crate) fn popup(frame: &mut Frame<'_>, app: &App, area: Rect, title: &str) -> Rect {
    clear_popup(frame, area);
    let title = crate::text::width::truncate(
        title,
        usize::from(area.width).saturating_sub(2),
        app.options.display,
    );
    let block = ratatui::widgets::Block::new()
        .borders(ratatui::widgets::Borders::ALL)
        .border_style(style::border())
        .title(Line::styled(title, style::heading()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}
