//! `FormState`: the request form as the page holds it: the scope kind and each scope's text,
//! the API and server URLs, and the action (the token is the [`Credential`]'s). One signal per
//! field, so each control updates only what reads it; `input` gathers them for validation.

use super::credential::Credential;
use crate::browser::preferences::Preferences;
use crate::deep_link::DeepLink;
use crate::form::{Action, FieldErrors, FormInput, ValidForm};
use crate::github::scope::{parse_address, PastedAddress};
use crate::github::{ApiBase, PerScope, ScopeKind, UrlError, DEFAULT_API};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct FormState {
    pub kind: RwSignal<ScopeKind>,
    pub scope: PerScope<RwSignal<String>>,
    pub credential: Credential,
    pub api: RwSignal<String>,
    pub server: RwSignal<String>,
    pub action: RwSignal<Action>,
    /// The API URL, parsed once per edit: the form, the token hint, the Enterprise section and
    /// the privacy note all read this one result.
    pub api_base: Memo<Result<ApiBase, UrlError>>,
    pub validated: Memo<Result<ValidForm, FieldErrors>>,
    /// Messages appear once the user has tried to submit, then follow every keystroke.
    pub attempted: RwSignal<bool>,
}

impl FormState {
    /// A link wins over what was remembered; the token always starts empty.
    pub fn new(link: &DeepLink, saved: Preferences) -> Self {
        let scope = PerScope::from_fn(|kind| {
            RwSignal::new(
                link.names
                    .get(kind)
                    .clone()
                    .or_else(|| saved.names.get(kind).clone())
                    .unwrap_or_default(),
            )
        });
        let kind = RwSignal::new(link.scope.or(saved.scope).unwrap_or_default());
        let api = RwSignal::new(
            link.api
                .clone()
                .or(saved.api)
                .unwrap_or_else(|| DEFAULT_API.to_string()),
        );
        let server = RwSignal::new(String::new());
        let credential = Credential::new();
        let api_base = Memo::new(move |_| api.with(|a| ApiBase::parse(a)));
        let validated = Memo::new(move |_| {
            let input = FormInput {
                kind: kind.get(),
                scope: scope.map(|_, s| s.get()),
                api: api.get(),
                server: server.get(),
            };
            credential.with_text(|token| input.validate_with(api_base.get(), token))
        });
        Self {
            kind,
            scope,
            credential,
            api,
            server,
            action: RwSignal::new(link.action.unwrap_or_default()),
            api_base,
            validated,
            attempted: RwSignal::new(false),
        }
    }

    /// The text signal of a scope kind's field.
    pub fn text(&self, kind: ScopeKind) -> RwSignal<String> {
        *self.scope.get(kind)
    }

    /// A field's message, shown once the user has tried to submit (tracked).
    pub fn error(&self, pick: fn(&FieldErrors) -> Option<String>) -> Signal<Option<String>> {
        let (attempted, validated) = (self.attempted, self.validated);
        Signal::derive(move || {
            if attempted.get() {
                validated.with(|v| v.as_ref().err().and_then(pick))
            } else {
                None
            }
        })
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
                // The default API in any of its spellings (github.com's web address is one).
                let default = self.api.with_untracked(|a| a.trim().is_empty())
                    || self
                        .api_base
                        .with_untracked(|a| a.as_ref().is_ok_and(ApiBase::is_default));
                if default {
                    self.api.set(api);
                }
            }
        }
    }

    /// The API URL as shown in sentences: as parsed, or as typed when it does not parse.
    pub fn api_shown(&self) -> String {
        self.api_base.get().map_or_else(|_| self.api.get(), |a| a.to_string())
    }
}
