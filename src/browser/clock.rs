//! The clock and local-time wording (Intl, so the user's own locale and time zone).

use js_sys::{Array, Date, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

pub fn now_ms() -> i64 {
    Date::now() as i64
}

/// e.g. "21 Nov 2026, 15:45:10 CET", in the browser's locale and time zone.
pub fn local_date_time(unix_ms: i64) -> String {
    let options = Object::new();
    let _ = Reflect::set(&options, &"dateStyle".into(), &"medium".into());
    let _ = Reflect::set(&options, &"timeStyle".into(), &"long".into());
    let format = Intl::DateTimeFormat::new(&Array::new(), &options);
    let date = Date::new(&JsValue::from_f64(unix_ms as f64));
    format
        .format()
        .call1(&format, &date)
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| String::from(date.to_string()))
}
