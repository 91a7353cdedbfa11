//! `ExpiryLine`: when the token stops working, in local time and UTC, with a live countdown;
//! once it has passed, an Expired mark and a way to get a fresh token.

use crate::browser::clock::local_date_time;
use crate::expiry::{Expiry, Remaining};
use leptos::prelude::*;

#[component]
pub fn ExpiryLine(
    expires_at: Expiry,
    now: Signal<i64>,
    expired: Signal<bool>,
    on_renew: Callback<()>,
) -> impl IntoView {
    let countdown = move || Remaining::at(expires_at, now.get()).to_string();
    view! {
        <div class="expiry" class:expired=move || expired.get()>
            <p>
                <span class="label">"Expires"</span> " "
                <span class="local-time">{local_date_time(expires_at.unix_ms())}</span> " ("
                <time datetime=expires_at.utc_iso()>{expires_at.utc_text()}</time> ") "
                <span class="countdown">{countdown}</span>
            </p>
            <div role="status">
                {move || expired.get().then(|| view! {
                    <p class="expired-note">
                        <strong class="badge">"Expired"</strong>
                        " This token no longer works: config.sh would fail with a 404. "
                        <button type="button" class="secondary" on:click=move |_| on_renew.run(())>"Create a new token"</button>
                    </p>
                })}
            </div>
        </div>
    }
}
