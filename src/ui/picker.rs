//! The boxes a person picks from: the briefing search (results grouped by kind, each with its
//! matching line), the palette (every entity by name) and the bookmarks. The box and its rows
//! are laid out by `app::pickers`, where a click finds them too.

use super::fit;
use crate::app::pickers::{PickerRow, picker_layout, window};
use crate::app::{Action, KeyMode, Mode, Shell};
use crate::content::EntityId;
use crate::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

pub fn draw(buf: &mut Buffer, screen: Rect, shell: &Shell) {
    let (title, input, summary, selected) = match shell.mode() {
        Mode::Search(s) => {
            let summary = match (s.input.trim().is_empty(), s.total) {
                (true, _) => "type to search every entity and the source".to_owned(),
                (false, 0) => "no match".to_owned(),
                (false, n) if n > s.hits.len() => {
                    format!("{n} results, the first {} shown", s.hits.len())
                }
                (false, n) => crate::document::count(n, "result"),
            };
            (
                " Search the briefing ".to_owned(),
                Some(("Search: ", s.input.as_str())),
                summary,
                s.selected,
            )
        }
        Mode::Palette(p) => {
            let summary = match (p.matched, p.searching) {
                (0, false) => "no match".to_owned(),
                (1, false) => "1 match".to_owned(),
                (n, false) => format!("{n} matches"),
                (n, true) => format!("{n} matches so far, looking…"),
            };
            (" Jump to ".to_owned(), Some(("Go to: ", p.input.as_str())), summary, p.selected)
        }
        Mode::Bookmarks { selected } => (
            " Bookmarks ".to_owned(),
            None,
            format!("{} bookmarked", shell.session().bookmarks().len()),
            *selected,
        ),
        Mode::Listing { listing, selected } => {
            let briefing = &shell.session().briefing;
            let count = listing.items(briefing).len();
            (
                format!(" {} ", listing.title(briefing)),
                None,
                crate::document::count(count, "item"),
                *selected,
            )
        }
        _ => return,
    };
    let theme = shell.theme();
    let laid = picker_layout(screen);
    let keys = shell.keymap();
    let mode = shell.mode().keys();
    let open = if mode == KeyMode::Prompt { Action::Accept } else { Action::Follow };
    let close = if mode == KeyMode::Prompt { Action::Cancel } else { Action::Close };
    let mut hint = format!(
        " {}/{} choose · {} open · {} close ",
        keys.key_in(mode, Action::Prev),
        keys.key_in(mode, Action::Next),
        keys.key_in(mode, open),
        keys.key_in(mode, close)
    );
    if matches!(shell.mode(), Mode::Bookmarks { .. }) {
        hint = format!(" {} remove ·{hint}", keys.key_in(mode, Action::Bookmark));
    }
    let hint = fit::end(&hint, laid.area.width.saturating_sub(2) as usize);
    Clear.render(laid.area, buf);
    Block::bordered()
        .border_style(theme.border_focused)
        .style(theme.body)
        .title(fit::end(&title, laid.area.width.saturating_sub(2) as usize))
        .title_bottom(Line::from(hint).right_aligned())
        .render(laid.area, buf);
    if laid.inner.height == 0 {
        return;
    }
    let top_line = match input {
        Some((prompt, typed)) => Line::from(vec![
            Span::styled(prompt, theme.key),
            Span::raw(typed.to_owned()),
            Span::styled("▏", theme.key),
            Span::styled(format!("   {summary}"), theme.muted),
        ]),
        None => Line::styled(summary, theme.muted),
    };
    Paragraph::new(top_line).render(Rect { height: 1, ..laid.inner }, buf);
    let list = laid.list;
    if list.height == 0 {
        return;
    }
    let rows = shell.picker_rows();
    let selected_row = rows.iter().position(|r| *r == PickerRow::Item(selected)).unwrap_or(0);
    let top = window(selected_row, list.height as usize);
    let width = list.width as usize;
    for (i, row) in rows.iter().skip(top).take(list.height as usize).enumerate() {
        let y = list.y + i as u16;
        let line = match row {
            PickerRow::Heading => heading(shell, rows.iter().skip(top + i + 1).find_map(item_of)),
            PickerRow::Item(item) => {
                let line = item_line(shell, *item, width);
                if *item == selected { line.style(theme.selected_unfocused) } else { line }
            }
        };
        buf.set_line(list.x, y, &line, list.width);
    }
}

