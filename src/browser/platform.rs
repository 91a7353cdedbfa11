//! The visitor's own platform, the default choice for the runner package.

use crate::runner::RunnerPlatform;

/// From `navigator.userAgentData.platform` where the browser has it, else the user agent.
pub fn detect() -> RunnerPlatform {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else { return RunnerPlatform::default() };
    let ua_platform = js_sys::Reflect::get(&navigator, &"userAgentData".into())
        .ok()
        .filter(|d| d.is_object())
        .and_then(|d| js_sys::Reflect::get(&d, &"platform".into()).ok())
        .and_then(|p| p.as_string());
    RunnerPlatform::detect(ua_platform.as_deref(), &navigator.user_agent().unwrap_or_default())
}
