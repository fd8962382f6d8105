//! One place for every colour and emphasis the reader uses.

use crate::document::{Role, Style as TextStyle};
use ratatui::style::{Color, Modifier, Style};

pub struct Theme {
    pub body: Style,
    pub title: Style,
    pub heading: Style,
    pub label: Style,
    pub muted: Style,
    pub quote: Style,
    pub slip: Style,
    pub marker: Style,
    pub strong: Style,
    pub link: Style,
    pub focused_link: Style,
    pub highlight: Style,
    pub selected: Style,
    pub selected_unfocused: Style,
    pub group: Style,
    pub border: Style,
    pub border_focused: Style,
    pub tab: Style,
    pub tab_current: Style,
    pub status: Style,
    pub key: Style,
    pub find: Style,
    pub find_current: Style,
    pub hint: Style,
    pub card: Style,
}

pub const THEME: Theme = Theme {
    body: Style::new(),
    title: Style::new().add_modifier(Modifier::BOLD),
    heading: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
    label: Style::new().fg(Color::Cyan),
    muted: Style::new().fg(Color::DarkGray),
    quote: Style::new().add_modifier(Modifier::ITALIC),
    slip: Style::new().fg(Color::LightRed),
    marker: Style::new().fg(Color::DarkGray),
    strong: Style::new().add_modifier(Modifier::BOLD),
    link: Style::new().fg(Color::LightBlue).add_modifier(Modifier::UNDERLINED),
    focused_link: Style::new().fg(Color::Black).bg(Color::Yellow).add_modifier(Modifier::BOLD),
    highlight: Style::new().bg(Color::Rgb(58, 52, 20)),
    selected: Style::new().fg(Color::Black).bg(Color::Cyan).add_modifier(Modifier::BOLD),
    selected_unfocused: Style::new().add_modifier(Modifier::REVERSED),
    group: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
    border: Style::new().fg(Color::DarkGray),
    border_focused: Style::new().fg(Color::Cyan),
    tab: Style::new().fg(Color::Gray),
    tab_current: Style::new().fg(Color::Black).bg(Color::Cyan).add_modifier(Modifier::BOLD),
    status: Style::new().fg(Color::Gray),
    key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
    find: Style::new().add_modifier(Modifier::REVERSED),
    find_current: Style::new().fg(Color::Black).bg(Color::LightGreen).add_modifier(Modifier::BOLD),
    hint: Style::new().fg(Color::Black).bg(Color::LightMagenta).add_modifier(Modifier::BOLD),
    card: Style::new().bg(Color::Rgb(30, 34, 48)),
};

impl Theme {
    pub fn text(&self, style: TextStyle) -> Style {
        let mut out = match style.role {
            Role::Body => self.body,
            Role::Title => self.title,
            Role::Heading => self.heading,
            Role::Label => self.label,
            Role::Muted => self.muted,
            Role::Quote => self.quote,
            Role::Slip => self.slip,
            Role::Marker => self.marker,
            Role::Strong => self.strong,
        };
        if style.emphasis {
            out = out.add_modifier(Modifier::ITALIC);
        }
        if style.strong {
            out = out.add_modifier(Modifier::BOLD);
        }
        if style.code {
            out = out.fg(Color::LightGreen);
        }
        out
    }
}
