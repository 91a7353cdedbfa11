//! Non-secret preferences (organization and API URL) remembered in localStorage. The access
//! token is never passed here: this module has no way to store it.

const ORG_KEY: &str = "runner-token.org";
const API_KEY: &str = "runner-token.api";

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Preferences {
    pub org: Option<String>,
    pub api: Option<String>,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn load() -> Preferences {
    let Some(s) = storage() else { return Preferences::default() };
    Preferences { org: s.get_item(ORG_KEY).ok().flatten(), api: s.get_item(API_KEY).ok().flatten() }
}

/// Best effort: storage may be full, disabled or blocked; the page works without it.
pub fn save(org: &str, api: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(ORG_KEY, org);
        let _ = s.set_item(API_KEY, api);
    }
}
