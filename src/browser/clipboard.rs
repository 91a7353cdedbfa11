//! Copying text: the async Clipboard API, or a hidden textarea and `execCommand("copy")` where
//! the API is missing (plain-http pages, older browsers).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Puts `text` on the clipboard. `Err` means neither way worked; the caller says so.
pub async fn copy(text: &str) -> Result<(), ()> {
    let Some(window) = web_sys::window() else {
        return Err(());
    };
    let navigator = window.navigator();
    // `navigator.clipboard` is undefined outside secure contexts: check before calling it.
    let has_api = js_sys::Reflect::get(&navigator, &"clipboard".into()).is_ok_and(|c| !c.is_undefined());
    if has_api && JsFuture::from(navigator.clipboard().write_text(text)).await.is_ok() {
        return Ok(());
    }
    copy_with_textarea(&window, text)
}

fn copy_with_textarea(window: &web_sys::Window, text: &str) -> Result<(), ()> {
    let document = window.document().ok_or(())?;
    let body = document.body().ok_or(())?;
    let area: web_sys::HtmlTextAreaElement = document
        .create_element("textarea")
        .map_err(|_| ())?
        .dyn_into()
        .map_err(|_| ())?;
    area.set_value(text);
    let _ = area.set_attribute("readonly", "");
    let _ = area.set_attribute("aria-hidden", "true");
    // A class, not a style attribute: the Content-Security-Policy allows no inline styles.
    area.set_class_name("clipboard-staging");
    body.append_child(&area).map_err(|_| ())?;
    area.select();
    let copied = document
        .dyn_ref::<web_sys::HtmlDocument>()
        .and_then(|d| d.exec_command("copy").ok())
        .unwrap_or(false);
    area.remove();
    if copied {
        Ok(())
    } else {
        Err(())
    }
}
