//! `FormState`: the request form as the page holds it: the scope kind and each scope's text,
//! the token, the API and server URLs, and the action. One signal per field, so each control
//! updates only what reads it; `input` gathers them for validation.

use crate::browser::preferences::Preferences;
use crate::deep_link::DeepLink;
use crate::form::{Action, FormInput};
use crate::github::scope::{parse_address, PastedAddress};
use crate::github::{ScopeKind, DEFAULT_API};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct FormState {
    pub kind: RwSignal<ScopeKind>,
    pub repo: RwSignal<String>,
    pub org: RwSignal<String>,
    pub enterprise: RwSignal<String>,
    pub token: RwSignal<String>,
    pub api: RwSignal<String>,
    pub server: RwSignal<String>,
    pub action: RwSignal<Action>,
}

impl FormState {
    /// A link wins over what was remembered; the token always starts empty.
    pub fn new(link: &DeepLink, saved: Preferences) -> Self {
        let pick = |from_link: &Option<String>, remembered: Option<String>| {
            from_link.clone().or(remembered).unwrap_or_default()
        };
        Self {
            kind: RwSignal::new(link.scope.or(saved.scope).unwrap_or_default()),
            repo: RwSignal::new(pick(&link.repo, saved.repo)),
            org: RwSignal::new(pick(&link.org, saved.org)),
            enterprise: RwSignal::new(pick(&link.enterprise, saved.enterprise)),
            token: RwSignal::new(String::new()),
            api: RwSignal::new(
                link.api
                    .clone()
                    .or(saved.api)
                    .unwrap_or_else(|| DEFAULT_API.to_string()),
            ),
            server: RwSignal::new(String::new()),
            action: RwSignal::new(link.action.unwrap_or_default()),
        }
    }

    /// The text signal of a scope kind's field.
    pub fn text(&self, kind: ScopeKind) -> RwSignal<String> {
        match kind {
            ScopeKind::Repository => self.repo,
            ScopeKind::Organization => self.org,
            ScopeKind::Enterprise => self.enterprise,
        }
    }

    /// Everything as typed (a tracked read of every field).
    pub fn input(&self) -> FormInput {
        FormInput {
            kind: self.kind.get(),
            repo: self.repo.get(),
            org: self.org.get(),
            enterprise: self.enterprise.get(),
            token: self.token.get(),
            api: self.api.get(),
            server: self.server.get(),
        }
    }

    /// If a scope field holds a pasted GitHub address, it picks the scope: the kind switches,
    /// that kind's field gets the name, and a server's API URL replaces the default one.
    pub fn take_pasted_address(&self) {
        for kind in ScopeKind::ALL {
            let Some(PastedAddress {
                kind: picked,
                value,
                api,
            }) = self.text(kind).with_untracked(|t| parse_address(t))
            else {
                continue;
            };
            self.text(kind).set(String::new());
            self.text(picked).set(value);
            self.kind.set(picked);
            if let Some(api) = api {
                if self
                    .api
                    .with_untracked(|a| a.trim() == DEFAULT_API || a.trim().is_empty())
                {
                    self.api.set(api);
                }
            }
        }
    }
}