fn item_of(row: &PickerRow) -> Option<usize> {
    match row {
        PickerRow::Item(i) => Some(*i),
        PickerRow::Heading => None,
    }
}

/// A search group's heading with its count.
fn heading(shell: &Shell, first: Option<usize>) -> Line<'static> {
    let Mode::Search(s) = shell.mode() else { return Line::default() };
    let Some(group) = first.and_then(|i| s.hits.get(i)).map(|h| h.group) else {
        return Line::default();
    };
    let count = s.hits.iter().filter(|h| h.group == group).count();
    Line::styled(format!("{} ({count})", group.title()), shell.theme().heading)
}

fn item_line(shell: &Shell, item: usize, width: usize) -> Line<'static> {
    let theme = shell.theme();
    match shell.mode() {
        Mode::Search(s) => {
            let Some(hit) = s.hits.get(item) else { return Line::default() };
            let title = fit::end(&hit.title, 28);
            let mut spans = vec![Span::styled(format!("  {title}  "), theme.strong)];
            let room = width.saturating_sub(title.width() + 4);
            spans.extend(highlighted(
                &hit.snippet,
                hit.highlight.clone(),
                room,
                theme.muted,
                theme.find_current,
            ));
            Line::from(spans)
        }
        Mode::Palette(p) => {
            p.results.get(item).map(|id| entity_line(shell, *id, width)).unwrap_or_default()
        }
        Mode::Bookmarks { .. } => shell
            .session()
            .bookmarks()
            .get(item)
            .map(|id| entity_line(shell, *id, width))
            .unwrap_or_default(),
        Mode::Listing { listing, .. } => listing
            .items(&shell.session().briefing)
            .get(item)
            .map(|id| entity_line(shell, *id, width))
            .unwrap_or_default(),
        _ => Line::default(),
    }
}

/// "Rose Gottemoeller   actor   Acting Under Secretary of State …", narrowed on a narrow box
/// to the name and the kind.
fn entity_line(shell: &Shell, id: EntityId, width: usize) -> Line<'static> {
    let theme: &Theme = shell.theme();
    let entity = shell.session().briefing.entity(id);
    let kind = entity.kind().label();
    // A narrow box gives the name all the room there is; a wide one shows the summary too.
    let name_width = if width < 56 { width.saturating_sub(8) } else { (width / 3).clamp(12, 28) };
    let name = fit::end(&entity.name, name_width);
    let rest = width.saturating_sub(name_width + kind.width() + 3);
    let mut spans = vec![
        Span::styled(format!("{name:<name_width$} "), theme.strong),
        Span::styled(format!("{kind:<6} "), theme.label),
    ];
    if rest >= 10 {
        spans.push(Span::styled(fit::end(&entity.summary.plain(), rest), theme.muted));
    }
    Line::from(spans)
}

/// A snippet cut to `room` columns with one range of characters marked.
fn highlighted(
    text: &str,
    range: std::ops::Range<usize>,
    room: usize,
    base: Style,
    mark: Style,
) -> Vec<Span<'static>> {
    let text = fit::end(text, room);
    let chars: Vec<char> = text.chars().collect();
    let clamp = |i: usize| i.min(chars.len());
    let (start, end) = (clamp(range.start), clamp(range.end));
    vec![
        Span::styled(chars[..start].iter().collect::<String>(), base),
        Span::styled(chars[start..end].iter().collect::<String>(), mark),
        Span::styled(chars[end..].iter().collect::<String>(), base),
    ]
}
