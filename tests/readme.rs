//! The README's key table is generated from the keymap; this test fails when they drift.
//! Run with BRIEFING_WRITE_README=1 to rewrite the table.

use briefing::app::Keymap;

const START: &str = "<!-- keys:start -->\n";
const END: &str = "<!-- keys:end -->";

#[test]
fn the_readme_lists_every_key_as_the_keymap_binds_it() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).unwrap();
    let start = readme.find(START).expect("README has a keys:start marker") + START.len();
    let end = readme.find(END).expect("README has a keys:end marker");
    let table = Keymap::default_keys().markdown();
    if std::env::var_os("BRIEFING_WRITE_README").is_some() {
        std::fs::write(path, format!("{}{table}{}", &readme[..start], &readme[end..])).unwrap();
        return;
    }
    assert_eq!(
        &readme[start..end],
        table,
        "README's key table is stale: run BRIEFING_WRITE_README=1 cargo test --test readme"
    );
}

#[test]
fn the_readme_and_the_help_name_every_action() {
    use briefing::app::{Action, KeyMode};
    use strum::IntoEnumIterator;
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let keymap = Keymap::default_keys();
    for action in Action::bindable() {
        let described = KeyMode::iter()
            .filter(|m| !keymap.keys_for(*m, action).is_empty())
            .any(|m| readme.contains(action.description(m)));
        assert!(described, "README.md does not name {action:?}");
    }
    assert!(readme.contains("`Ctrl-c` | Always quits"), "the README says Ctrl-c always quits");
}
