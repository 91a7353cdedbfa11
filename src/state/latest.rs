//! "The newest answer wins", written once. Every load or debounce takes a [`Turn`]; when its
//! answer arrives it acts only if no newer turn was taken (or the turns were cancelled) meanwhile.

use leptos::prelude::*;
use std::time::Duration;

#[derive(Clone, Copy)]
pub struct Latest(StoredValue<u32>);

/// One request or wait, and whether it is still the newest.
#[derive(Clone, Copy)]
pub struct Turn {
    latest: Latest,
    number: u32,
}

impl Latest {
    pub fn new() -> Self {
        Self(StoredValue::new(0))
    }

    /// A new turn; every earlier one is superseded.
    pub fn turn(&self) -> Turn {
        let number = self.0.try_get_value().unwrap_or_default().wrapping_add(1);
        self.0.set_value(number);
        Turn { latest: *self, number }
    }

    /// Supersedes every turn taken so far: none of their answers may act.
    pub fn cancel(&self) {
        self.turn();
    }

    /// Runs `f` after `pause`, unless a newer turn is taken meanwhile (typing goes on): one
    /// action per pause in typing, not one per keystroke.
    pub fn after_pause(&self, pause: Duration, f: impl FnOnce() + 'static) {
        let turn = self.turn();
        set_timeout(
            move || {
                if turn.is_current() {
                    f();
                }
            },
            pause,
        );
    }
}

impl Default for Latest {
    fn default() -> Self {
        Self::new()
    }
}

impl Turn {
    /// Whether this is the newest turn. A turn of a part of the page that has gone (its
    /// component disposed while a timer or a request was pending) is never current.
    pub fn is_current(&self) -> bool {
        self.latest.0.try_get_value() == Some(self.number)
    }
}

/// Runs `f` once the browser has painted the next frame (a task queued from that frame's
/// animation callback runs after its paint).
pub fn after_paint(f: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(f, Duration::ZERO));
}
