//! Themes as data: every colour and emphasis the reader uses, read from `assets/themes/*.toml`
//! (compiled in), chosen by name or from the terminal's background, and fitted to what the
//! terminal can show. The mono theme, used under `NO_COLOR`, carries every meaning in
//! modifiers and glyphs alone.

mod color;

pub use color::{ColorDepth, detect_background};

use crate::content::diagnostic::{Code, Report};
use crate::content::entries;
use crate::document::{Role, Style as TextStyle};
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::BorderType;
use serde::Deserialize;
use strum::{EnumIter, IntoEnumIterator, IntoStaticStr};

/// The themes compiled into the binary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Builtin {
    Dark,
    Light,
    HighContrast,
    Mono,
}

impl Builtin {
    pub fn name(self) -> &'static str {
        self.into()
    }

    pub fn text(self) -> &'static str {
        match self {
            Builtin::Dark => include_str!("../../assets/themes/dark.toml"),
            Builtin::Light => include_str!("../../assets/themes/light.toml"),
            Builtin::HighContrast => include_str!("../../assets/themes/high-contrast.toml"),
            Builtin::Mono => include_str!("../../assets/themes/mono.toml"),
        }
    }

    pub fn by_name(name: &str) -> Option<Builtin> {
        Builtin::iter().find(|b| b.name() == name)
    }

    pub fn names() -> Vec<&'static str> {
        Builtin::iter().map(Builtin::name).collect()
    }

    /// The theme, parsed: the compiled-in files are checked by a test, so this cannot fail.
    pub fn theme(self) -> Theme {
        Theme::parse(self.text(), &format!("assets/themes/{}.toml", self.name()))
            .expect("the compiled-in themes are checked by a test")
    }
}

/// What the person asked for: a theme by name, or `auto`, which looks at the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Choice {
    #[default]
    Auto,
    Named(Builtin),
}

impl Choice {
    pub fn parse(name: &str) -> Result<Choice, String> {
        if name == "auto" {
            return Ok(Choice::Auto);
        }
        Builtin::by_name(name).map(Choice::Named).ok_or_else(|| {
            let names = Builtin::names();
            let hint = entries::suggest(name, &names)
                .map(|n| format!("did you mean '{n}'? "))
                .unwrap_or_default();
            format!(
                "there is no theme '{}'; {hint}the themes are auto, {}",
                crate::content::sanitize::escaped(name),
                names.join(", ")
            )
        })
    }
}

/// How the borders of the focused panel differ from the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FocusedBorder {
    /// The same lines, in the focused border's colour.
    #[default]
    Plain,
    /// Heavier lines, for themes without colour.
    Thick,
}

/// One style as a theme file writes it: colours by name ("light-blue", "#1e2230", "236") and
/// the modifiers that are on.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct StyleSpec {
    fg: Option<String>,
    bg: Option<String>,
    #[serde(default)]
    bold: bool,
    #[serde(default)]
    dim: bool,
    #[serde(default)]
    italic: bool,
    #[serde(default)]
    underlined: bool,
    #[serde(default)]
    reversed: bool,
}

