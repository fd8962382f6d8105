//! `briefing man`: the manual page, in roff. Its options and commands come from the command
//! line's own definitions (clap_mangen), its keys from the default keymap, so neither can
//! drift from the program; the rest (the format in brief, files, environment, exit status)
//! is written here.

use crate::app::keymap::KeyMode;
use crate::app::{Action, Keymap, Section};
use clap_mangen::roff::{Inline, Roff, bold, italic, roman};
use strum::IntoEnumIterator;

/// The whole page.
pub fn page(command: clap::Command, keymap: &Keymap) -> String {
    let mut command = command;
    command.build();
    let man = clap_mangen::Man::new(command.clone())
        .title("BRIEFING")
        .section("1")
        .manual("User Commands")
        .source(format!("briefing {}", env!("CARGO_PKG_VERSION")));
    let mut out: Vec<u8> = Vec::new();
    // Writing into memory cannot fail.
    let _ = man.render_title(&mut out);
    let _ = man.render_name_section(&mut out);
    let _ = man.render_synopsis_section(&mut out);
    let _ = man.render_description_section(&mut out);
    let _ = man.render_options_section(&mut out);
    let mut roff = Roff::new();
    commands(&mut roff, &command);
    keys(&mut roff, keymap);
    format(&mut roff);
    settings(&mut roff);
    files(&mut roff);
    environment(&mut roff);
    exit_status(&mut roff);
    examples(&mut roff);
    see_also(&mut roff);
    let mut text = String::from_utf8_lossy(&out).into_owned();
    text.push_str(&roff.render());
    text
}

/// Every command with its usage, what it does and its options: one page holds it all, so no
/// `briefing-print(1)` is needed beside it.
fn commands(roff: &mut Roff, command: &clap::Command) {
    roff.control("SH", ["COMMANDS"]);
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        let mut sub = sub.clone().bin_name(format!("briefing {}", sub.get_name()));
        let usage = sub.render_usage().to_string();
        let usage = usage.trim_start_matches("Usage:").trim();
        roff.control("SS", [sub.get_name()]);
        roff.control("nf", []);
        roff.text([bold(usage)]);
        roff.control("fi", []);
        if let Some(about) = sub.get_long_about().or_else(|| sub.get_about()) {
            paragraphs(roff, &about.to_string());
        }
        for arg in sub.get_arguments().filter(|a| !a.is_hide_set()) {
            let id = arg.get_id().as_str();
            if id == "help" || id == "version" {
                continue;
            }
            roff.control("TP", []);
            roff.text(arg_name(arg));
            let mut help = arg
                .get_long_help()
                .or_else(|| arg.get_help())
                .map(|h| h.to_string())
                .unwrap_or_default();
            let help_end = help.trim_end();
            if !help_end.is_empty() && !help_end.ends_with(['.', ')', ':']) {
                help = format!("{help_end}.");
            }
            let values: Vec<String> =
                arg.get_possible_values().iter().map(|v| v.get_name().to_owned()).collect();
            if !values.is_empty() && !help.contains(&values[0]) {
                help.push_str(&format!(" One of: {}.", values.join(", ")));
            }
            roff.text([roman(help.replace('\n', " "))]);
        }
    }
}

/// "--width N", "-o, --output FILE", "PATH".
fn arg_name(arg: &clap::Arg) -> Vec<Inline> {
    let value = arg
        .get_value_names()
        .and_then(|v| v.first())
        .map(|v| v.to_string())
        .unwrap_or_else(|| arg.get_id().as_str().to_uppercase());
    let mut out = Vec::new();
    if arg.is_positional() {
        out.push(italic(value));
        return out;
    }
    if let Some(short) = arg.get_short() {
        out.push(bold(format!("-{short}")));
        out.push(roman(", "));
    }
    if let Some(long) = arg.get_long() {
        out.push(bold(format!("--{long}")));
    }
    if arg.get_action().takes_values() {
        out.push(roman(" "));
        out.push(italic(value));
    }
    out
}

/// Text whose blank lines separate paragraphs.
fn paragraphs(roff: &mut Roff, text: &str) {
    for (i, paragraph) in text.split("\n\n").enumerate() {
        if i > 0 {
            roff.control("PP", []);
        }
        roff.text([roman(paragraph.replace('\n', " "))]);
    }
}

/// The reader's keys, group by group as the help shows them, each with the name of its action
/// for the config's `[keys]`.
fn keys(roff: &mut Roff, keymap: &Keymap) {
    roff.control("SH", ["KEYS"]);
    roff.text([roman(
        "Inside the reader, these keys act; ? shows them too. Each mode has keys of its own. The name after each description is the action's, for rebinding it under [keys] in the config (see SETTINGS). Ctrl-c always quits.",
    )]);
    for section in Section::iter() {
        let mut rows: Vec<(String, Action, KeyMode)> = Vec::new();
        for mode in KeyMode::iter() {
            for action in Action::bindable() {
                if mode.section().unwrap_or(action.section()) != section {
                    continue;
                }
                let keys = keymap.keys_for(mode, action);
                if !keys.is_empty() {
                    rows.push((keys.join(", "), action, mode));
                }
            }
        }
        if rows.is_empty() {
            continue;
        }
        roff.control("SS", [section.title()]);
        for (keys, action, mode) in rows {
            roff.control("TP", []);
            roff.text([bold(keys)]);
            let name = action.name().unwrap_or_default();
            let table = match mode {
                KeyMode::Normal => String::new(),
                other => format!(" in [keys.{}]", other.name()),
            };
            roff.text([
                roman(format!("{} ", action.description(mode))),
                roman("("),
                italic(name),
                roman(format!("{table})")),
            ]);
        }
        if section == Section::Other {
            roff.control("TP", []);
            roff.text([bold("Ctrl-c")]);
            roff.text([roman("Always quits, whatever the keys are set to.")]);
        }
    }
}

