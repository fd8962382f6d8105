//! What colours a terminal can show, and its background: themes are written in full colour
//! and fitted down, so a 16-colour terminal never receives a colour it would misdraw.

use ratatui::style::Color;
use std::io::IsTerminal;
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ColorDepth {
    Ansi16,
    Ansi256,
    TrueColor,
}

impl ColorDepth {
    /// From the environment, as terminals announce it: `COLORTERM=truecolor` (or `24bit`) for
    /// full colour, a `TERM` naming 256 colours, and 16 colours otherwise.
    pub fn from_env(term: Option<&str>, colorterm: Option<&str>) -> ColorDepth {
        if matches!(colorterm, Some("truecolor" | "24bit")) {
            return ColorDepth::TrueColor;
        }
        match term {
            Some(t) if t.ends_with("-direct") => ColorDepth::TrueColor,
            Some(t) if t.contains("256") => ColorDepth::Ansi256,
            _ => ColorDepth::Ansi16,
        }
    }

    pub fn detect() -> ColorDepth {
        let term = std::env::var("TERM").ok();
        let colorterm = std::env::var("COLORTERM").ok();
        ColorDepth::from_env(term.as_deref(), colorterm.as_deref())
    }

    /// The nearest colour this terminal can show.
    pub fn fit(self, color: Color) -> Color {
        match (self, color) {
            (ColorDepth::TrueColor, c) => c,
            (ColorDepth::Ansi256, Color::Rgb(r, g, b)) => Color::Indexed(nearest_256(r, g, b)),
            (ColorDepth::Ansi256, c) => c,
            (ColorDepth::Ansi16, Color::Rgb(r, g, b)) => nearest_16(r, g, b),
            (ColorDepth::Ansi16, Color::Indexed(i)) => {
                let (r, g, b) = rgb_of_256(i);
                nearest_16(r, g, b)
            }
            (ColorDepth::Ansi16, c) => c,
        }
    }
}

/// The sixteen colours with the values xterm gives them by default.
const ANSI: [(Color, (u8, u8, u8)); 16] = [
    (Color::Black, (0, 0, 0)),
    (Color::Red, (205, 0, 0)),
    (Color::Green, (0, 205, 0)),
    (Color::Yellow, (205, 205, 0)),
    (Color::Blue, (0, 0, 238)),
    (Color::Magenta, (205, 0, 205)),
    (Color::Cyan, (0, 205, 205)),
    (Color::Gray, (229, 229, 229)),
    (Color::DarkGray, (127, 127, 127)),
    (Color::LightRed, (255, 0, 0)),
    (Color::LightGreen, (0, 255, 0)),
    (Color::LightYellow, (255, 255, 0)),
    (Color::LightBlue, (92, 92, 255)),
    (Color::LightMagenta, (255, 0, 255)),
    (Color::LightCyan, (0, 255, 255)),
    (Color::White, (255, 255, 255)),
];

fn distance(a: (u8, u8, u8), b: (u8, u8, u8)) -> u32 {
    let d = |x: u8, y: u8| (i32::from(x) - i32::from(y)).pow(2) as u32;
    d(a.0, b.0) * 3 + d(a.1, b.1) * 4 + d(a.2, b.2) * 2
}

fn nearest_16(r: u8, g: u8, b: u8) -> Color {
    ANSI.iter()
        .min_by_key(|(_, rgb)| distance(*rgb, (r, g, b)))
        .map(|(c, _)| *c)
        .unwrap_or(Color::Reset)
}

const CUBE: [u8; 6] = [0, 95, 135, 175, 215, 255];

fn rgb_of_256(i: u8) -> (u8, u8, u8) {
    match i {
        0..=15 => ANSI[usize::from(i)].1,
        16..=231 => {
            let i = i - 16;
            (CUBE[usize::from(i / 36)], CUBE[usize::from(i / 6 % 6)], CUBE[usize::from(i % 6)])
        }
        _ => {
            let v = 8 + (i - 232) * 10;
            (v, v, v)
        }
    }
}

/// The nearest of the 240 colours past the first sixteen, which every 256-colour terminal
/// draws alike (the first sixteen follow the person's palette).
fn nearest_256(r: u8, g: u8, b: u8) -> u8 {
    (16..=255u8).min_by_key(|i| distance(rgb_of_256(*i), (r, g, b))).unwrap_or(16)
}

/// Whether the terminal's background is light, asked once before the screen is taken, with a
/// short wait: `None` when it cannot tell (not a terminal, `TERM=dumb`, no answer).
pub fn detect_background() -> Option<bool> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return None;
    }
    if std::env::var("TERM").is_ok_and(|t| t == "dumb") {
        return None;
    }
    let mut options = terminal_colorsaurus::QueryOptions::default();
    options.timeout = Duration::from_millis(150);
    let mode = terminal_colorsaurus::theme_mode(options).ok()?;
    Some(mode == terminal_colorsaurus::ThemeMode::Light)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_comes_from_term_and_colorterm() {
        assert_eq!(ColorDepth::from_env(Some("xterm-256color"), None), ColorDepth::Ansi256);
        assert_eq!(ColorDepth::from_env(Some("xterm"), None), ColorDepth::Ansi16);
        assert_eq!(ColorDepth::from_env(Some("linux"), None), ColorDepth::Ansi16);
        assert_eq!(ColorDepth::from_env(None, Some("truecolor")), ColorDepth::TrueColor);
        assert_eq!(
            ColorDepth::from_env(Some("tmux-256color"), Some("24bit")),
            ColorDepth::TrueColor
        );
    }

    #[test]
    fn colours_are_fitted_down_never_up() {
        assert_eq!(ColorDepth::Ansi16.fit(Color::Rgb(250, 250, 250)), Color::White);
        assert_eq!(ColorDepth::Ansi16.fit(Color::Rgb(10, 10, 10)), Color::Black);
        assert_eq!(ColorDepth::Ansi16.fit(Color::Indexed(196)), Color::LightRed);
        assert_eq!(ColorDepth::Ansi256.fit(Color::Rgb(0, 0, 0)), Color::Indexed(16));
        assert_eq!(ColorDepth::Ansi256.fit(Color::Cyan), Color::Cyan);
        assert_eq!(ColorDepth::TrueColor.fit(Color::Rgb(1, 2, 3)), Color::Rgb(1, 2, 3));
        for depth in [ColorDepth::Ansi16, ColorDepth::Ansi256] {
            assert!(!matches!(depth.fit(Color::Rgb(30, 34, 48)), Color::Rgb(..)));
        }
    }
}
