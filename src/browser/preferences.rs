//! Non-secret preferences (the scope, each scope's name and the API URL) remembered in
//! localStorage. The access token is never passed here: this module has no way to store it.

use crate::github::{PerScope, ScopeKind};

const SCOPE_KEY: &str = "runner-token.scope";
const API_KEY: &str = "runner-token.api";

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Preferences {
    pub scope: Option<ScopeKind>,
    /// Each scope kind's remembered name.
    pub names: PerScope<Option<String>>,
    pub api: Option<String>,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The key of a scope kind's remembered name (`runner-token.org` is the one older pages wrote).
fn name_key(kind: ScopeKind) -> String {
    format!("runner-token.{}", kind.key())
}

pub fn load() -> Preferences {
    let Some(s) = storage() else {
        return Preferences::default();
    };
    let get = |key: &str| s.get_item(key).ok().flatten();
    Preferences {
        scope: get(SCOPE_KEY).as_deref().and_then(ScopeKind::from_key),
        names: PerScope::from_fn(|kind| get(&name_key(kind))),
        api: get(API_KEY),
    }
}

/// Best effort: storage may be full, disabled or blocked; the page works without it.
pub fn save(kind: ScopeKind, name: &str, api: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(SCOPE_KEY, kind.key());
        let _ = s.set_item(&name_key(kind), name);
        let _ = s.set_item(API_KEY, api);
    }
}
