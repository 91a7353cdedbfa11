// The minimal baseline (tests/bench/minimal) in Leptos, with runner-token's stack and release
// profile: what the framework costs for the same job, and nothing else.
use leptos::prelude::*;
use serde::Deserialize;

#[derive(Deserialize, Clone)]
struct Token {
    token: String,
}

#[component]
fn App() -> impl IntoView {
    let org = RwSignal::new(String::new());
    let token = RwSignal::new(String::new());
    let api = RwSignal::new(String::from("https://api.github.com"));
    let result = RwSignal::new(None::<(String, String, String)>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (o, t, a) = (
            org.get_untracked().trim().to_string(),
            token.get_untracked().trim().to_string(),
            api.get_untracked().trim().trim_end_matches('/').to_string(),
        );
        leptos::task::spawn_local(async move {
            let web = if let Some(w) = a.strip_suffix("/api/v3") {
                w.to_string()
            } else {
                a.replace("://api.", "://")
            };
            let r = gloo_net::http::Request::post(&format!("{a}/orgs/{o}/actions/runners/registration-token"))
                .header("Authorization", &format!("Bearer {t}"))
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28")
                .send()
                .await;
            if let Ok(r) = r {
                if let Ok(text) = r.text().await {
                    if let Ok(tk) = serde_json::from_str::<Token>(&text) {
                        let cmd = format!("./config.sh --url {web}/{o} --token {}", tk.token);
                        result.set(Some((format!("Registration token for {o}"), tk.token, cmd)));
                    }
                }
            }
        });
    };
    view! {
        <main>
            <h1>"Runner registration token"</h1>
            <form on:submit=submit>
                <label for="org">"Organization"</label> <input id="org" required on:input=move |e| org.set(event_target_value(&e)) />
                <label for="token">"Access token"</label> <input id="token" type="password" required on:input=move |e| token.set(event_target_value(&e)) />
                <label for="api">"API URL"</label> <input id="api" prop:value=api on:input=move |e| api.set(event_target_value(&e)) />
                <button type="submit">"Create registration token"</button>
            </form>
            {move || result.get().map(|(h, t, c)| view! {
                <section><h2 id="result-heading">{h}</h2><p><code class="token">{t}</code></p><pre><code>{c}</code></pre></section>
            })}
        </main>
    }
}

fn main() {
    leptos::mount::mount_to_body(App);
}

#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
