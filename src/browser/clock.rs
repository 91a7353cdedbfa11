//! The clock and local-time wording (Intl, so the user's own locale and time zone).

use js_sys::{Array, Date, Intl, Object, Reflect};
use std::cell::OnceCell;
use wasm_bindgen::JsValue;

pub fn now_ms() -> i64 {
    Date::now() as i64
}

/// e.g. "21 Nov 2026, 15:45:10 CET", in the browser's locale and time zone.
pub fn local_date_time(unix_ms: i64) -> String {
    let date = Date::new(&JsValue::from_f64(unix_ms as f64));
    FORMAT
        .with(|f| {
            let format = f.get_or_init(formatter);
            format.format().call1(format, &date).ok()
        })
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| String::from(date.to_string()))
}

/// Builds the date formatter before it is needed, once the browser is idle. Each result used to
/// construct two `Intl.DateTimeFormat`s, about 17 ms together in Chromium's CPU profile, between
/// the click and the result (scripts/bench).
pub fn prepare() {
    leptos::prelude::request_idle_callback(|| {
        FORMAT.with(|f| {
            f.get_or_init(formatter);
        })
    });
}

thread_local! {
    /// One formatter for the page's lifetime (built on first use or by [`prepare`]).
    static FORMAT: OnceCell<Intl::DateTimeFormat> = const { OnceCell::new() };
}

fn formatter() -> Intl::DateTimeFormat {
    let options = Object::new();
    let _ = Reflect::set(&options, &"dateStyle".into(), &"medium".into());
    let _ = Reflect::set(&options, &"timeStyle".into(), &"long".into());
    Intl::DateTimeFormat::new(&Array::new(), &options)
}

/// Waits `ms` milliseconds (a timer, not a busy loop).
pub async fn sleep(ms: i64) {
    let ms = ms.clamp(0, i32::MAX as i64) as i32;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
