//! Draws the Timeline's axis: lanes with their headings, each event's ink and basis glyph,
//! labels and letters, the publication rule, the axis and its ticks, the selected event's date
//! and summary, and the legend.

use super::picture::{frame, legend, no_room, put, rows_out_of_view, wrap};
use crate::app::Shell;
use crate::app::panes::picture::Scene;
use crate::app::panes::timeline_axis::{self, Axis, Ink, LEGEND};
use crate::app::panes::{EntityPane, PictureView};
use crate::content::{Basis, Details};
use crate::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// The glyph at an event's head: its date's basis.
pub fn basis_glyph(basis: Basis) -> &'static str {
    match basis {
        Basis::Stated => "●",
        Basis::Inferred => "○",
        Basis::Outside => "◇",
    }
}

fn fill(ink: Ink) -> &'static str {
    match ink {
        Ink::Point | Ink::Bar => "━",
        Ink::Span => "╌",
        Ink::Faint => "┈",
    }
}

pub fn draw(buf: &mut Buffer, panel: Rect, shell: &Shell, pane: &EntityPane, axis: &Axis) {
    let session = shell.session();
    let theme = shell.theme();
    let Some(PictureView::Axis(view)) = &pane.view.picture else { return };
    let area = crate::app::layout::bordered(panel);
    let scene = Scene { briefing: &session.briefing, area, letters: session.letters() };
    let layout = axis.lay_out(view, &scene);
    let filter = session
        .filter()
        .map(|actor| format!(" · {}", session.briefing.entity(actor).name))
        .unwrap_or_default();
    let range = layout.as_ref().map_or(String::new(), |l| {
        format!(
            " · {} – {}",
            crate::app::panes::calendar::day_label(l.days.0),
            crate::app::panes::calendar::day_label(l.days.1)
        )
    });
    let count = pane.list.items.len();
    let note = if count == 0 {
        String::new()
    } else {
        let rows = layout.as_ref().map_or(String::new(), |l| rows_out_of_view(l.above, l.below));
        format!("{rows}{}/{count}", pane.view.selected + 1)
    };
    frame(buf, panel, theme, &format!("Timeline · axis{filter}{range}"), &note);
    if count == 0 {
        put(buf, area.x, area.y, area.right(), "No events to show", theme.muted);
        return;
    }
    let Some(layout) = layout else {
        let least = (timeline_axis::MIN_WIDTH, timeline_axis::MIN_HEIGHT);
        no_room(buf, area, shell, "the axis", least);
        return;
    };
    let g = layout.geometry;
    let lanes = g.lanes;
    // The publication date first, so ink and labels are drawn over it: a rule at each end
    // of its days (the bundled briefing's is a window of three).
    if let Some((a, b)) = layout.rule {
        for x in [a, b.saturating_sub(1).max(a)] {
            for y in lanes.y..lanes.bottom() {
                put(buf, x, y, lanes.right(), "┊", theme.rule);
            }
        }
    }
    for heading in &layout.headings {
        let name = &axis.lanes[heading.lane].name;
        let mut x = lanes.x;
        if heading.earlier > 0 {
            x = put(
                buf,
                x,
                heading.y,
                lanes.right(),
                &format!("◂ {} earlier ", heading.earlier),
                theme.muted,
            );
        }
        x = put(buf, x, heading.y, lanes.right(), "── ", theme.muted);
        x = put(buf, x, heading.y, lanes.right(), name, theme.group);
        let later =
            if heading.later > 0 { format!(" {} later ▸", heading.later) } else { String::new() };
        let end = lanes
            .right()
            .saturating_sub(unicode_width::UnicodeWidthStr::width(later.as_str()) as u16);
        x = put(buf, x, heading.y, end, " ", theme.muted);
        while x < end {
            x = put(buf, x, heading.y, end, "─", theme.muted);
        }
        put(buf, end, heading.y, lanes.right(), &later, theme.muted);
    }
    let selected = pane.view.selected;
    for mark in &layout.marks {
        let chosen = mark.position == selected;
        let ink_style = match (chosen, mark.ink) {
            (true, _) => theme.selected,
            (false, Ink::Faint) => theme.faint,
            (false, _) => theme.ink,
        };
        if mark.ink != Ink::Point {
            for x in mark.x0..mark.x1 {
                put(buf, x, mark.y, lanes.right(), fill(mark.ink), ink_style);
            }
        }
        if let Some(x) = mark.head {
            put(buf, x, mark.y, lanes.right(), basis_glyph(mark.basis), ink_style);
        }
        if let Some((x, text)) = &mark.label {
            let style = if chosen { theme.selected } else { theme.body };
            put(buf, x.saturating_sub(1), mark.y, lanes.right(), " ", theme.body);
            put(buf, *x, mark.y, lanes.right(), text, style);
        }
        if let Some((x, letter)) = mark.letter {
            put(buf, x, mark.y, lanes.right(), &letter.to_string(), theme.hint);
        }
    }
    // The axis, its ticks and their labels.
    let mut x = lanes.x;
    while x < lanes.right() {
        x = put(buf, x, g.axis, lanes.right(), "─", theme.axis);
    }
    for (x, label) in &layout.ticks {
        put(buf, *x, g.axis, lanes.right(), "┬", theme.axis);
        if let Some(label) = label {
            put(buf, *x, g.axis + 1, lanes.right(), label, theme.axis);
        }
    }
    if let Some((a, b)) = layout.rule {
        for x in [a, b.saturating_sub(1).max(a)] {
            put(buf, x, g.axis, lanes.right(), "┿", theme.rule);
        }
    }
    let shown = layout.marks.iter().any(|m| m.position == selected);
    selection(buf, g.selection, shell, axis, selected, shown, layout.days);
    if let Some(row) = g.letters {
        letters(buf, row, shell, &layout.marks);
    }
    let parts = legend_parts(theme);
    legend(buf, g.legend, &parts, theme);
}