macro_rules! theme {
    ($($(#[$doc:meta])* $field:ident),* $(,)?) => {
        /// Every style the reader draws with, by what it shows.
        #[derive(Debug, Clone, PartialEq)]
        pub struct Theme {
            pub name: String,
            pub focused_border: FocusedBorder,
            $($(#[$doc])* pub $field: Style,)*
        }

        /// The style names a theme file sets, in its `[styles]` table.
        pub const STYLE_NAMES: &[&str] = &[$(stringify!($field)),*];

        impl Theme {
            fn set(&mut self, name: &str, style: Style) {
                match name {
                    $(stringify!($field) => self.$field = style,)*
                    _ => {}
                }
            }

            fn blank(name: String, focused_border: FocusedBorder) -> Theme {
                Theme { name, focused_border, $($field: Style::new(),)* }
            }

            /// Every style, for fitting them all to the terminal at once.
            fn styles_mut(&mut self) -> Vec<&mut Style> {
                vec![$(&mut self.$field),*]
            }
        }
    };
}

theme! {
    body, title, heading, label, muted, quote, slip, marker, strong, code,
    link,
    /// The link Tab has moved to.
    focused_link,
    /// A source paragraph opened from a citation.
    highlight,
    /// The quoted words a followed quote points at.
    passage,
    /// The selected list row when the list has focus, and when it does not.
    selected, selected_unfocused,
    /// A group heading in a list (a side of the actors).
    group,
    border, border_focused,
    tab, tab_current,
    status,
    /// Key names in the status line and the help.
    key,
    /// Search matches: every match, and the current one.
    find, find_current,
    /// The label letters on links while `f` waits for one.
    hint,
    /// The peek card and other floating boxes.
    card,
    /// The rows that say a reload failed.
    banner,
    error, warning,
    bookmark, seen,
    /// The positions of the stance matrix, each with a glyph of its own as well.
    supports, divided, neutral, wary, opposes, unclear,
    /// The Timeline's axis line and its ticks.
    axis,
    /// The publication date, drawn as a rule across the Timeline's lanes.
    rule,
    /// An event's extent on the axis; `faint` for a date known only roughly.
    ink, faint,
    /// The map's coastlines and its country borders.
    coast, frontier,
    /// A place's marker on the map.
    place,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeFile {
    #[serde(default)]
    focused_border: FocusedBorder,
    #[serde(default)]
    styles: std::collections::BTreeMap<String, toml::Spanned<StyleSpec>>,
}

impl Theme {
    /// Parses a theme file; every style it does not name stays plain.
    pub fn parse(text: &str, file: &str) -> Result<Theme, Report> {
        let mut report = Report::new("");
        report.add_source(file, text);
        let parsed: Result<ThemeFile, _> = toml::from_str(text);
        let parsed = match parsed {
            Ok(p) => p,
            Err(e) => {
                let message = e.message().trim().to_owned();
                report.add(Code::of_toml_error(&message), file, e.span(), message);
                return Err(report);
            }
        };
        let name = file.rsplit('/').next().unwrap_or(file).trim_end_matches(".toml").to_owned();
        let mut theme = Theme::blank(name, parsed.focused_border);
        for (name, spec) in &parsed.styles {
            if !STYLE_NAMES.contains(&name.as_str()) {
                report
                    .add(
                        Code::UnknownField,
                        file,
                        Some(spec.span()),
                        format!("there is no style '{name}'"),
                    )
                    .with_help(format!("a theme sets these styles: {}", STYLE_NAMES.join(", ")));
                continue;
            }
            match spec.get_ref().style() {
                Ok(style) => theme.set(name, style),
                Err(message) => {
                    report.add(Code::WrongType, file, Some(spec.span()), message);
                }
            }
        }
        if report.errors() > 0 { Err(report) } else { Ok(theme) }
    }

    /// The theme with every colour fitted to what the terminal can show.
    pub fn fitted(mut self, depth: ColorDepth) -> Theme {
        for style in self.styles_mut() {
            style.fg = style.fg.map(|c| depth.fit(c));
            style.bg = style.bg.map(|c| depth.fit(c));
        }
        self
    }

    /// The style of a run of text in a page.
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
            out = out.patch(self.code);
        }
        out
    }

    pub fn border_type(&self, focused: bool) -> BorderType {
        match (focused, self.focused_border) {
            (true, FocusedBorder::Thick) => BorderType::Thick,
            _ => BorderType::Plain,
        }
    }
}

impl StyleSpec {
    fn style(&self) -> Result<Style, String> {
        let color = |c: &Option<String>| -> Result<Option<Color>, String> {
            c.as_deref()
                .map(|name| {
                    name.parse::<Color>().map_err(|_| {
                        format!("'{}' is not a colour: write a name such as light-blue, a number 0-255 or #rrggbb", crate::content::sanitize::escaped(name))
                    })
                })
                .transpose()
        };
        let mut style = Style::new();
        if let Some(fg) = color(&self.fg)? {
            style = style.fg(fg);
        }
        if let Some(bg) = color(&self.bg)? {
            style = style.bg(bg);
        }
        for (on, modifier) in [
            (self.bold, Modifier::BOLD),
            (self.dim, Modifier::DIM),
            (self.italic, Modifier::ITALIC),
            (self.underlined, Modifier::UNDERLINED),
            (self.reversed, Modifier::REVERSED),
        ] {
            if on {
                style = style.add_modifier(modifier);
            }
        }
        Ok(style)
    }
}

/// Which theme to use, from what was asked, the environment and the terminal.
///
/// `NO_COLOR` (set and not empty) always gives the mono theme; otherwise a named theme is
/// used as named, and `auto` asks `background` (the terminal's background, when it could be
/// found) whether it is light.
pub fn choose(
    choice: Choice,
    no_color: bool,
    background_is_light: impl FnOnce() -> Option<bool>,
) -> Builtin {
    if no_color {
        return Builtin::Mono;
    }
    match choice {
        Choice::Named(builtin) => builtin,
        Choice::Auto => match background_is_light() {
            Some(true) => Builtin::Light,
            _ => Builtin::Dark,
        },
    }
}

/// Whether `NO_COLOR` asks for no colour: set and not empty, as no-color.org says.
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// Whether text written to a stream may carry colour: never under `NO_COLOR`, always under
/// `CLICOLOR_FORCE` (set, not empty and not 0), otherwise when the stream is a terminal.
pub fn color_for(stream_is_terminal: bool) -> bool {
    if no_color() {
        return false;
    }
    if std::env::var("CLICOLOR_FORCE").is_ok_and(|v| !v.is_empty() && v != "0") {
        return true;
    }
    stream_is_terminal
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_theme_parses_and_sets_every_style_it_needs() {
        for builtin in Builtin::iter() {
            let theme = Theme::parse(builtin.text(), builtin.name())
                .unwrap_or_else(|r| panic!("{}", r.render(false)));
            // What must be visible in every theme, colour or not.
            for (what, style) in [
                ("selected", theme.selected),
                ("focused_link", theme.focused_link),
                ("find_current", theme.find_current),
                ("hint", theme.hint),
                ("tab_current", theme.tab_current),
            ] {
                assert_ne!(style, Style::new(), "{}: {what} is plain", builtin.name());
            }
        }
    }

    #[test]
    fn the_mono_theme_has_no_colour_at_all() {
        let mono = Builtin::Mono.theme();
        let mut mono = mono;
        for style in mono.styles_mut() {
            assert!(style.fg.is_none() && style.bg.is_none(), "{style:?}");
        }
    }

    #[test]
    fn a_light_theme_puts_no_dark_background_behind_text() {
        let light = Builtin::Light.theme();
        // The backgrounds a reader reads text on; a selected row may be a strong accent.
        for style in [
            light.highlight,
            light.passage,
            light.card,
            light.find,
            light.selected_unfocused,
            light.focused_link,
        ] {
            if let Some(Color::Rgb(r, g, b)) = style.bg {
                let lightness = (u32::from(r) + u32::from(g) + u32::from(b)) / 3;
                assert!(lightness > 150, "{style:?}");
            }
        }
    }

    #[test]
    fn no_color_wins_and_auto_follows_the_background() {
        assert_eq!(choose(Choice::Named(Builtin::Light), true, || None), Builtin::Mono);
        assert_eq!(choose(Choice::Auto, false, || Some(true)), Builtin::Light);
        assert_eq!(choose(Choice::Auto, false, || Some(false)), Builtin::Dark);
        assert_eq!(choose(Choice::Auto, false, || None), Builtin::Dark);
        assert_eq!(
            choose(Choice::Named(Builtin::HighContrast), false, || Some(true)),
            Builtin::HighContrast
        );
    }

    #[test]
    fn an_unknown_theme_name_is_refused_with_the_names_there_are() {
        let err = Choice::parse("ligth").unwrap_err();
        assert!(err.contains("did you mean 'light'"), "{err}");
        assert!(err.contains("mono"), "{err}");
    }

    #[test]
    fn a_bad_colour_in_a_theme_file_is_located() {
        let err = Theme::parse("[styles]\nlink = { fg = \"blurple\" }\n", "t.toml").unwrap_err();
        let text = err.render(false);
        assert!(text.contains("t.toml:2:8"), "{text}");
        assert!(text.contains("'blurple' is not a colour"), "{text}");
    }
}
