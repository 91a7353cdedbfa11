//! `CommandBlock`: the `config.sh` command as shown (token masked unless revealed) and a button
//! that copies the real command, announcing the result to screen readers.

use crate::browser::clipboard;
use crate::runner::ConfigCommand;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

#[component]
pub fn CommandBlock(command: ConfigCommand, revealed: Signal<bool>, expired: Signal<bool>) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let (full, masked) = (command.text(), command.masked_text());
    let shown = move || if revealed.get() { full.clone() } else { masked.clone() };
    let copy = move |_| {
        let text = command.text();
        status.set(String::new());
        spawn_local(async move {
            let message = match (clipboard::copy(&text).await, expired.get_untracked()) {
                (Ok(()), false) => "Copied",
                (Ok(()), true) => "Copied, but this token has expired: config.sh will fail. Create a new token first.",
                (Err(()), _) => "Could not copy: your browser refused clipboard access. Show the token and copy the command by hand.",
            };
            status.set(message.to_string());
            set_timeout(move || status.update(|s| if s == message { s.clear() }), Duration::from_secs(6));
        });
    };
    view! {
        <section class="command" aria-labelledby="command-heading">
            <h3 id="command-heading">"Configure the runner"</h3>
            <p class="muted">"In the runner's folder (after downloading and extracting it), run:"</p>
            <div class="code-row">
                <pre><code aria-labelledby="command-heading">{shown}</code></pre>
                <button type="button" class="primary" on:click=copy>"Copy command"</button>
            </div>
            <p class="copy-status" role="status" aria-live="polite" class:warn=move || expired.get()>{move || status.get()}</p>
        </section>
    }
}
