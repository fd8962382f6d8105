//! The status line's message and the log of every message, so that what a narrow status line
//! had to shorten can be read whole (`e`).

use std::collections::VecDeque;

/// How many messages the log keeps.
const LOG: usize = 100;

#[derive(Debug, Clone, Default)]
pub struct Status {
    message: Option<String>,
    log: VecDeque<String>,
}

impl Status {
    /// Shows a message until the next action, and keeps it in the log.
    pub fn say(&mut self, message: impl Into<String>) {
        let message = message.into();
        if message.is_empty() {
            return;
        }
        if self.log.back() != Some(&message) {
            if self.log.len() >= LOG {
                self.log.pop_front();
            }
            self.log.push_back(message.clone());
        }
        self.message = Some(message);
    }

    pub fn clear(&mut self) {
        self.message = None;
    }

    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// Every message of this run, oldest first.
    pub fn log(&self) -> impl Iterator<Item = &str> {
        self.log.iter().map(String::as_str)
    }
}
