//! The address bar: reads the deep link once at start and removes any secret from it at once.

use crate::deep_link::DeepLink;

/// Reads `?org=&api=`; a secret-looking parameter is removed from the address bar (and so from
/// this history entry) before anything else runs.
pub fn take_deep_link() -> DeepLink {
    let Some(window) = web_sys::window() else {
        return DeepLink::default();
    };
    let location = window.location();
    let search = location.search().unwrap_or_default();
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return DeepLink::default();
    };
    let mut pairs = Vec::new();
    for entry in js_sys::try_iter(&params).ok().flatten().into_iter().flatten() {
        let Ok(entry) = entry else { continue };
        let entry = js_sys::Array::from(&entry);
        if let (Some(k), Some(v)) = (entry.get(0).as_string(), entry.get(1).as_string()) {
            pairs.push((k, v));
        }
    }
    let link = DeepLink::from_pairs(&pairs, encode);
    if !link.removed.is_empty() {
        let path = location.pathname().unwrap_or_default();
        let hash = location.hash().unwrap_or_default();
        let clean = format!("{path}{}{hash}", link.clean_query);
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&clean));
        }
    }
    link
}

/// This page's address (origin and path) with `query` (`?a=b`, or empty).
pub fn page_url(query: &str) -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return query.to_string();
    };
    format!(
        "{}{}{query}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    )
}

/// Encodes one query component (`encodeURIComponent`).
pub fn encode(s: &str) -> String {
    String::from(js_sys::encode_uri_component(s))
}

/// The page's host when it was loaded over plain http from another machine: then anyone on the
/// way could have changed the page or can read what is typed into it.
pub fn insecure_host() -> Option<String> {
    let location = web_sys::window()?.location();
    let protocol = location.protocol().ok()?;
    let host = location.hostname().ok()?;
    crate::github::api_base::is_insecure_page(&protocol, &host).then_some(host)
}

/// The address's fragment without `#` (`runners` for `#runners`), or empty.
pub fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// Shows `fragment` in the address bar as a new history entry, without reloading or scrolling
/// (Back returns to the previous one).
pub fn set_fragment(fragment: &str) {
    let Some(window) = web_sys::window() else { return };
    if let Ok(history) = window.history() {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("#{fragment}")));
    }
}

/// Calls `f` whenever the fragment changes by the address bar or Back and Forward, for the life
/// of the page.
pub fn on_fragment_change(f: impl Fn() + 'static) {
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else { return };
    let callback = wasm_bindgen::closure::Closure::<dyn Fn()>::new(f);
    for event in ["hashchange", "popstate"] {
        let _ = window.add_event_listener_with_callback(event, callback.as_ref().unchecked_ref());
    }
    // The page never removes the listeners: the tabs live as long as the page.
    callback.forget();
}
