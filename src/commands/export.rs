//! `briefing export`: writing the exported file where it was asked to go.

use crate::content::sanitize::escaped;
use std::io::Write;
use std::path::Path;

/// Writes `text` to `path`. A regular file (or a new one) is written beside itself and then
/// renamed over, so a full disk or a killed run never leaves half a file where a whole one
/// was; anything else (a terminal, a pipe, `/dev/stdout`, a link) is written directly.
pub fn write(path: &Path, text: &str) -> Result<(), String> {
    let shown = escaped(&path.display().to_string());
    let fail = |e: std::io::Error| format!("cannot write {shown}: {}", reason(&e));
    let replace = match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => {
            return Err(format!("cannot write {shown}: it is a directory"));
        }
        Ok(meta) => meta.is_file(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => true,
        Err(e) => return Err(fail(e)),
    };
    if !replace {
        let mut file =
            std::fs::OpenOptions::new().write(true).truncate(true).open(path).map_err(fail)?;
        return file.write_all(text.as_bytes()).and_then(|()| file.flush()).map_err(fail);
    }
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let temp = dir.join(format!(".{name}.{}.part", std::process::id()));
    let written = std::fs::File::create(&temp).and_then(|mut file| {
        file.write_all(text.as_bytes())?;
        file.sync_all()
    });
    let done = written.and_then(|()| std::fs::rename(&temp, path));
    if let Err(e) = done {
        let _ = std::fs::remove_file(&temp);
        return Err(fail(e));
    }
    Ok(())
}

/// An I/O error as a person reads it: "permission denied", "no such directory".
fn reason(error: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match error.kind() {
        NotFound => "the directory does not exist".to_owned(),
        PermissionDenied => "permission denied".to_owned(),
        StorageFull => "the disk is full".to_owned(),
        ReadOnlyFilesystem => "the file system is read-only".to_owned(),
        _ => error.to_string(),
    }
}
