//! One way every copy button works: copy the real text, then say what happened in a status line
//! screen readers announce (it clears itself after a few seconds).

use crate::browser::clipboard;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

pub fn copy_and_announce(text: String, expired: bool, status: RwSignal<String>, copied: &'static str) {
    status.set(String::new());
    spawn_local(async move {
        let message = match (clipboard::copy(&text).await, expired) {
            (Ok(()), false) => copied,
            (Ok(()), true) => "Copied, but this token has expired: config.sh will fail. Create a new token first.",
            (Err(()), _) => {
                "Could not copy: your browser refused clipboard access. Show the token and copy the text by hand."
            }
        };
        status.set(message.to_string());
        set_timeout(
            move || {
                status.update(|s| {
                    if s == message {
                        s.clear()
                    }
                })
            },
            Duration::from_secs(6),
        );
    });
}
