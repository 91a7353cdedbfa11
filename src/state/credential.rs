//! `Credential`: the one place the page holds the access token. The token field edits it;
//! every request reads it at the moment it is built (`github::TokenSource`) and keeps no copy,
//! so forgetting it here is forgetting it everywhere the page could send it from.

use crate::github::{AccessToken, TokenKind, TokenSource};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Credential {
    /// The field's text, as typed (a pasted `Bearer ` and spaces included).
    text: RwSignal<String>,
}

impl Credential {
    pub fn new() -> Self {
        Self {
            text: RwSignal::new(String::new()),
        }
    }

    /// The token field's text (tracked), for the field itself.
    pub fn text(&self) -> Signal<String> {
        self.text.into()
    }

    pub fn set(&self, text: String) {
        self.text.set(text);
    }

    /// Whether there is no token (tracked).
    pub fn is_empty(&self) -> bool {
        self.text.with(String::is_empty)
    }

    pub fn is_empty_untracked(&self) -> bool {
        self.text.with_untracked(String::is_empty)
    }

    /// The token's kind, when what is typed is a token at all (tracked).
    pub fn kind(&self) -> Option<TokenKind> {
        self.text.with(|t| AccessToken::parse(t).ok().map(|t| t.kind()))
    }

    /// Lends the text to `f` (tracked): for validation, which keeps no copy.
    pub fn with_text<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        self.text.with(|t| f(t))
    }

    /// Drops the token. The bytes the page held are overwritten first; copies the browser made
    /// (the input's value, headers of requests already sent) are beyond the page's reach.
    pub fn forget(&self) {
        self.text.update(|t| {
            let mut bytes = std::mem::take(t).into_bytes();
            bytes.fill(0);
            std::hint::black_box(&bytes);
        });
    }
}

impl Default for Credential {
    fn default() -> Self {
        Self::new()
    }
}

impl TokenSource for Credential {
    fn authorization(&self) -> Option<String> {
        self.text
            .with_untracked(|t| AccessToken::parse(t).ok().map(|t| t.authorization()))
    }
}
