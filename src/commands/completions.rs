//! `briefing completions SHELL`: tab completion of commands, options, their values and, for
//! the places a briefing directory goes, directories.

use clap_complete::Shell;

pub fn script(shell: Shell, mut command: clap::Command) -> String {
    let mut out: Vec<u8> = Vec::new();
    clap_complete::generate(shell, &mut command, "briefing", &mut out);
    let script = String::from_utf8_lossy(&out).into_owned();
    match shell {
        // clap_complete's bash script falls back to every file name when nothing else
        // matches, which is where a briefing directory goes; zsh, fish and the others complete
        // directories from the arguments' hints. (An output file, `-o`, is completed as a file
        // by the script itself.)
        Shell::Bash => script.replace("-o bashdefault -o default", "-o dirnames"),
        _ => script,
    }
}
