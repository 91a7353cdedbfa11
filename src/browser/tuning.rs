//! Timings the end-to-end tests may shorten, so no test waits out real seconds: set
//! `globalThis.runnerTokenTuning = { pollMs: 200 }` before the page's scripts run (the tests do,
//! through the DevTools protocol). Without it, and for anything out of bounds, the defaults hold.

use crate::runner::watch::POLL_EVERY;
use js_sys::Reflect;
use std::time::Duration;

/// The runner watch's poll interval: [`POLL_EVERY`], or the tuning's `pollMs` (100 ms to 60 s).
pub fn poll_every() -> Duration {
    number("pollMs")
        .filter(|ms| (100.0..=60_000.0).contains(ms))
        .map_or(POLL_EVERY, |ms| Duration::from_millis(ms as u64))
}

fn number(key: &str) -> Option<f64> {
    let tuning = Reflect::get(&js_sys::global(), &"runnerTokenTuning".into())
        .ok()
        .filter(|t| t.is_object())?;
    Reflect::get(&tuning, &key.into()).ok()?.as_f64()
}
