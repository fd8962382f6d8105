//! The Summary and Source panes: one page of text, scrolled, with links. On the Source, a
//! followed citation shades its paragraph (and marks the quoted words) until the reader moves
//! away or presses Esc.

use super::reading::{Column, Columns, Reading};
use super::{Cx, Outcome, PaneId};
use crate::app::action::Action;
use crate::app::layout::Areas;
use crate::content::EntityId;
use crate::document::Page;

/// A source paragraph opened from a citation, and the quote that pointed at it, if one did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Highlight {
    pub para: u32,
    /// The entity and the index of its quote whose words are marked.
    pub passage: Option<(EntityId, u16)>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ProseView {
    pub reading: Reading,
    pub highlight: Option<Highlight>,
}

#[derive(Debug, Clone)]
pub struct ProsePane {
    pub id: PaneId,
    pub view: ProseView,
    /// On the Source: whether each paragraph lists who cites it, or only counts them.
    pub cited_by: bool,
}

impl ProsePane {
    pub fn new(id: PaneId) -> ProsePane {
        ProsePane { id, view: ProseView::default(), cited_by: false }
    }

    pub fn page(&self) -> Page {
        match self.id {
            PaneId::Source => Page::Source { cited_by: self.cited_by },
            _ => Page::Summary,
        }
    }

    pub fn columns(&self, areas: &Areas) -> Columns {
        [Some((self.page(), areas.main_text())), None]
    }

    pub fn update(&mut self, action: Action, cx: &mut Cx<'_>) -> Outcome {
        let areas = Areas::new(cx.size, crate::app::layout::Shape::Prose, cx.banner);
        let columns = self.columns(&areas);
        let mut text = super::reading::Text {
            reading: &mut self.view.reading,
            columns,
            pages: cx.pages,
            briefing: cx.briefing,
        };
        match action {
            Action::Next => text.scroll_by(Column::Main, 1),
            Action::Prev => text.scroll_by(Column::Main, -1),
            Action::PageDown => text.page_step(1),
            Action::PageUp => text.page_step(-1),
            Action::First => text.scroll_by(Column::Main, isize::MIN),
            Action::Last => text.scroll_by(Column::Main, isize::MAX),
            Action::NextLink | Action::PrevLink => {
                if !text.cycle_link(action == Action::NextLink) {
                    return Outcome::Say("No links here".to_owned());
                }
            }
            Action::Follow => {
                return match text.focused_target() {
                    Some(target) => Outcome::Go(target),
                    None => Outcome::NoLink,
                };
            }
            Action::ToggleCitedBy if self.id == PaneId::Source => {
                // The folded and unfolded pages have the same blocks, so the words at the top
                // of the screen stay there.
                let anchor = text.wrapped(Column::Main).map(|w| w.anchor(text.reading.scroll[0]));
                self.cited_by = !self.cited_by;
                self.view.reading.link = None;
                let columns = self.columns(&areas);
                let mut text = super::reading::Text {
                    reading: &mut self.view.reading,
                    columns,
                    pages: cx.pages,
                    briefing: cx.briefing,
                };
                if let (Some(anchor), Some(w)) = (anchor, text.wrapped(Column::Main)) {
                    text.reading.scroll[0] = w.row_of(anchor);
                }
                return Outcome::Say(
                    if self.cited_by {
                        "Each paragraph lists who cites it"
                    } else {
                        "Who cites each paragraph is counted by kind"
                    }
                    .to_owned(),
                );
            }
            _ => return Outcome::Ignored,
        }
        Outcome::Done
    }

    /// A highlighted paragraph stays while any of it is on screen; once the reader scrolls
    /// it away, the highlight has done its work.
    pub fn settle_highlight(&mut self, cx: &mut Cx<'_>) {
        let Some(highlight) = self.view.highlight else { return };
        let areas = Areas::new(cx.size, crate::app::layout::Shape::Prose, cx.banner);
        let area = areas.main_text();
        let wrapped = cx.pages.get(cx.briefing, self.page(), area.width);
        let top = self.view.reading.scroll[0];
        let visible = top..top + area.height as usize;
        let shown = wrapped
            .paragraph_rows(highlight.para)
            .is_some_and(|rows| rows.start < visible.end && visible.start < rows.end);
        if !shown {
            self.view.highlight = None;
        }
    }
}
