//! Measures what loading a briefing holds: the peak of live heap bytes while it loads, what
//! the loaded briefing holds after, in how many allocations, and the process's peak resident
//! memory. `cargo run --release --example memory -- DIR`
//!
//! Heap bytes are counted by a global allocator around the system's; resident memory adds
//! the allocator's own overhead and the program itself.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static BLOCKS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed on to the system allocator unchanged; only counts are kept.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        PEAK.fetch_max(LIVE.fetch_add(layout.size(), Relaxed) + layout.size(), Relaxed);
        BLOCKS.fetch_add(1, Relaxed);
        // SAFETY: the caller's layout, as the trait requires.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        BLOCKS.fetch_sub(1, Relaxed);
        // SAFETY: a block this allocator gave, with its layout.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, size: usize) -> *mut u8 {
        PEAK.fetch_max(LIVE.fetch_add(size, Relaxed) + size, Relaxed);
        LIVE.fetch_sub(layout.size(), Relaxed);
        // SAFETY: a block this allocator gave, with its layout and a valid new size.
        unsafe { System.realloc(ptr, layout, size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: memory DIR");
        std::process::exit(2);
    };
    let mb = |bytes: usize| bytes as f64 / 1e6;
    let files = match briefing::content::read_dir(std::path::Path::new(&dir)) {
        Ok(files) => files,
        Err(report) => {
            eprint!("{}", report.render(false));
            std::process::exit(1);
        }
    };
    let content: usize = files.texts.iter().map(|(_, t)| t.len()).sum();
    PEAK.store(LIVE.load(Relaxed), Relaxed);
    let loaded = briefing::content::load::load_with(files, &Default::default());
    let peak = PEAK.load(Relaxed);
    println!("content               {:8.2} MB", mb(content));
    println!(
        "heap peak, loading    {:8.2} MB ({:.2}x the content)",
        mb(peak),
        peak as f64 / content as f64
    );
    println!(
        "heap after, loaded    {:8.2} MB in {} allocations",
        mb(LIVE.load(Relaxed)),
        BLOCKS.load(Relaxed)
    );
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    if let Some(line) = status.lines().find(|l| l.starts_with("VmHWM")) {
        let kb: usize = line.split_whitespace().nth(1).and_then(|n| n.parse().ok()).unwrap_or(0);
        println!("resident peak         {:8.2} MB", kb as f64 / 1e3);
    }
    if let Err(report) = loaded {
        eprint!("{}", report.render(false));
    }
}
