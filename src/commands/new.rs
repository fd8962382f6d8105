//! `briefing new NAME`: a new briefing directory with every section file, the schema
//! directive and commented examples of each field. It passes `briefing check` as written.

use super::schema;
use crate::content::load::FILES;
use std::path::Path;

macro_rules! templates {
    ($($file:literal),*) => {
        [$(($file, include_str!(concat!("../../assets/scaffold/", $file)))),*]
    };
}

const TEMPLATES: [(&str, &str); 7] = crate::with_section_files!(templates);

/// Creates the directory and its files; refuses to touch a directory that already has
/// anything in it, so no one's work is overwritten.
pub fn run(dir: &Path) -> Result<String, String> {
    if dir.exists() {
        let empty = dir.read_dir().map(|mut entries| entries.next().is_none()).unwrap_or(false);
        if !dir.is_dir() || !empty {
            return Err(format!(
                "{} already exists; choose a new name, or an empty directory",
                crate::content::sanitize::escaped(&dir.display().to_string())
            ));
        }
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    // The title comes from the directory's name, cleaned as any text is: a name may hold
    // anything a file system allows, escapes included.
    let title = dir
        .file_name()
        .map(|n| {
            crate::content::sanitize::Clean::from(n.to_string_lossy().replace(['"', '\\'], ""))
                .into_string()
        })
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| "New briefing".to_owned());
    let write = |name: &str, text: &str| {
        std::fs::write(dir.join(name), text)
            .map_err(|e| format!("cannot write {}: {e}", dir.join(name).display()))
    };
    for (name, template) in TEMPLATES {
        let text = template
            .replace("{title}", &title)
            .replace("{schema}", &schema::directive(schema::NEW_FOLDER, name));
        write(name, &text)?;
    }
    let folder = dir.join("schema");
    std::fs::create_dir_all(&folder)
        .map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
    for (name, text) in schema::files() {
        write(&format!("schema/{name}"), &text)?;
    }
    Ok(format!(
        "Created {dir}: {files}, and schema/ for your editor.\nFill it in, then run `briefing check {dir}`; open it with `briefing {dir}`, which reloads as you save.\n",
        dir = crate::content::sanitize::escaped(&dir.display().to_string()),
        files = FILES.join(", "),
    ))
}
