//! Measures how long a program takes to put its first screen up in a pseudo-terminal: from
//! spawning it to the moment the screen shows a given text. Used to compare the reader's
//! start-up with other terminal readers side by side:
//!
//! `cargo run --release --example first_screen -- 11 "strategic impasse" target/release/briefing --fresh`
//!
//! runs the command 11 times and prints each time and the median, in milliseconds. Like a real
//! terminal (xterm), it answers what a program asks of it: its device attributes and its
//! background colour.

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::Read;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

fn main() {
    let mut args = std::env::args().skip(1);
    let runs: usize = args
        .next()
        .and_then(|n| n.parse().ok())
        .expect("usage: first_screen RUNS TEXT COMMAND [ARGS…]");
    let text = args.next().expect("the text that means the first screen is up");
    let command: Vec<String> = args.collect();
    let mut times = Vec::new();
    for _ in 0..runs {
        times.push(once(&text, &command));
        std::thread::sleep(Duration::from_millis(100));
    }
    let mut sorted = times.clone();
    sorted.sort_by(f64::total_cmp);
    let shown: Vec<String> = times.iter().map(|t| format!("{t:.1}")).collect();
    println!(
        "{}: median {:.1} ms ({})",
        command.join(" "),
        sorted[sorted.len() / 2],
        shown.join(" ")
    );
}

fn once(text: &str, command: &[String]) -> f64 {
    let pty = native_pty_system()
        .openpty(PtySize { rows: 24, cols: 80, pixel_width: 0, pixel_height: 0 })
        .unwrap();
    let mut builder = CommandBuilder::new(&command[0]);
    builder.args(&command[1..]);
    builder.env("TERM", "xterm-256color");
    if let Ok(dir) = std::env::current_dir() {
        builder.cwd(dir);
    }
    let size = |n: u16| std::num::NonZeroU16::new(n).expect("a size");
    let screen = Arc::new(Mutex::new(vt100::Parser::new(size(24), size(80), 0)));
    let mut reader = pty.master.try_clone_reader().unwrap();
    let mut writer = pty.master.take_writer().unwrap();
    let start = Instant::now();
    let mut child = pty.slave.spawn_command(builder).unwrap();
    let s = Arc::clone(&screen);
    std::thread::spawn(move || {
        use std::io::Write;
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            let bytes = &buf[..n];
            let has = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
            if has(b"\x1b]11;?") {
                let _ = writer.write_all(b"\x1b]11;rgb:0000/0000/0000\x1b\\");
            }
            if has(b"\x1b[c") {
                let _ = writer.write_all(b"\x1b[?62;22c");
            }
            let _ = writer.flush();
            s.lock().unwrap().process(bytes);
        }
    });
    let elapsed = loop {
        if screen.lock().unwrap().screen().contents().contains(text) {
            break start.elapsed();
        }
        if start.elapsed() > Duration::from_secs(10) {
            panic!("never saw {text:?}:\n{}", screen.lock().unwrap().screen().contents());
        }
        std::thread::sleep(Duration::from_micros(200));
    };
    let _ = child.kill();
    let _ = child.wait();
    elapsed.as_secs_f64() * 1000.0
}
