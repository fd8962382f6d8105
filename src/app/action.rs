//! Everything a person can do, by name. Keys become actions through the keymap; `update` is
//! the only code that acts on them.

use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
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
    FilterByActor,
    Bookmark,
    Bookmarks,
    Copy,
    ToggleMouse,
    Help,
    ShowProblems,
    Close,
    Suspend,
    Quit,
}

/// Groups of actions as the help overlay shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Panes,
    Move,
    Links,
    Find,
    Keep,
    Other,
}

impl Section {
    pub const ALL: [Section; 4] = [Section::Panes, Section::Move, Section::Links, Section::Other];

    pub fn title(self) -> &'static str {
        match self {
            Section::Panes => "Panes",
            Section::Move => "Moving",
            Section::Links => "Links and history",
            Section::Find => "Finding",
            Section::Keep => "Keeping your place",
            Section::Other => "Other",
        }
    }
}

impl Action {
    /// Every action in the order the help overlay lists them.
    pub const ALL: [Action; 38] = [
        Action::ShowSummary,
        Action::ShowActors,
        Action::ShowIssues,
        Action::ShowTimeline,
        Action::ShowPlaces,
        Action::ShowGlossary,
        Action::ShowSource,
        Action::Next,
        Action::Prev,
        Action::PageDown,
        Action::PageUp,
        Action::First,
        Action::Last,
        Action::FocusList,
        Action::FocusDetail,
        Action::NextLink,
        Action::PrevLink,
        Action::Follow,
        Action::Back,
        Action::Forward,
        Action::Find,
        Action::NextMatch,
        Action::PrevMatch,
        Action::Search,
        Action::Palette,
        Action::Hints,
        Action::HintsBeside,
        Action::TogglePeek,
        Action::FilterByActor,
        Action::Bookmark,
        Action::Bookmarks,
        Action::Copy,
        Action::ToggleMouse,
        Action::Help,
        Action::ShowProblems,
        Action::Close,
        Action::Suspend,
        Action::Quit,
    ];

    /// The action's name as the keymap file writes it: `next`, `show_actors`.
    pub fn name(self) -> String {
        let mut name = String::new();
        for (i, c) in format!("{self:?}").chars().enumerate() {
            if c.is_uppercase() && i > 0 {
                name.push('_');
            }
            name.push(c.to_ascii_lowercase());
        }
        name
    }

    pub fn section(self) -> Section {
        use Action::*;
        match self {
            ShowSummary | ShowActors | ShowIssues | ShowTimeline | ShowPlaces | ShowGlossary
            | ShowSource => Section::Panes,
            Next | Prev | PageDown | PageUp | First | Last | FocusList | FocusDetail => {
                Section::Move
            }
            NextLink | PrevLink | Follow | Back | Forward => Section::Links,
            Find | NextMatch | PrevMatch | Search | Palette | Hints | HintsBeside | TogglePeek => {
                Section::Find
            }
            FilterByActor | Bookmark | Bookmarks | Copy => Section::Keep,
            ToggleMouse | Help | ShowProblems | Close | Suspend | Quit => Section::Other,
        }
    }

    pub fn description(self) -> &'static str {
        use Action::*;
        match self {
            ShowSummary => "Summary: title, source, key points",
            ShowActors => "Actors, grouped by side",
            ShowIssues => "Issues",
            ShowTimeline => "Timeline, in date order",
            ShowPlaces => "Places",
            ShowGlossary => "Glossary of terms and acronyms",
            ShowSource => "Source: the article, by paragraph",
            Next => "Next item in a list, or scroll down",
            Prev => "Previous item in a list, or scroll up",
            PageDown => "Page down",
            PageUp => "Page up",
            First => "First item, or top of the text",
            Last => "Last item, or end of the text",
            FocusList => "Move focus to the list",
            FocusDetail => "Move focus to the detail, to scroll it",
            NextLink => "Focus the next link",
            PrevLink => "Focus the previous link",
            Follow => "Follow the focused link, or open the selection",
            Back => "Back to where you were",
            Forward => "Forward again",
            Find => "Search the text on screen",
            NextMatch => "Next match",
            PrevMatch => "Previous match",
            Search => "Search the whole briefing",
            Palette => "Jump to any entity by name",
            Hints => "Label links on screen; type a label to follow",
            HintsBeside => "Label links; open the chosen one beside this item",
            TogglePeek => "Show or hide the card about the focused link",
            FilterByActor => "Narrow Timeline and Issues to the selected actor",
            Bookmark => "Bookmark this item, or remove the bookmark",
            Bookmarks => "List the bookmarks",
            Copy => "Copy this item as a reference with its citation",
            ToggleMouse => "Turn mouse capture on or off",
            Help => "Show or hide this help",
            ShowProblems => "Show every problem of a reload that failed",
            Close => "Close, clear search or filter, back to the list",
            Suspend => "Suspend to the shell; fg returns",
            Quit => "Quit",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_the_keymap_file() {
        for action in Action::ALL {
            let parsed: Action = toml::Value::String(action.name()).try_into().unwrap();
            assert_eq!(parsed, action);
        }
    }
}
