//! The warnings above the form: a secret found in the page's link (removed, never used), and a
//! page loaded over plain http from another machine.

use crate::browser::location;
use crate::words::link::{removed_parameters, SECRET_REMOVED};
use leptos::prelude::*;

#[component]
pub fn LinkWarning(removed: Vec<String>) -> impl IntoView {
    (!removed.is_empty()).then(|| {
        view! {
            <div class="alert warning" role="alert">
                <p><strong>{SECRET_REMOVED}</strong></p>
                <p>{removed_parameters(&removed)}</p>
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
