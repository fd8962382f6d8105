//! The peek card: with a link focused, a small card says what the link leads to (kind, name,
//! date, one-line summary) before the reader follows it. It stays inside the link's column,
//! above or below the link's row and never over it or a border; where it cannot, it is not
//! drawn. `p` hides or shows it, Esc lets go of the link and the card with it.

use crate::app::{Mode, Shell};
use crate::document::{DocBuilder, Target, wrap};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

const WIDTH: u16 = 48;
const SUMMARY_CHARS: usize = 150;

pub fn draw(buf: &mut Buffer, shell: &Shell) {
    if !shell.peek() || *shell.mode() != Mode::Normal {
        return;
    }
    let session = shell.session();
    let Some(link) = session.pane().reading().link else { return };
    let (Some(target), Some((wrapped, area))) =
        (session.focused_target(), session.wrapped(link.column))
    else {
        return;
    };
    let lines = card(shell, &target);
    if lines.is_empty() {
        return;
    }
    let Some(spot) = wrapped.links.get(link.index).and_then(|s| s.first()) else { return };
    let scroll = session.pane().reading().scroll[link.column.index()];
    let Some(row) = spot.row.checked_sub(scroll) else { return };
    let width = WIDTH.min(area.width);
    if width < 16 {
        return;
    }
    let height = rows(&lines, width.saturating_sub(2)) + 2;
    let link_y = area.y + row as u16;
    // Below the link's row if the column has room there, else above it.
    let y = if link_y + 1 + height <= area.bottom() {
        link_y + 1
    } else if link_y >= area.y + height {
        link_y - height
    } else {
        return;
    };
    let x = (area.x + spot.x0).min(area.right().saturating_sub(width));
    let card_area = Rect { x, y, width, height };
    let theme = shell.theme();
    Clear.render(card_area, buf);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .style(theme.card)
        .block(Block::bordered().border_style(theme.border_focused).style(theme.card))
        .render(card_area, buf);
}

fn card(shell: &Shell, target: &Target) -> Vec<Line<'static>> {
    let theme = shell.theme();
    let briefing = &shell.session().briefing;
    let short = |text: &str| -> String {
        let mut out: String = text.chars().take(SUMMARY_CHARS).collect();
        if text.chars().count() > SUMMARY_CHARS {
            out.push('…');
        }
        out
    };
    match target {
        Target::Entity(id) => {
            let entity = briefing.entity(*id);
            let mut lines = vec![Line::from(vec![
                Span::styled(format!("{} ", entity.kind().label()), theme.label),
                Span::styled(entity.name.to_string(), theme.strong),
            ])];
            if let Some(date) = entity.date() {
                lines.push(Line::styled(date.display(), theme.muted));
            }
            lines.push(Line::raw(short(&entity.summary.plain())));
            lines
        }
        Target::Paragraph(_) | Target::Quote(_, _) => {
            let n = match target {
                Target::Quote(id, i) => briefing.quote(*id, *i).map_or(1, |q| q.para),
                Target::Paragraph(n) => *n,
                _ => 1,
            };
            let text = briefing
                .source
                .paragraphs
                .get((n as usize).saturating_sub(1))
                .cloned()
                .unwrap_or_default();
            vec![Line::styled(format!("¶{n} of the source"), theme.label), Line::raw(short(&text))]
        }
        Target::External(_) | Target::More(_) => Vec::new(),
    }
}

/// How many rows the card's lines take at `width`, wrapped as the pages are wrapped.
fn rows(lines: &[Line], width: u16) -> u16 {
    let mut doc = DocBuilder::default();
    for line in lines {
        doc.block(false).text(line.to_string());
    }
    wrap(&doc.finish(), width.max(1)).height() as u16
}
