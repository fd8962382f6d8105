// The seven section files of a briefing, in the order they are read: one list, included by
// the loader and by build.rs, which embeds the bundled briefings.

/// Hands the seven file names, as literals, to the macro `$then`: `include_str!` needs
/// literals, so the bundled briefing and the `new` templates are built through this one list.
#[macro_export]
macro_rules! with_section_files {
    ($then:ident) => {
        $then!(
            "briefing.toml",
            "actors.toml",
            "issues.toml",
            "timeline.toml",
            "places.toml",
            "glossary.toml",
            "source.toml"
        )
    };
}
