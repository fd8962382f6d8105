//! The Summary and Source panes: one page of text, scrolled, with links; on the Source, a
//! paragraph opened from a citation is shaded and the quoted words marked.

use super::{marks, panel};
use crate::app::Shell;
use crate::app::layout::Areas;
use crate::app::panes::{Column, ProsePane};
use crate::content::Briefing;
use crate::document::Wrapped;
use crate::document::source::find_loose;
use crate::search::on_screen::{self, Match};
use crate::ui::text::{TextView, position};
use ratatui::buffer::Buffer;
use ratatui::text::Line;
use ratatui::widgets::Widget;

pub fn draw(buf: &mut Buffer, areas: &Areas, shell: &Shell, pane: &ProsePane) {
    let session = shell.session();
    let theme = shell.theme();
    let Some((wrapped, text)) = session.wrapped(Column::Main) else { return };
    let view = &pane.view;
    let scroll = view.reading.scroll[0];
    let mut block = panel(theme, pane.id.title(), true).title_bottom(
        Line::from(position(scroll, wrapped.height(), text.height as usize)).right_aligned(),
    );
    if let Some(h) = view.highlight {
        block = block.title(Line::from(format!(" ¶{} ", h.para)).right_aligned());
    }
    block.render(areas.main, buf);
    let mut marks = marks(shell, Column::Main);
    if let Some(highlight) = view.highlight
        && let Some((entity, quote)) = highlight.passage
    {
        marks.passage = passage(&session.briefing, &wrapped, highlight.para, entity, quote);
    }
    TextView {
        wrapped: &wrapped,
        scroll,
        focused_link: view.reading.link.filter(|l| l.column == Column::Main).map(|l| l.index),
        highlight: view.highlight.map(|h| h.para),
        marks,
        theme,
        hyperlinks: shell.hyperlinks(),
    }
    .draw(text, buf);
}

/// Where a quote's words stand in its paragraph as wrapped, found in that paragraph's rows
/// only.
fn passage(
    briefing: &Briefing,
    wrapped: &Wrapped,
    para: u32,
    entity: crate::content::EntityId,
    quote: u16,
) -> Vec<Match> {
    let Some(quote) = briefing.quote(entity, quote) else {
        return Vec::new();
    };
    let Some(rows) = wrapped.paragraph_rows(para) else { return Vec::new() };
    let paragraph =
        briefing.source.paragraphs.get(para as usize - 1).map(|p| p.as_str()).unwrap_or("");
    // The words as the paragraph writes them, whatever the quote's line breaks.
    let Some(range) = find_loose(paragraph, &quote.text) else { return Vec::new() };
    let words = paragraph[range].split_whitespace().collect::<Vec<_>>().join(" ");
    let only = Wrapped { rows: wrapped.rows[rows.clone()].to_vec(), ..Wrapped::default() };
    on_screen::find(&only, &words)
        .into_iter()
        .take(1)
        .map(|m| Match {
            spans: m.spans.into_iter().map(|(r, a, b)| (r + rows.start, a, b)).collect(),
        })
        .collect()
}
