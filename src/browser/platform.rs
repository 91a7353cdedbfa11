//! The visitor's own platform, the default choice for the runner package: at once from the
//! user agent, then (where the browser has User-Agent Client Hints) the real architecture.

use crate::runner::{Arch, RunnerPlatform};
use js_sys::{Array, Function, Promise, Reflect};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// From `navigator.userAgentData.platform` where the browser has it, else the user agent.
pub fn detect() -> RunnerPlatform {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return RunnerPlatform::default();
    };
    let ua_platform = user_agent_data()
        .and_then(|d| Reflect::get(&d, &"platform".into()).ok())
        .and_then(|p| p.as_string());
    RunnerPlatform::detect(ua_platform.as_deref(), &navigator.user_agent().unwrap_or_default())
}

/// Asks the browser for the machine's architecture in the background (the page is already on
/// screen) and applies it to `platform`, unless the user has changed the platform meanwhile.
pub fn refine(platform: RwSignal<RunnerPlatform>) {
    let Some(data) = user_agent_data() else { return };
    let Some(get) = Reflect::get(&data, &"getHighEntropyValues".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
    else {
        return;
    };
    let hints = Array::of2(&"architecture".into(), &"bitness".into());
    let Some(promise) = get.call1(&data, &hints).ok().and_then(|p| p.dyn_into::<Promise>().ok()) else {
        return;
    };
    let detected = platform.get_untracked();
    spawn_local(async move {
        let Ok(values) = JsFuture::from(promise).await else {
            return;
        };
        let text = |key: &str| {
            Reflect::get(&values, &key.into())
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default()
        };
        let arch = Arch::from_client_hints(&text("architecture"), &text("bitness"));
        let refined = arch.and_then(|a| RunnerPlatform::new(detected.os, a));
        if let Some(refined) = refined.filter(|_| platform.get_untracked() == detected) {
            platform.set(refined);
        }
    });
}

fn user_agent_data() -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    Reflect::get(&navigator, &"userAgentData".into())
        .ok()
        .filter(JsValue::is_object)
}
