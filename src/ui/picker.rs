//! A box to pick from: an optional line being typed, a count, and a list (with group headings)
//! whose selected row stays on screen. The briefing search, the palette and the bookmarks
//! are drawn with it.

use super::theme::THEME;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Padding, Paragraph};

pub enum Row {
    Heading(String),
    Item(Line<'static>),
}

pub struct Picker {
    pub title: &'static str,
    /// The prompt and what has been typed, for pickers that take typing.
    pub input: Option<(&'static str, String)>,
    pub summary: String,
    pub rows: Vec<Row>,
    /// Which item (counting items only) is selected.
    pub selected: usize,
    pub hint: &'static str,
}

/// The box: wide enough to read a line of context, at most the screen less a margin.
pub fn area(screen: Rect) -> Rect {
    let width = screen.width.saturating_sub(4).min(100);
    let height = screen.height.saturating_sub(2).min(30);
    Rect {
        x: screen.x + (screen.width - width) / 2,
        y: screen.y + (screen.height - height) / 2,
        width,
        height,
    }
}

impl Picker {
    pub fn draw(self, frame: &mut Frame) {
        let area = area(frame.area());
        let block = Block::bordered()
            .border_style(THEME.border_focused)
            .title(self.title)
            .title_bottom(Line::from(self.hint).right_aligned())
            .padding(Padding::horizontal(1));
        let inner = block.inner(area);
        frame.render_widget(Clear, area);
        frame.render_widget(block, area);
        if inner.height == 0 {
            return;
        }
        let mut top_lines = Vec::new();
        if let Some((prompt, input)) = &self.input {
            top_lines.push(Line::from(vec![
                Span::styled(*prompt, THEME.key),
                Span::raw(input.clone()),
                Span::styled("▏", THEME.key),
                Span::styled(format!("   {}", self.summary), THEME.muted),
            ]));
        } else {
            top_lines.push(Line::styled(self.summary.clone(), THEME.muted));
        }
        top_lines.push(Line::default());
        let header = top_lines.len() as u16;
        frame.render_widget(
            Paragraph::new(top_lines),
            Rect { height: header.min(inner.height), ..inner },
        );
        let list =
            Rect { y: inner.y + header, height: inner.height.saturating_sub(header), ..inner };
        if list.height == 0 {
            return;
        }
        // The row of the selected item, so the list scrolls to keep it in view.
        let mut item = 0;
        let mut selected_row = 0;
        for (i, row) in self.rows.iter().enumerate() {
            if let Row::Item(_) = row {
                if item == self.selected {
                    selected_row = i;
                }
                item += 1;
            }
        }
        let height = list.height as usize;
        let top = selected_row.saturating_sub(height.saturating_sub(2));
        let mut item = self.rows.iter().take(top).filter(|r| matches!(r, Row::Item(_))).count();
        let lines: Vec<Line> = self
            .rows
            .into_iter()
            .skip(top)
            .take(height)
            .map(|row| match row {
                Row::Heading(text) => Line::styled(text, THEME.heading),
                Row::Item(line) => {
                    let selected = item == self.selected;
                    item += 1;
                    if selected { line.style(THEME.selected_unfocused) } else { line }
                }
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), list);
    }
}

/// A line of text with one range of characters highlighted.
pub fn highlighted(
    text: &str,
    range: std::ops::Range<usize>,
    base: Style,
    mark: Style,
) -> Vec<Span<'static>> {
    let chars: Vec<char> = text.chars().collect();
    let clamp = |i: usize| i.min(chars.len());
    let (start, end) = (clamp(range.start), clamp(range.end));
    vec![
        Span::styled(chars[..start].iter().collect::<String>(), base),
        Span::styled(chars[start..end].iter().collect::<String>(), mark),
        Span::styled(chars[end..].iter().collect::<String>(), base),
    ]
}