/// The legend's glyphs in the styles they are drawn in.
fn legend_parts(theme: &Theme) -> Vec<(String, Style)> {
    LEGEND
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let style = match i {
                5 => theme.faint,
                6 => theme.rule,
                _ => theme.ink,
            };
            ((*text).to_owned(), style)
        })
        .collect()
}

/// The selected event: its date as written, its name, and its summary.
fn selection(
    buf: &mut Buffer,
    area: Rect,
    shell: &Shell,
    axis: &Axis,
    selected: usize,
    shown: bool,
    days: (i64, i64),
) {
    let theme = shell.theme();
    let briefing = &shell.session().briefing;
    let Some(event) = axis.events.get(selected) else { return };
    let entity = briefing.entity(event.id);
    let date = match &entity.details {
        Details::Event { date, .. } => date.display(),
        _ => String::new(),
    };
    let right = area.right();
    let mut x = area.x;
    if !shown {
        let before = event.last < days.0;
        x = put(
            buf,
            x,
            area.y,
            right,
            if before { "◂ out of view: " } else { "out of view ▸ " },
            theme.warning,
        );
    }
    x = put(buf, x, area.y, right, &date, theme.label);
    x = put(buf, x, area.y, right, " · ", theme.muted);
    put(
        buf,
        x,
        area.y,
        right,
        &crate::ui::fit::end(&entity.name, usize::from(right.saturating_sub(x))),
        theme.strong,
    );
    // Under it, as much as there is room for: the summary, who and where, the description.
    let width = usize::from(area.width);
    let room = usize::from(area.height.saturating_sub(1));
    let mut lines: Vec<(String, Style)> = wrap(&entity.summary.plain(), width, room.min(3))
        .into_iter()
        .map(|l| (l, theme.body))
        .collect();
    if let Details::Event { actors, places, .. } = &entity.details {
        let names = |ids: &[crate::content::EntityId]| {
            ids.iter().map(|id| briefing.entity(*id).name.as_str()).collect::<Vec<_>>().join(", ")
        };
        let mut facts = Vec::new();
        if !actors.is_empty() {
            facts.push(format!("Who: {}", names(actors)));
        }
        if !places.is_empty() {
            facts.push(format!("Where: {}", names(places)));
        }
        let left = room.saturating_sub(lines.len()).min(2);
        if !facts.is_empty() && left > 0 {
            lines.extend(
                wrap(&facts.join(" · "), width, left).into_iter().map(|l| (l, theme.muted)),
            );
        }
    }
    // One that could not be read again is left out here: the detail says why.
    if let Some(Ok(description)) = briefing.description(event.id) {
        let left = room.saturating_sub(lines.len());
        lines.extend(wrap(&description.plain(), width, left).into_iter().map(|l| (l, theme.body)));
    }
    for (i, (line, style)) in lines.iter().take(room).enumerate() {
        put(buf, area.x, area.y + 1 + i as u16, right, line, *style);
    }
}

/// What each letter stands for, as many as fit on the row.
fn letters(buf: &mut Buffer, row: Rect, shell: &Shell, marks: &[timeline_axis::Mark]) {
    let theme = shell.theme();
    let briefing = &shell.session().briefing;
    let Some(crate::app::panes::Pane::Entities(pane)) = Some(shell.session().pane()) else {
        return;
    };
    let mut x = row.x;
    for mark in marks {
        let Some((_, letter)) = mark.letter else { continue };
        let Some(id) = pane.list.items.get(mark.position) else { continue };
        let name = crate::ui::fit::end(&briefing.entity(*id).name, 24);
        let need = 2 + unicode_width::UnicodeWidthStr::width(name.as_str()) as u16 + 3;
        if x + need > row.right() {
            put(buf, x, row.y, row.right(), "…", theme.muted);
            break;
        }
        x = put(buf, x, row.y, row.right(), &letter.to_string(), theme.hint);
        x = put(buf, x, row.y, row.right(), &format!(" {name}   "), theme.muted);
    }
}
