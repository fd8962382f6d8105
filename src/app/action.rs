//! Everything a person can do, by name, and every input as data: keys become actions through
//! the keymap of the current mode, typed characters, clicks and wheel steps carry their data.
//! `Shell::update` is the only code that acts on them.

use super::keymap::Key;
use serde::Deserialize;
use strum::{EnumIter, IntoEnumIterator, IntoStaticStr};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, EnumIter, IntoStaticStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Action {
    ShowSummary,
    ShowActors,
    ShowIssues,
    ShowTimeline,
    ShowPlaces,
    ShowGlossary,
    ShowSource,
    Next,
    Prev,
    PageDown,
    PageUp,
    First,
    Last,
    FocusList,
    FocusDetail,
    NextLink,
    PrevLink,
    Follow,
    Back,
    Forward,
    Find,
    NextMatch,
    PrevMatch,
    Search,
    Palette,
    Hints,
    HintsBeside,
    TogglePeek,
    ToggleCitedBy,
    FilterByActor,
    Bookmark,
    Bookmarks,
    Copy,
    ToggleMouse,
    Help,
    ShowMessages,
    Reload,
    /// The library: every briefing, to open another or come back to this one.
    Library,
    /// In the library: the next order of the rows.
    Sort,
    Close,
    Suspend,
    Quit,
    /// Keep what was typed (a `/` query) or open the chosen result.
    Accept,
    /// Give up what is being typed, or the labels on the links.
    Cancel,
    DeleteBack,
    ClearInput,
    /// Shows the pane's picture instead of its list (the Timeline on a date axis, Places on a
    /// map, the Actors' stances in a matrix), or the list again.
    TogglePicture,
    /// In a picture: the event before, the place to the west, the issue to the left.
    StepLeft,
    /// In a picture: the event after, the place to the east, the issue to the right.
    StepRight,
    PanLeft,
    PanRight,
    PanUp,
    PanDown,
    ZoomIn,
    ZoomOut,
    /// The view that fits: the article's weeks, the briefing's places; again, everything.
    ZoomFit,
    /// The stance matrix: issues as the briefing lists them, or the most divided first.
    OrderIssues,
    /// A character typed into a prompt, or a letter of a link's label.
    #[serde(skip)]
    Type(char),
    /// A left click at a cell of the screen.
    #[serde(skip)]
    Click {
        column: u16,
        row: u16,
    },
    /// One step of the mouse wheel at a cell of the screen.
    #[serde(skip)]
    Wheel {
        column: u16,
        row: u16,
        down: bool,
    },
    /// The terminal's new size.
    #[serde(skip)]
    Resize {
        width: u16,
        height: u16,
    },
    /// A key that the current mode's keymap binds to nothing.
    #[serde(skip)]
    Unbound(Key),
    /// No input is waiting: the next step of work left from the last action (a palette query
    /// on a large briefing is answered in steps, so no keystroke waits for the whole of it).
    #[serde(skip)]
    Tick,
}

/// Groups of keys as the help, the README and the man page show them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter)]
pub enum Section {
    Panes,
    Move,
    Links,
    Find,
    Keep,
    Other,
    /// Keys while a picture is shown instead of a list.
    Picture,
    /// Keys while typing: a `/` query, the briefing search, the palette.
    Prompt,
    /// Keys while link labels wait for a letter.
    Hints,
    /// Keys in the bookmarks box.
    Picker,
    /// Keys in the help and messages boxes.
    Overlay,
    /// Keys on the library screen.
    Library,
}

impl Section {
    pub fn title(self) -> &'static str {
        match self {
            Section::Panes => "Panes",
            Section::Move => "Moving",
            Section::Links => "Links and history",
            Section::Find => "Finding",
            Section::Keep => "Keeping your place",
            Section::Other => "Other",
            Section::Prompt => "While typing (/ find, s search, the palette)",
            Section::Hints => "While link labels are shown (f, F)",
            Section::Picker => "In the bookmarks box and the box of a long list",
            Section::Overlay => "In the help and messages boxes",
            Section::Picture => "In a picture (v on the Timeline, Places and Actors)",
            Section::Library => "In the library",
        }
    }
}

