//! The warnings above the form: a secret found in the page's link (removed, never used), and a
//! page loaded over plain http from another machine.

use crate::browser::location;
use leptos::prelude::*;

#[component]
pub fn LinkWarning(removed: Vec<String>) -> impl IntoView {
    (!removed.is_empty()).then(|| {
        let names = removed
            .iter()
            .map(|n| format!("\u{201c}{n}\u{201d}"))
            .collect::<Vec<_>>()
            .join(", ");
        view! {
            <div class="alert warning" role="alert">
                <p><strong>"The link you opened contained a secret, which was removed and not used."</strong></p>
                <p>
                    "Parameter " {names} " was taken out of the address bar. Links end up in browser history, "
                    "chat logs and server logs: if it held a real token, revoke that token and create a new one. "
                    "Paste tokens into the Access token field instead."
                </p>
            </div>
        }
    })
}

#[component]
pub fn InsecurePageWarning() -> impl IntoView {
    location::insecure_host().map(|host| {
        view! {
            <div class="alert warning" role="alert">
                <p><strong>{format!("This page was loaded over plain http from {host}.")}</strong></p>
                <p>"Anyone on the network path could have altered it or could read what you type. Open it over https before pasting an access token."</p>
            </div>
        }
    })
}