fn format(roff: &mut Roff) {
    roff.control("SH", ["BRIEFING FORMAT"]);
    paragraphs(
        roff,
        "A briefing is a directory of seven TOML files: briefing.toml (title, publisher, address, date of publication, summary, key points), actors.toml, issues.toml, timeline.toml, places.toml, glossary.toml, and source.toml (the article, paragraph by paragraph, verbatim).\n\n\
Every entity has an id (lowercase letters, digits, hyphens), a name and a summary. Text is CommonMark with [[id]] and [[id|label]] links to other entities and \u{b6}2 citations of source paragraphs. Facts rest on paragraphs (cites, quote); facts from elsewhere go in context entries with their source; the article's own mistakes in slip entries. Dates are YYYY, YYYY-MM or YYYY-MM-DD with a precision (day, week, month, year, approximate) and a basis (stated, inferred, outside).\n\n\
Unknown fields are errors, and briefing check reports every problem with its file, line and column. briefing help format prints every field with an example; briefing help authoring the guide to writing one; briefing new DIR starts one.",
    );
}

fn settings(roff: &mut Roff) {
    roff.control("SH", ["SETTINGS"]);
    paragraphs(
        roff,
        "The config file (see FILES) may set: mouse = true|false (capture the mouse; M toggles it), cursor = true|false (put the terminal's cursor on the selected row or focused link, which screen readers and braille displays follow; on by default), theme = \"auto\", \"dark\", \"light\", \"high-contrast\" or \"mono\", and a [keys] table, with [keys.prompt], [keys.hints], [keys.picker] and [keys.overlay] for the other modes, that gives actions keys of your own: next = [\"j\", \"Down\"]. briefing help config shows them.",
    );
}

fn files(roff: &mut Roff) {
    roff.control("SH", ["FILES"]);
    for (path, what) in [
        (
            "$XDG_CONFIG_HOME/briefing/config.toml",
            "The settings (usually ~/.config/briefing/config.toml). Problems in it are reported with their line and column before the reader starts.",
        ),
        (
            "$XDG_STATE_HOME/briefing/",
            "Where your place in each briefing is kept: pane, selections, scroll, bookmarks and the items you have opened (usually ~/.local/state/briefing/). A damaged file is set aside, never lost. --fresh neither reads nor writes it.",
        ),
        (
            "DIR/briefing.toml, DIR/actors.toml, ...",
            "A briefing directory, as briefing DIR opens it; it is read again when its files change.",
        ),
    ] {
        roff.control("TP", []);
        roff.text([italic(path)]);
        roff.text([roman(what)]);
    }
}

fn environment(roff: &mut Roff) {
    roff.control("SH", ["ENVIRONMENT"]);
    for (name, what) in [
        ("XDG_CONFIG_HOME", "Where the config directory is; ~/.config when unset."),
        ("XDG_STATE_HOME", "Where your place is kept; ~/.local/state when unset."),
        (
            "NO_COLOR",
            "When set to anything, the reader uses the mono theme (no colour; the selection reversed, links underlined) and messages carry no colour.",
        ),
        (
            "CLICOLOR_FORCE",
            "When set (and not 0), briefing check and error messages are coloured even when not written to a terminal.",
        ),
        ("COLUMNS", "The width briefing print wraps to, when --width is not given; otherwise 80."),
        (
            "TERM, COLORTERM",
            "How many colours the terminal has; a theme is fitted to 16 colours when fewer than 256 are announced.",
        ),
    ] {
        roff.control("TP", []);
        roff.text([bold(name)]);
        roff.text([roman(what)]);
    }
}

fn exit_status(roff: &mut Roff) {
    roff.control("SH", ["EXIT STATUS"]);
    for (code, what) in [
        ("0", "Success; for check, no error found."),
        (
            "1",
            "The briefing has errors (every one is printed), the output could not be written (a full disk, a file that cannot be created), or the terminal failed.",
        ),
        (
            "2",
            "A problem with the command line: an unknown option, command, address or id, or a value out of range.",
        ),
    ] {
        roff.control("TP", []);
        roff.text([bold(code)]);
        roff.text([roman(what)]);
    }
}

fn examples(roff: &mut Roff) {
    roff.control("SH", ["EXAMPLES"]);
    for (command, what) in [
        ("briefing", "Read the bundled briefing."),
        ("briefing | less", "The whole briefing as plain text, in a pager."),
        ("briefing print --id lavrov", "One item and everything it links to."),
        (
            "briefing --goto actor:lavrov",
            "Open the reader at an address printed beside every item.",
        ),
        (
            "briefing export --to html -o briefing.html",
            "One self-contained page, to read in a browser or print.",
        ),
        ("briefing export --to json | jq '.entities[].name'", "The briefing for a script."),
        ("briefing check content/my-briefing", "Every problem in a briefing being written."),
    ] {
        roff.control("TP", []);
        roff.text([bold(command)]);
        roff.text([roman(what)]);
    }
}

fn see_also(roff: &mut Roff) {
    roff.control("SH", ["SEE ALSO"]);
    roff.text([roman(
        "briefing help format, briefing help authoring, briefing help keys, briefing help config, briefing schema export.",
    )]);
}