impl Action {
    /// The actions a keymap can bind, in the order the help lists them.
    pub fn bindable() -> impl Iterator<Item = Action> {
        Action::iter().filter(|a| a.name().is_some())
    }

    /// The action's name as the keymap file writes it (`next`, `show_actors`); none for the
    /// inputs that carry data, which no key is bound to.
    pub fn name(self) -> Option<&'static str> {
        match self {
            Action::Type(_)
            | Action::Click { .. }
            | Action::Wheel { .. }
            | Action::Resize { .. }
            | Action::Unbound(_)
            | Action::Tick => None,
            other => Some(other.into()),
        }
    }

    /// The help group of an action in the main keymap.
    pub fn section(self) -> Section {
        use Action::*;
        match self {
            ShowSummary | ShowActors | ShowIssues | ShowTimeline | ShowPlaces | ShowGlossary
            | ShowSource => Section::Panes,
            Next | Prev | PageDown | PageUp | First | Last | FocusList | FocusDetail => {
                Section::Move
            }
            NextLink | PrevLink | Follow | Back | Forward | ToggleCitedBy => Section::Links,
            Find | NextMatch | PrevMatch | Search | Palette | Hints | HintsBeside | TogglePeek => {
                Section::Find
            }
            FilterByActor | Bookmark | Bookmarks | Copy => Section::Keep,
            TogglePicture => Section::Panes,
            _ => Section::Other,
        }
    }

    /// What the action does in a mode, as the help says it.
    pub fn description(self, mode: super::KeyMode) -> &'static str {
        use super::KeyMode;
        use Action::*;
        match (mode, self) {
            (KeyMode::Prompt, Next) => "Next result, or next match while finding",
            (KeyMode::Prompt, Prev) => "Previous result, or previous match",
            (KeyMode::Picker, Next) => "Next bookmark",
            (KeyMode::Picker, Prev) => "Previous bookmark",
            (KeyMode::Picker, Follow) => "Open the chosen bookmark",
            (KeyMode::Picker, Bookmark) => "Remove the chosen bookmark",
            (KeyMode::Overlay | KeyMode::Picker, Close) => "Close the box",
            (KeyMode::Overlay, Next) => "Scroll down",
            (KeyMode::Overlay, Prev) => "Scroll up",
            (KeyMode::Overlay | KeyMode::Picker, PageDown) => "Page down",
            (KeyMode::Overlay | KeyMode::Picker, PageUp) => "Page up",
            (KeyMode::Overlay | KeyMode::Picker, First) => "To the top",
            (KeyMode::Overlay | KeyMode::Picker, Last) => "To the end",
            (KeyMode::Hints, Cancel) => "Take the labels away",
            (KeyMode::Library, Next) => "Next briefing",
            (KeyMode::Library, Prev) => "Previous briefing",
            (KeyMode::Library, Follow) => "Open the chosen briefing (or search result)",
            (KeyMode::Library, Find) => "Filter the rows by typing words of a title",
            (KeyMode::Library, Search) => "Search the text of every briefing",
            (KeyMode::Library, Close | Library) => "Back to the briefing you were reading",
            (KeyMode::Library, Reload) => "Read the library's folders again",
            (KeyMode::Library, PageDown) => "Page down",
            (KeyMode::Library, PageUp) => "Page up",
            (KeyMode::Library, First) => "First briefing",
            (KeyMode::Library, Last) => "Last briefing",
            (KeyMode::Hints, DeleteBack) => "Take back the last letter typed",
            (KeyMode::Picture, TogglePicture) => "The list again",
            (KeyMode::Picture, Next) => "Down: the event, place or actor below",
            (KeyMode::Picture, Prev) => "Up: the event, place or actor above",
            (KeyMode::Picture, Close) => "Let go of a search or filter, then the list again",
            (KeyMode::Picture, Follow) => "Open the selection (in the matrix, the stance's quote)",
            (_, ShowSummary) => "Summary: title, source, key points",
            (_, ShowActors) => "Actors, grouped by side",
            (_, ShowIssues) => "Issues",
            (_, ShowTimeline) => "Timeline, in date order",
            (_, ShowPlaces) => "Places",
            (_, ShowGlossary) => "Glossary of terms and acronyms, A to Z",
            (_, ShowSource) => "Source: the article, by paragraph",
            (_, Next) => "Next item in a list, or scroll down",
            (_, Prev) => "Previous item in a list, or scroll up",
            (_, PageDown) => "Page down",
            (_, PageUp) => "Page up",
            (_, First) => "First item, or top of the text",
            (_, Last) => "Last item, or end of the text",
            (_, FocusList) => "Move focus to the list",
            (_, FocusDetail) => "Move focus to the detail, to scroll it",
            (_, NextLink) => "Focus the next link",
            (_, PrevLink) => "Focus the previous link",
            (_, Follow) => "Follow the focused link, or open the selection",
            (_, Back) => "Back to where you were",
            (_, Forward) => "Forward again",
            (_, ToggleCitedBy) => "Source: show or fold who cites each paragraph",
            (_, Find) => "Search what is on screen (the list, when it has focus)",
            (_, NextMatch) => "Next match",
            (_, PrevMatch) => "Previous match",
            (_, Search) => "Search the whole briefing",
            (_, Palette) => "Jump to any entity by name",
            (_, Hints) => "Label links on screen; type a label to follow",
            (_, HintsBeside) => "Label links; open the chosen one beside this item",
            (_, TogglePeek) => "Show or hide the card about the focused link",
            (_, FilterByActor) => "Narrow Timeline and Issues to the selected actor",
            (_, Bookmark) => "Bookmark this item, or remove the bookmark",
            (_, Bookmarks) => "List the bookmarks",
            (_, Copy) => "Copy this item as a reference with its citation",
            (_, ToggleMouse) => "Turn mouse capture on or off",
            (_, Help) => "Show or hide this help",
            (_, ShowMessages) => "Messages, and every problem of a reload that failed",
            (_, Reload) => "Read the briefing's files again now",
            (_, Library) => "The library: every briefing, to open another",
            (_, Sort) => "Order the library by last opened, title or date",
            (_, Close) => "Let go: card, search, beside, filter, then back to the list",
            (_, Suspend) => "Suspend to the shell; fg returns",
            (_, Quit) => "Quit",
            (_, Accept) => "Keep the query, or open the chosen result",
            (_, Cancel) => "Give up typing",
            (_, DeleteBack) => "Delete the last character",
            (_, ClearInput) => "Clear what was typed",
            (_, TogglePicture) => "Picture: timeline axis, map, stance matrix",
            (_, StepLeft) => "The event before, the place to the west, the issue to the left",
            (_, StepRight) => "The event after, the place to the east, the issue to the right",
            (_, PanLeft) => "Move the view earlier or west (the matrix: as h)",
            (_, PanRight) => "Move the view later or east (the matrix: as l)",
            (_, PanUp) => "Move the map north; elsewhere as k",
            (_, PanDown) => "Move the map south; elsewhere as j",
            (_, ZoomIn) => "Zoom in, around the selection",
            (_, ZoomOut) => "Zoom out, around the selection",
            (_, ZoomFit) => "Fit the article's weeks or the places; again, everything",
            (_, OrderIssues) => "Stances: order issues by how divided the actors are",
            (_, Type(_) | Click { .. } | Wheel { .. } | Resize { .. } | Unbound(_) | Tick) => "",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_the_keymap_file() {
        for action in Action::bindable() {
            let name = action.name().unwrap();
            let parsed: Action = toml::Value::String(name.to_owned()).try_into().unwrap();
            assert_eq!(parsed, action);
        }
    }

    #[test]
    fn inputs_that_carry_data_cannot_be_named_in_a_keymap() {
        let parsed: Result<Action, _> = toml::Value::String("type".to_owned()).try_into();
        assert!(parsed.is_err());
        assert!(Action::bindable().all(|a| !matches!(a, Action::Type(_) | Action::Click { .. })));
    }
}
